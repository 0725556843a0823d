/**
 * CSV for spreadsheets and SIEM imports: nested fields flattened to `/` paths, RFC 4180 quoting,
 * and cells that a spreadsheet would run as a formula neutralised, because every string in a log
 * record may be hostile (a display name of `=HYPERLINK(...)` is a known attack on analysts).
 */

/** The value at a `/` path, or undefined. */
export function valueAt(record: unknown, path: string): unknown {
  let v: unknown = record;
  for (const key of path.split('/')) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Every leaf path of a record (objects are descended, arrays are one cell), in record order. */
export function leafPaths(record: Record<string, unknown>, prefix = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(record)) {
    if (k.startsWith('@odata.')) continue;
    const p = prefix ? `${prefix}/${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) out.push(...leafPaths(v as Record<string, unknown>, p));
    else out.push(p);
  }
  return out;
}

/** Characters that make Excel, LibreOffice and Sheets evaluate a cell (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell's text: objects and arrays as compact JSON, strings neutralised and quoted when needed. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text: string;
  if (typeof value === 'string') text = FORMULA_START.test(value) ? `'${value}` : value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else {
    text = JSON.stringify(value);
    if (FORMULA_START.test(text)) text = `'${text}`;
  }
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly string[]): string {
  return `${cells.join(',')}\r\n`;
}

export function csvRecord(record: Record<string, unknown>, columns: readonly string[]): string {
  return csvRow(columns.map((c) => csvCell(valueAt(record, c))));
}
