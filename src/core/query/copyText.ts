/** What Copy puts on the clipboard from the grid: raw values behind readable labels, tab-separated rows. */
import { type CategorySpec } from '../catalog/types';
import { type LogRecord } from '../records/untrusted';
import { toDisplayRow } from './rows';

/** One cell: the raw value behind a label (what Graph and filters use), else the text shown. */
export function cellCopyText(category: CategorySpec, record: LogRecord, columnId: string): string {
  const row = toDisplayRow(category, record);
  return row.raw?.[columnId] ?? row.cells[columnId] ?? '';
}

/** A row's visible cells in the grid's column order, tab-separated, on one line. */
export function rowCopyText(category: CategorySpec, record: LogRecord, visibleColumns: readonly string[]): string {
  const row = toDisplayRow(category, record);
  return category.columns
    .filter((c) => visibleColumns.includes(c.id))
    .map((c) => (row.raw?.[c.id] ?? row.cells[c.id] ?? '').replace(/[\t\r\n]+/g, ' '))
    .join('\t');
}
