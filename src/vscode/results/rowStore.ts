import { type CategorySpec } from '../../core/catalog/types';
import { type Logger } from '../../core/log/redact';
import { type SortState } from '../../core/query/gridView';
import { isFiltering, NO_ROW_FILTERS, type RowFilters } from '../../core/query/rowFilters';
import { arrivalOrder, RowTable } from '../../core/query/rowTable';
import { toDisplayRow } from '../../core/query/rows';
import { type RecordKeeper } from '../../core/records/spillFile';
import { isUnreadable, type LogRecord } from '../../core/records/untrusted';
import { type FacetInfo, type HistogramInfo, type RowData, type RowWindow, type ViewInfo } from '../../webview/results/protocol';

/** How long arriving rows wait to be announced together: 100k rows make a few hundred messages. */
const BATCH_MS = 50;
/** While rows stream into a sorted or filtered view, it is recomputed at most this often... */
const MIN_RECOMPUTE_MS = 250;
/** ...and never more than a fifth of the time (a million-row sort takes a few hundred ms). */
const RECOMPUTE_SHARE = 5;
/** Windows sent along with a new view: about what a tall grid shows with its margin. */
const IN_SIGHT = 3;
/** While rows stream in, the facets are counted again at most this often (a new view counts at once). */
const FACETS_MS = 1000;
/** Values each facet lists. */
const FACET_VALUES = 4;
/** The most bars the histogram draws (its buckets widen to fit). */
const HISTOGRAM_BARS = 72;

/**
 * A results panel's loaded rows and the grid's view of them. The records go to a keeper (a spill
 * file); their display cells stay here as compact columns; the view (filter and sort) is computed
 * here, and the webview asks for the rows in sight by position. It notes what the user should be
 * told: unreadable records, and sign-ins whose conditional access Graph left out.
 */
