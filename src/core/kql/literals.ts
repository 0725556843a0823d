/**
 * Values written into KQL. Filter text comes from users and from log records (a pivot on a value
 * seen in a row), so it must never change a query's shape: every value becomes one literal.
 */

/** Characters a KQL string literal can only hold escaped; other control characters are refused. */
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Why a value cannot be written as a KQL string (a control character no escape stands for), or undefined. */
export function kqlStringProblem(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const bad = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/.exec(value);
  return bad ? `The value holds a control character (U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) that a query cannot hold.` : undefined;
}

/** A double-quoted KQL string literal whose value is exactly `value`. Throws on a value kqlStringProblem refuses. */
export function kqlString(value: string): string {
  const problem = kqlStringProblem(value);
  if (problem) throw new Error(problem);
  return `"${value.replace(/[\\"\n\r\t]/g, (c) => ESCAPES[c])}"`;
}

/** `datetime(2026-12-01T10:00:00.000Z)`: an instant, always UTC. */
export function kqlDatetime(ms: number): string {
  if (!Number.isFinite(ms)) throw new Error('Not a time.');
  return `datetime(${new Date(ms).toISOString()})`;
}

/** A column or table name: as is when it is a plain identifier, else bracket-quoted. */
export function kqlName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `[${kqlString(name)}]`;
}

/** A number as KQL reads it (finite only). */
export function kqlNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error('Not a finite number.');
  return Number.isInteger(n) ? String(n) : `real(${n})`;
}
