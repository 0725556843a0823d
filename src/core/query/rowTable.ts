/**
 * A results panel's display rows, kept as compact columns in the host, and the grid's view of them
 * (its filter and sort) computed here where the rows are: the webview asks for the rows in view
 * and never holds them all, and "Save as JSON" and exports use this same view.
 *
 * The view is the one `gridView.ts` defines (tests hold the two equal); this computes it over a
 * million rows without making a row object for each: the filter searches each column's
 * dictionary once, and the sort is a counting sort over each row's rank in its column.
 */
import { ColumnStore } from './columnStore';
import { type SortColumn, type SortState } from './gridView';
import { type RowFilters } from './rowFilters';
import { type DisplayRow, PIVOT_KEYS, type Pivots } from './rows';

/** Flag bits per row; the pivots' bits follow, one per PIVOT_KEYS entry. */
const FAILED = 1;
const UNREADABLE = 2;
const INTERRUPTED = 4;
const PIVOT_BIT = (k: number) => 8 << k;

/** Bucket widths a histogram picks from: the smallest that needs at most its number of bars. */
const BUCKETS_MS = [60_000, 300_000, 900_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 604_800_000];

/** Rows per time bucket: [success, interrupted, failure, other] (sign-ins by outcome; other reports all "other"). */
export interface Histogram {
  readonly fromMs: number;
  readonly bucketMs: number;
  readonly bars: readonly (readonly [number, number, number, number])[];
}

/** One row as the grid shows it, by its position in arrival order. */
export interface TableRow {
  readonly index: number;
  readonly cells: Record<string, string>;
  readonly failed: boolean;
  readonly interrupted?: true;
  readonly ca?: ReadonlyArray<readonly [string, string]>;
  readonly unreadable?: true;
  readonly raw?: Record<string, string>;
  readonly pivots?: Pivots;
}

/** A column's most frequent values in a view, with how many rows hold another (non-empty) one. */
export interface Facet {
  readonly column: string;
  /** `value`: what a field filter compares (the raw value behind a label); `label`: the cell's text. */
  readonly values: readonly { readonly value: string; readonly label: string; readonly count: number }[];
  readonly others: number;
}

/** How `gridView.sortRows` reads a number out of a numeric or status cell. */
export function sortNumber(s: string): number {
  const m = /-?\d+(\.\d+)?/.exec(s);
  return m ? Number(m[0]) : s === 'Success' ? 0 : Number.NEGATIVE_INFINITY;
}

