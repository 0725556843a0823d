/**
 * The one JSON shape for saved results, everywhere ("Open as JSON", "Save as JSON…", JSON exports):
 * `{"query": {...}, "value": [...]}`, like a Graph list response, with a header that says where the
 * rows came from so a saved file stands on its own as evidence.
 */
import { isUnreadable, type LogRecord, recordJson } from '../records/untrusted';

export interface QueryHeader {
  readonly tenant: { readonly id: string; readonly name: string; readonly cloud: string };
  readonly category: { readonly id: string; readonly label: string; readonly endpoint: string };
  /** The full `$filter` sent to Graph, time range included. */
  readonly filter: string | null;
  /** Client-side filters that were applied on top, in words. */
  readonly clientFilters?: readonly string[];
  readonly range?: { readonly from: string; readonly to: string };
  readonly fetchedAt: string;
  /** Rows in `value` (for a streamed export, see its manifest). */
  readonly count?: number;
  /** Of `count`, records the service sent that could not be read, kept exactly as sent. */
  readonly unreadableRecords?: number;
  readonly tool: string;
}

export interface ResultsDocument {
  readonly query: QueryHeader;
  readonly value: readonly LogRecord[];
}

export function resultsDocument(header: Omit<QueryHeader, 'count'>, rows: readonly LogRecord[]): ResultsDocument {
  const unreadable = rows.filter(isUnreadable).length;
  return { query: { ...header, count: rows.length, ...(unreadable > 0 ? { unreadableRecords: unreadable } : {}) }, value: rows };
}

const indent = (text: string, by: string): string => text.replace(/\n/g, `\n${by}`);

/**
 * Pretty-printed for people; the same bytes whether opened in an editor or saved. Laid out as
 * `JSON.stringify(doc, null, 2)` would, record by record, so that an unreadable record goes in
 * exactly as the service sent it.
 */
export function formatResultsDocument(doc: ResultsDocument): string {
  const header = indent(JSON.stringify(doc.query, null, 2), '  ');
  if (doc.value.length === 0) return `{\n  "query": ${header},\n  "value": []\n}\n`;
  const rows = doc.value.map((r) => `    ${indent(recordJson(r, 2), '    ')}`).join(',\n');
  return `{\n  "query": ${header},\n  "value": [\n${rows}\n  ]\n}\n`;
}
