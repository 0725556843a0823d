/** Pure row logic of the results grid: client-side filters and sorting. */
import { type ColumnInfo, type RowData } from '../../src/webview/results/protocol';

import { CA_POLICY_RESULT } from '../../src/core/catalog/enums';
import { type RowFilters, rowMatches } from '../../src/core/query/rowFilters';

/** The CA result values a user can filter on: the CSDL enum without its placeholder. */
export const CA_RESULTS = CA_POLICY_RESULT.filter((r) => r !== 'unknownFutureValue');

export type { RowFilters } from '../../src/core/query/rowFilters';
export { describeFilters } from '../../src/core/query/rowFilters';

export interface SortState {
  readonly column: string;
  readonly descending: boolean;
}

/** The grid's filter: the same predicate exports use (one copy, in core). */
export function filterRows(rows: readonly RowData[], f: RowFilters): RowData[] {
  return rows.filter((r) => rowMatches(r, f));
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
