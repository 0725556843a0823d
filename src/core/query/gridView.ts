/**
 * The results grid's view: its client-side filter and its sort. The webview draws it; the host
 * computes the same view from the same spec when it saves what the grid shows, so no list of ids
 * has to cross the webview boundary.
 */
import { type FilterableRow, type RowFilters, rowMatches } from './rowFilters';

/** A grid row as far as filtering and sorting need it. */
export interface ViewRow extends FilterableRow {
  readonly id: string;
  readonly cells: Readonly<Record<string, string>>;
}

/** A column as far as sorting needs it: numbers and statuses sort by their number. */
export interface SortColumn {
  readonly id: string;
  readonly kind?: string;
}

export interface SortState {
  readonly column: string;
  readonly descending: boolean;
}

/** The grid's filter: the same predicate exports use (one copy, in core). */
export function filterRows<R extends ViewRow>(rows: readonly R[], f: RowFilters): R[] {
  return rows.filter((r) => rowMatches(r, f));
}

export function sortRows<R extends ViewRow>(rows: R[], sort: SortState | undefined, columns: readonly SortColumn[]): R[] {
  if (!sort) return rows;
  const kind = columns.find((c) => c.id === sort.column)?.kind;
  const numeric = kind === 'number' || kind === 'status';
  const key = (r: ViewRow) => r.cells[sort.column] ?? '';
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
