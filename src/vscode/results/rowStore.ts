import { type CategorySpec } from '../../core/catalog/types';
import { type Logger } from '../../core/log/redact';
import { filterRows, type SortState, sortRows } from '../../core/query/gridView';
import { type RowFilters } from '../../core/query/rowFilters';
import { toDisplayRow } from '../../core/query/rows';
import { isUnreadable, type LogRecord } from '../../core/records/untrusted';
import { type RowData } from '../../webview/results/protocol';

/** How long rows wait to go to the grid together: 100k rows arrive as a few hundred messages, not 100k. */
const BATCH_MS = 50;

/**
 * A results panel's loaded records by grid row id, in arrival order, and the display rows on their
 * way to the webview in batches. It notes what the user should be told about them: unreadable
 * records, and sign-ins whose conditional access Graph left out.
 */
export class RowStore {
  private readonly records = new Map<string, LogRecord>();
  private pending: RowData[] = [];
  private timer: NodeJS.Timeout | undefined;
  private unreadableCount = 0;
  private repeatedIds = 0;
  private caHiddenSeen = false;

  constructor(
    private readonly category: CategorySpec,
    private readonly log: Logger,
    private readonly send: (rows: RowData[]) => void,
  ) {}

  add(records: readonly LogRecord[]): void {
    for (const r of records) {
      let row = toDisplayRow(this.category, r);
      // Identical unreadable records share a text hash, and a workspace keeps a row per change of
      // a risky user (one id, many rows): each still gets its own row.
      if (this.records.has(row.id)) row = { ...row, id: `${row.id}#${++this.repeatedIds}` };
      this.records.set(row.id, r);
      if (row.unreadable) {
        this.unreadableCount++;
        this.log.warn(`An unreadable record in ${this.category.label} (${isUnreadable(r) ? r.reason : 'fields could not be shown'}); it is shown as such and kept verbatim in saves and exports.`);
      } else if (this.category.group === 'Sign-ins' && !isUnreadable(r) && !('appliedConditionalAccessPolicies' in r) && !this.caHiddenSeen) {
        this.caHiddenSeen = true;
        this.log.info('Graph left out appliedConditionalAccessPolicies: the caller lacks Policy.Read.All (or a conditional-access reader role).');
      }
      this.pending.push(row);
    }
    this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  /** Sends the rows waiting for the next batch now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length > 0) this.send(this.pending.splice(0));
  }

  /** Every row, in order, for a webview that lost what it showed; nothing stays pending. */
  allRows(): RowData[] {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
    return this.allRowsKept();
  }

  /** The records the grid shows, in its order: the same filter and sort, computed here. */
  view(filters: RowFilters, sort: SortState | undefined): LogRecord[] {
    const rows = filterRows(this.allRowsKept(), filters);
    return sortRows(rows, sort, this.category.columns).flatMap((row) => {
      const r = this.records.get(row.id);
      return r ? [r] : [];
    });
  }

  private allRowsKept(): RowData[] {
    return [...this.records].map(([id, r]) => ({ ...toDisplayRow(this.category, r), id }));
  }

  get(id: string): LogRecord | undefined {
    return this.records.get(id);
  }

  all(): LogRecord[] {
    return [...this.records.values()];
  }

  get unreadable(): number {
    return this.unreadableCount;
  }

  get caHidden(): boolean {
    return this.caHiddenSeen;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