/** Positions 0..n-1: the view with no filter. */
export function arrivalOrder(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

export class RowTable {
  private readonly columns: ColumnStore[];
  private flags = new Uint16Array(1024);
  /** Each row's conditional access list: 0 for none given, else 1 + its index in `caLists`. */
  private caRef = new Uint32Array(1024);
  private readonly caLists: ReadonlyArray<readonly [string, string]>[] = [];
  private readonly caIndex = new Map<string, number>();
  private readonly policyNames: string[] = [];
  private readonly policySet = new Set<string>();
  private rows = 0;

  constructor(private readonly specs: readonly SortColumn[]) {
    this.columns = specs.map((c) => new ColumnStore(c.kind));
  }

  get size(): number {
    return this.rows;
  }

  /** Conditional access policy names seen so far, in the order they first appeared. */
  policies(): readonly string[] {
    return this.policyNames;
  }

  add(row: DisplayRow): number {
    const index = this.rows++;
    if (this.rows > this.flags.length) {
      const flags = new Uint16Array(this.flags.length * 2);
      flags.set(this.flags);
      this.flags = flags;
      const ca = new Uint32Array(this.caRef.length * 2);
      ca.set(this.caRef);
      this.caRef = ca;
    }
    this.specs.forEach((c, k) => this.columns[k].push(row.cells[c.id] ?? '', row.raw?.[c.id]));
    this.mark(index, row);
    return index;
  }

  /** A loaded row shown anew (its record was read again, after a verdict): same place, new cells. */
  replace(index: number, row: DisplayRow): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.rows) return;
    this.specs.forEach((c, k) => this.columns[k].set(index, row.cells[c.id] ?? '', row.raw?.[c.id]));
    this.mark(index, row);
  }

  /** The rows whose cell in a column is exactly one of `values` (its raw value where it has one), in arrival order. */
  rowsWith(columnId: string, values: ReadonlySet<string>): number[] {
    const k = this.specs.findIndex((c) => c.id === columnId);
    if (k < 0 || values.size === 0) return [];
    const hit = new Uint8Array(this.rows);
    this.columns[k].markEquals(values, hit);
    const out: number[] = [];
    for (let row = 0; row < this.rows; row++) if (hit[row]) out.push(row);
    return out;
  }

  private mark(index: number, row: DisplayRow): void {
    let f = (row.failed ? FAILED : 0) | (row.unreadable ? UNREADABLE : 0) | (row.interrupted ? INTERRUPTED : 0);
    PIVOT_KEYS.forEach((key, k) => (f |= row.pivots?.[key] ? PIVOT_BIT(k) : 0));
    this.flags[index] = f;
    this.caRef[index] = row.ca ? 1 + this.internCa(row.ca) : 0;
  }

  private internCa(ca: ReadonlyArray<readonly [string, string]>): number {
    const key = JSON.stringify(ca);
    let id = this.caIndex.get(key);
    if (id === undefined) {
      id = this.caLists.length;
      this.caLists.push(ca.map(([n, r]) => [n, r] as const));
      this.caIndex.set(key, id);
      for (const [name] of ca) {
        if (!this.policySet.has(name)) {
          this.policySet.add(name);
          this.policyNames.push(name);
        }
      }
    }
    return id;
  }

  row(index: number): TableRow {
    const cells: Record<string, string> = {};
    let raw: Record<string, string> | undefined;
    this.specs.forEach((c, k) => {
      const v = this.columns[k].cell(index);
      cells[c.id] = v.text;
      if (v.raw !== undefined) (raw ??= {})[c.id] = v.raw;
    });
    const f = this.flags[index];
    const ca = this.caRef[index];
    const pivots = PIVOT_KEYS.filter((_, k) => (f & PIVOT_BIT(k)) !== 0);
    return {
      index,
      cells,
      failed: (f & FAILED) !== 0,
      ...((f & INTERRUPTED) !== 0 ? { interrupted: true as const } : {}),
      ...(raw ? { raw } : {}),
      ...(ca ? { ca: this.caLists[ca - 1] } : {}),
      ...((f & UNREADABLE) !== 0 ? { unreadable: true as const } : {}),
      ...(pivots.length ? { pivots: Object.fromEntries(pivots.map((key) => [key, true])) as Pivots } : {}),
    };
  }

  /**
   * The top values of some columns among the rows of a view (`rows` from `view()`, undefined for
   * every row): what the facets above the grid show. Empty cells are not a value.
   */
  facets(columns: readonly string[], rows: Uint32Array | undefined, n: number): Facet[] {
    return columns.flatMap((id) => {
      const k = this.specs.findIndex((c) => c.id === id);
      if (k < 0) return [];
      const { values, others } = this.columns[k].topValues(rows, n);
      return [{ column: id, values: values.map((v) => ({ value: v.raw ?? v.text, label: v.text, count: v.count })), others }];
    });
  }

  /**
   * How the view's rows spread over time: buckets of a round width (a minute to a week) so that
   * there are at most `maxBars`, each split by outcome when `outcomes` (sign-ins). Rows without a
   * time are left out; undefined when no row has one.
   */
  histogram(timeColumn: string, rows: Uint32Array | undefined, outcomes: boolean, maxBars: number): Histogram | undefined {
    const column = this.columns[this.specs.findIndex((c) => c.id === timeColumn)];
    if (!column) return undefined;
    const n = rows?.length ?? this.rows;
    const at = (k: number) => (rows ? rows[k] : k);
    let min = Infinity;
    let max = -Infinity;
    for (let k = 0; k < n; k++) {
      const t = column.instantAt(at(k));
      if (t < min) min = t;
      if (t > max) max = t;
    }
    if (min > max) return undefined;
    const bucketMs = BUCKETS_MS.find((b) => Math.floor(max / b) - Math.floor(min / b) < maxBars) ?? BUCKETS_MS[BUCKETS_MS.length - 1];
    const first = Math.floor(min / bucketMs);
    const bars = Array.from({ length: Math.floor(max / bucketMs) - first + 1 }, () => [0, 0, 0, 0] as [number, number, number, number]);
    for (let k = 0; k < n; k++) {
      const row = at(k);
      const t = column.instantAt(row);
      if (Number.isNaN(t)) continue;
      const f = this.flags[row];
      const kind = !outcomes ? 3 : (f & FAILED) === 0 ? 0 : (f & INTERRUPTED) !== 0 ? 1 : 2;
      bars[Math.floor(t / bucketMs) - first][kind]++;
    }
    return { fromMs: first * bucketMs, bucketMs, bars };
  }

  /**
   * The rows the grid shows, in its order, as row indices: `undefined` when that is every row in
   * arrival order (no filter, no sort), so the common case costs nothing.
   */
  view(filters: RowFilters, sort: SortState | undefined): Uint32Array | undefined {
    const kept = this.filter(filters);
    if (!sort || !this.specs.some((c) => c.id === sort.column)) return kept;
    const k = this.specs.findIndex((c) => c.id === sort.column);
    const kind = this.specs[k].kind;
    const { ranks, count } = this.columns[k].ranks(kind === 'number' || kind === 'status', sortNumber);
    // A counting sort by rank: linear, and stable (ties keep arrival order, as Array.sort does).
    const rows = kept ?? arrivalOrder(this.rows);
    const starts = new Uint32Array(count + 1);
    const rankOf = (row: number) => (sort.descending ? count - 1 - ranks[row] : ranks[row]);
    for (const row of rows) starts[rankOf(row) + 1]++;
    for (let r = 0; r < count; r++) starts[r + 1] += starts[r];
    const out = new Uint32Array(rows.length);
    for (const row of rows) out[starts[rankOf(row)]++] = row;
    return out;
  }

  private filter(f: RowFilters): Uint32Array | undefined {
    const text = f.text.trim().toLowerCase();
    const caFiltered = f.caPolicy !== '' || f.caResult !== '' || f.reportOnly;
    const fields = f.fields ?? [];
    if (!f.failuresOnly && !caFiltered && !text && fields.length === 0 && !f.time) return undefined;
    const timeColumn = f.time ? this.columns[this.specs.findIndex((c) => c.id === f.time?.column)] : undefined;
    // Conditional access lists are few: each is judged once.
    const caOk = this.caLists.map((ca) => {
      if ((f.caPolicy || f.caResult) && !ca.some(([name, result]) => (!f.caPolicy || name === f.caPolicy) && (!f.caResult || result === f.caResult))) return false;
      return !f.reportOnly || ca.some(([, result]) => result.startsWith('reportOnly'));
    });
    // With no list at all, `ca ?? []` passes only when nothing is asked of it.
    const noCaOk = !caFiltered;
    let textHit: Uint8Array | undefined;
    if (text) {
      textHit = new Uint8Array(this.rows);
      for (const column of this.columns) column.markMatches(text, textHit);
    }
    // One mark per field filter; a column the grid does not have matches nothing ('' is not asked).
    const fieldHits = fields.map((field) => {
      const hit = new Uint8Array(this.rows);
      const k = this.specs.findIndex((c) => c.id === field.column);
      if (k >= 0) this.columns[k].markEquals(new Set(field.values), hit);
      else if (field.values.includes('')) hit.fill(1);
      return hit;
    });
    const out: number[] = [];
    for (let row = 0; row < this.rows; row++) {
      if (f.failuresOnly && (this.flags[row] & FAILED) === 0) continue;
      const ca = this.caRef[row];
      if (!(ca ? caOk[ca - 1] : noCaOk)) continue;
      if (textHit && !textHit[row]) continue;
      if (fieldHits.some((hit) => !hit[row])) continue;
      if (f.time) {
        const t = timeColumn ? timeColumn.instantAt(row) : Number.NaN;
        if (!(t >= f.time.fromMs && t < f.time.toMs)) continue;
      }
      out.push(row);
    }
    return Uint32Array.from(out);
  }
}
