/**
 * An expert's own KQL condition for a workspace table, checked by Microsoft's parser against the
 * table's columns before anything is sent: a syntax error, an unknown column or a type error comes
 * back with its place in the text the user typed. It is a condition (it goes into `where (…)`), so
 * the rows keep the table's columns and open in the grid and detail panels.
 */
import { type KustoLanguage } from '../kql/syntax';
import { type FilterProblem } from '../odata/model';
import { TABLE_SCHEMAS } from './schema';
import { type WorkspaceTable } from './tables';

export function checkRawKql(kusto: KustoLanguage, table: WorkspaceTable, raw: string): FilterProblem[] {
  const prefix = `${table.name} | where (`;
  const schema = TABLE_SCHEMAS[table.name];
  const diagnostics = schema ? kusto.analyze(`${prefix}${raw})`, [{ name: table.name, schema }]) : kusto.parse(`${prefix}${raw})`).diagnostics;
  const columns = schema ? columnsOf(schema) : [];
  return diagnostics
    .filter((d) => d.severity === 'Error')
    .map((d) => ({ message: withSuggestion(d.message, columns), position: Math.min(raw.length, Math.max(0, d.start - prefix.length)) }));
}

/** The column names of a schema "(Name:type, …)". */
function columnsOf(schema: string): string[] {
  return schema
    .replace(/^\(|\)$/g, '')
    .split(',')
    .map((c) => c.split(':')[0].trim())
    .filter(Boolean);
}

/** Edits (insert, delete, change) from a to b, case-insensitively; stops counting past `max`. */
function distance(a: string, b: string, max: number): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[y.length];
}

/**
 * "The name 'ResultTyp' does not refer to any known column…": the input box cannot complete as an
 * editor does, so the message names the column that was probably meant (a misspelling or the
 * wrong case: KQL names are case-sensitive).
 */
function withSuggestion(message: string, columns: readonly string[]): string {
  const name = /The name '([^']{1,100})' does not refer to any known/.exec(message)?.[1];
  if (!name || columns.length === 0) return message;
  const best = columns
    .map((c) => ({ c, d: c.toLowerCase().startsWith(name.toLowerCase()) && name.length >= 3 ? 0.5 : distance(name, c, 2) }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))[0];
  return best ? `${message} Did you mean ${best.c}?` : message;
}

/** A problem as one line: "At character 12: Missing expression". */
export function describeRawProblem(p: FilterProblem): string {
  return `${p.position !== undefined ? `At character ${p.position + 1}: ` : ''}${p.message}`;
}
