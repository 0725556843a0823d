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
  return diagnostics
    .filter((d) => d.severity === 'Error')
    .map((d) => ({ message: d.message, position: Math.min(raw.length, Math.max(0, d.start - prefix.length)) }));
}

/** A problem as one line: "At character 12: Missing expression". */
export function describeRawProblem(p: FilterProblem): string {
  return `${p.position !== undefined ? `At character ${p.position + 1}: ` : ''}${p.message}`;
}
