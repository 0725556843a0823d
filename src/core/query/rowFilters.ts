/**
 * Client-side filters on display rows (the ones Graph cannot do): one predicate for the results
 * grid, Save as JSON and bulk exports, so an export holds exactly the rows the panel shows.
 */
/** What a predicate needs of a row: the grid's RowData and core's DisplayRow both fit. */
export interface FilterableRow {
  readonly cells: Readonly<Record<string, string>>;
  readonly failed: boolean;
  readonly ca?: ReadonlyArray<readonly [string, string]>;
  /** Raw values behind labelled cells: text search finds `atRisk` as well as "At risk". */
  readonly raw?: Readonly<Record<string, string>>;
}

export interface RowFilters {
  readonly text: string;
  readonly failuresOnly: boolean;
  /** A CA policy name; '' for any. */
  readonly caPolicy: string;
  /** A CA result; '' for any. */
  readonly caResult: string;
  /** Only rows where some policy has a report-only result. */
  readonly reportOnly: boolean;
}

export const NO_ROW_FILTERS: RowFilters = { text: '', failuresOnly: false, caPolicy: '', caResult: '', reportOnly: false };

/** The active filters in words, for the header of a saved document and an export's manifest. */
export function describeFilters(f: RowFilters): string[] {
  const out: string[] = [];
  if (f.failuresOnly) out.push('failures only');
  if (f.caPolicy) out.push(`conditional access policy "${f.caPolicy}"${f.caResult ? ` with result ${f.caResult}` : ''}`);
  else if (f.caResult) out.push(`a conditional access result of ${f.caResult}`);
  if (f.reportOnly) out.push('report-only conditional access results');
  if (f.text.trim()) out.push(`text contains "${f.text.trim()}"`);
  return out;
}

export function isFiltering(f: RowFilters): boolean {
  return describeFilters(f).length > 0;
}

/** Whether one row passes the filters. */
export function rowMatches(r: FilterableRow, f: RowFilters): boolean {
  if (f.failuresOnly && !r.failed) return false;
  if (f.caPolicy || f.caResult) {
    const ca = r.ca ?? [];
    if (!ca.some(([name, result]) => (!f.caPolicy || name === f.caPolicy) && (!f.caResult || result === f.caResult))) return false;
  }
  if (f.reportOnly && !(r.ca ?? []).some(([, result]) => result.startsWith('reportOnly'))) return false;
  const text = f.text.trim().toLowerCase();
  if (text && !Object.values(r.cells).some((v) => v.toLowerCase().includes(text)) && !Object.values(r.raw ?? {}).some((v) => v.toLowerCase().includes(text))) return false;
  return true;
}

const LIMITS = { text: 1000, name: 1000 };

/** Filters from a webview or a checkpoint file, checked at that boundary. */
export function parseRowFilters(v: unknown): RowFilters | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const f = v as Record<string, unknown>;
  const str = (x: unknown, max: number) => typeof x === 'string' && x.length <= max;
  if (!str(f.text, LIMITS.text) || !str(f.caPolicy, LIMITS.name) || !str(f.caResult, LIMITS.name) || typeof f.failuresOnly !== 'boolean' || typeof f.reportOnly !== 'boolean') return undefined;
  return { text: f.text as string, failuresOnly: f.failuresOnly, caPolicy: f.caPolicy as string, caResult: f.caResult as string, reportOnly: f.reportOnly };
}