export class RowStore {
  private readonly table: RowTable;
  private filters: RowFilters = NO_ROW_FILTERS;
  private sort: SortState | undefined;
  /** The view's rows by position; undefined: every row in arrival order. */
  private order: Uint32Array | undefined;
  private version = 0;
  private announceTimer: NodeJS.Timeout | undefined;
  private recomputeTimer: NodeJS.Timeout | undefined;
  private lastComputeMs = 0;
  /** The windows the webview asked for most recently (start → count), oldest first. */
  private readonly inSight = new Map<number, number>();
  private unreadableCount = 0;
  private caHiddenSeen = false;
  /** The report's time column, and the oldest time among the loaded rows (Load all's forecast). */
  private readonly timeColumn: string | undefined;
  private oldest: number | undefined;
  private facetsAtMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly category: CategorySpec,
    private readonly log: Logger,
    private readonly keeper: RecordKeeper,
    private readonly announce: (view: ViewInfo) => void,
    /** Windows sent without being asked: the ones in sight, right after a new view. */
    private readonly push: (window: RowWindow) => void,
  ) {
    this.table = new RowTable(category.columns);
    this.timeColumn = category.columns.find((c) => c.kind === 'datetime')?.id;
  }

  add(records: readonly LogRecord[]): void {
    for (const r of records) {
      const row = toDisplayRow(this.category, r);
      this.table.add(row);
      const at = this.timeColumn ? Date.parse(row.cells[this.timeColumn]?.replace(' ', 'T') ?? '') : Number.NaN;
      if (!Number.isNaN(at) && (this.oldest === undefined || at < this.oldest)) this.oldest = at;
      this.keeper.append(r);
      if (row.unreadable) {
        this.unreadableCount++;
        this.log.warn(`An unreadable record in ${this.category.label} (${isUnreadable(r) ? r.reason : 'fields could not be shown'}); it is shown as such and kept verbatim in saves and exports.`);
      } else if (this.category.group === 'Sign-ins' && !isUnreadable(r) && !('appliedConditionalAccessPolicies' in r) && !this.caHiddenSeen) {
        this.caHiddenSeen = true;
        this.log.info('Graph left out appliedConditionalAccessPolicies: the caller lacks Policy.Read.All (or a conditional-access reader role).');
      }
    }
    if (this.shaped()) this.scheduleRecompute();
    else this.announceTimer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  private shaped(): boolean {
    return this.sort !== undefined || isFiltering(this.filters);
  }

  /** Brings the view up to date with every row loaded so far, and announces it (a load paused or ended). */
  settle(): void {
    if (this.recomputeTimer) this.recompute();
    else this.flush(true);
  }

  /** Announces the rows that arrived since the last announcement now. */
  private flush(force = false): void {
    if (this.announceTimer) clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
    this.announce({ ...this.info(), ...this.facets(force) });
  }

  /** The facets and the histogram of the view, when they are due (or forced: a new view, a load that settled). */
  private facets(force: boolean): { facets?: FacetInfo[]; histogram?: HistogramInfo | null } {
    const now = performance.now();
    if (!force && now - this.facetsAtMs < FACETS_MS) return {};
    this.facetsAtMs = now;
    const columns = this.category.facets ?? [];
    const label = (id: string) => this.category.columns.find((c) => c.id === id)?.label ?? id;
    const outcomes = this.category.group === 'Sign-ins';
    const histogram = this.timeColumn ? this.table.histogram(this.timeColumn, this.order, outcomes, HISTOGRAM_BARS) : undefined;
    return {
      facets: this.table.facets(columns, this.order, FACET_VALUES).map((f) => ({ ...f, label: label(f.column) })),
      histogram: histogram && this.timeColumn ? { column: this.timeColumn, outcomes, ...histogram } : null,
    };
  }

  /** The view as the webview should know it. */
  info(): ViewInfo {
    return { version: this.version, total: this.order?.length ?? this.table.size, loaded: this.table.size, policies: this.table.policies(), ...(this.oldest !== undefined ? { oldestMs: this.oldest } : {}) };
  }

  /** The grid's new filter and sort: the view is computed again, under a new version. */
  setView(filters: RowFilters, sort: SortState | undefined): void {
    // A new order alone leaves the same rows: their facets and histogram stand as they were.
    const sameRows = JSON.stringify(filters) === JSON.stringify(this.filters);
    this.filters = filters;
    this.sort = sort;
    this.recompute(!sameRows);
  }

  private scheduleRecompute(): void {
    if (this.recomputeTimer) return;
    const wait = Math.max(MIN_RECOMPUTE_MS, this.lastComputeMs * RECOMPUTE_SHARE);
    this.recomputeTimer = setTimeout(() => this.recompute(false), wait);
  }

  private recompute(countAgain = true): void {
    if (this.recomputeTimer) clearTimeout(this.recomputeTimer);
    this.recomputeTimer = undefined;
    const started = performance.now();
    this.order = this.shaped() ? this.table.view(this.filters, this.sort) : undefined;
    this.lastComputeMs = performance.now() - started;
    this.version++;
    // The grid will want the same places under the new order: they go with the view, sparing a
    // round trip through the webview before the sorted or filtered rows show.
    const total = this.order?.length ?? this.table.size;
    const coming = [...this.inSight].filter(([start]) => start < total);
    if (this.announceTimer) clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
    this.announce({ ...this.info(), coming: coming.map(([start]) => start), ...this.facets(countAgain) });
    for (const [start, count] of coming) this.push(this.window(this.version, start, count, false)!);
  }

  /** Which of these record ids the loaded rows hold. */
  holding(ids: readonly string[]): string[] {
    const held = new Set(this.table.rowsWith('id', new Set(ids)).map((index) => this.table.row(index).cells.id));
    return ids.filter((id) => held.has(id));
  }

  /**
   * Records read again (sign-ins after a verdict) take the place of the loaded rows with their id,
   * and the view is computed again: a row may now leave a filter, or move in a sort. Returns how
   * many rows changed.
   */
  replace(records: readonly LogRecord[]): number {
    const byId = new Map<string, LogRecord>();
    for (const r of records) if (!isUnreadable(r) && typeof r.id === 'string') byId.set(r.id, r);
    // One pass over the id column for all of them (a million rows each time would be felt).
    const rows = this.table.rowsWith('id', new Set(byId.keys()));
    for (const index of rows) {
      const r = byId.get(this.table.row(index).cells.id)!;
      this.table.replace(index, toDisplayRow(this.category, r));
      this.keeper.replace(index, r);
    }
    if (rows.length > 0) this.recompute();
    return rows.length;
  }

  /** Rows of the view at [start, start + count), or undefined when `version` is no longer current. */
  window(version: number, start: number, count: number, asked = true): RowWindow | undefined {
    if (version !== this.version) return undefined;
    if (asked) {
      // The last few places asked for are what is in sight.
      this.inSight.delete(start);
      this.inSight.set(start, count);
      if (this.inSight.size > IN_SIGHT) this.inSight.delete(this.inSight.keys().next().value!);
    }
    const total = this.order?.length ?? this.table.size;
    const rows: RowData[] = [];
    for (let p = start; p < Math.min(total, start + count); p++) rows.push(this.rowData(this.order ? this.order[p] : p));
    return { version, start, rows };
  }

  private rowData(index: number): RowData {
    const { index: _, ...row } = this.table.row(index);
    return { id: String(index), ...row };
  }

  /** The arrival index a grid row id stands for, if it is one of the loaded rows. */
  indexOf(id: string): number | undefined {
    const n = /^\d{1,10}$/.test(id) ? Number(id) : Number.NaN;
    return Number.isInteger(n) && n < this.table.size ? n : undefined;
  }

  /** A loaded record by its grid row id. */
  async get(id: string): Promise<LogRecord | undefined> {
    const index = this.indexOf(id);
    return index === undefined ? undefined : this.keeper.read(index);
  }

  /** The records the grid shows, in its order. */
  async view(): Promise<LogRecord[]> {
    if (this.recomputeTimer) this.recompute();
    const order = this.order ?? arrivalOrder(this.table.size);
    return this.keeper.readMany(order);
  }

  /** Every loaded record, in arrival order. */
  all(): Promise<LogRecord[]> {
    return this.keeper.readMany(arrivalOrder(this.table.size));
  }

  /** The first loaded records (an export's column samples). */
  first(n: number): Promise<LogRecord[]> {
    return this.keeper.readMany(arrivalOrder(Math.min(n, this.table.size)));
  }

  get size(): number {
    return this.table.size;
  }

  /** The oldest time among the loaded rows, when the report has a time column. */
  get oldestMs(): number | undefined {
    return this.oldest;
  }

  get unreadable(): number {
    return this.unreadableCount;
  }

  get caHidden(): boolean {
    return this.caHiddenSeen;
  }

  dispose(): void {
    if (this.announceTimer) clearTimeout(this.announceTimer);
    if (this.recomputeTimer) clearTimeout(this.recomputeTimer);
    this.keeper.dispose();
  }
}
