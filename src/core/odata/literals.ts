/** OData literal formatting: strings single-quoted with quotes doubled, datetimes unquoted. */

export function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `2024-01-01T00:00:00Z`: unquoted, as Graph wants datetimes (a quoted date is a 400). */
export function datetimeLiteral(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? iso.replace('.000Z', 'Z') : iso;
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

export function isIp(value: string): boolean {
  if (IPV4.test(value)) return true;
  return /^[0-9a-f:]+$/i.test(value) && value.includes(':') && value.split(':').length <= 8;
}
