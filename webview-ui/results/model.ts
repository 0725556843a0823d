/** Pure row logic of the results grid: client-side filters and sorting. */
import { ColumnInfo, RowData } from '../../src/webview/results/protocol';

import { CA_POLICY_RESULT } from '../../src/core/catalog/enums';

/** The CA result values a user can filter on: the CSDL enum without its placeholder. */
export const CA_RESULTS = CA_POLICY_RESULT.filter((r) => r !== 'unknownFutureValue');

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

export interface SortState {
  readonly column: string;
  readonly descending: boolean;
}

/** The active filters in words, for the header of a saved document. */
export function describeFilters(f: RowFilters): string[] {
  const out: string[] = [];
  if (f.failuresOnly) out.push('failures only');
  if (f.caPolicy) out.push(`conditional access policy "${f.caPolicy}"${f.caResult ? ` with result ${f.caResult}` : ''}`);
  else if (f.caResult) out.push(`a conditional access result of ${f.caResult}`);
  if (f.reportOnly) out.push('report-only conditional access results');
  if (f.text.trim()) out.push(`text contains "${f.text.trim()}"`);
  return out;
}

export function filterRows(rows: readonly RowData[], f: RowFilters): RowData[] {
  const text = f.text.trim().toLowerCase();
  return rows.filter((r) => {
    if (f.failuresOnly && !r.failed) return false;
    if (f.caPolicy || f.caResult) {
      const ca = r.ca ?? [];
      if (!ca.some(([name, result]) => (!f.caPolicy || name === f.caPolicy) && (!f.caResult || result === f.caResult))) return false;
    }
    if (f.reportOnly && !(r.ca ?? []).some(([, result]) => result.startsWith('reportOnly'))) return false;
    if (text && !Object.values(r.cells).some((v) => v.toLowerCase().includes(text))) return false;
    return true;
  });
}

export function sortRows(rows: RowData[], sort: SortState | undefined, columns: readonly ColumnInfo[]): RowData[] {
  if (!sort) return rows;
  const kind = columns.find((c) => c.id === sort.column)?.kind;
  const numeric = kind === 'number' || kind === 'status';
  const key = (r: RowData) => r.cells[sort.column] ?? '';
  const num = (s: string) => {
    const m = /-?\d+(\.\d+)?/.exec(s);
    return m ? Number(m[0]) : s === 'Success' ? 0 : Number.NEGATIVE_INFINITY;
  };
  const sorted = [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c = numeric ? num(x) - num(y) : x.localeCompare(y);
    return sort.descending ? -c : c;
  });
  return sorted;
}
