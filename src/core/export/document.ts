/**
 * The one JSON shape for saved results, everywhere ("Open as JSON", "Save as JSON…", JSON exports):
 * `{"query": {...}, "value": [...]}`, like a Graph list response, with a header that says where the
 * rows came from so a saved file stands on its own as evidence.
 */

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
  readonly tool: string;
}

export interface ResultsDocument {
  readonly query: QueryHeader;
  readonly value: readonly Record<string, unknown>[];
}

export function resultsDocument(header: Omit<QueryHeader, 'count'>, rows: readonly Record<string, unknown>[]): ResultsDocument {
  return { query: { ...header, count: rows.length }, value: rows };
}

/** Pretty-printed for people; the same bytes whether opened in an editor or saved. */
export function formatResultsDocument(doc: ResultsDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
