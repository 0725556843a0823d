/**
 * One grid column's cells for every loaded row, kept compact: a million sign-ins must fit in the
 * extension host (shared by every extension the user runs) as display text, not as objects.
 *
 * - Repeated text (users, apps, statuses, countries) is interned: a row holds a slot of one to
 *   four bytes, as many as the column's dictionary needs.
 * - GUIDs (request and correlation ids), unique per row, would make the dictionary as large as
 *   the rows; a canonical lower-case GUID is kept as its 36 characters in one byte buffer instead
 *   (no string object each), where a text filter finds it with a native search.
 * - Time cells ("2026-11-30 08:15:02Z", unique too) are kept as their instant in 8 bytes when the
 *   text is exactly what that instant formats to; anything else (empty, unparseable) is interned.
 *
 * Every cell reads back as exactly the text (and raw value) it was given.
 */
import { instantOf, Slots, TIME_SHAPE, TimeFormatter, timeText } from './cellCodecs';
import { CellDictionary } from './cellDictionary';
import { CANONICAL_GUID, PackedGuids } from './packedGuids';
import { instantRanks } from './instantRanks';
import { topIds } from './topCounts';

/** Slots at or above this point index the packed GUIDs, below it the dictionary. */
const GUID_BIT = 0x80000000;
/** The collation `localeCompare` uses (no locale, no options), made once: far faster per call. */
const COLLATOR = new Intl.Collator();

export interface CellValue {
  readonly text: string;
  /** The raw value behind a readable label (enum columns). */
  readonly raw?: string;
}

/** A column of cells; `kind` decides only how compactly they are kept. */
export class ColumnStore {
  private readonly slots = new Slots();
  /** Interned cells: text, and raw where it differs. Entry 0 is the empty cell. */
  private readonly dict = new CellDictionary();
  /** GUIDs, in arrival order, and the row each was given to. */
  private readonly guids = new PackedGuids();
  private guidRows = new Uint32Array(1024);
  /** Time columns: each row's instant, or NaN when its cell is interned instead. */
  private instants: Float64Array | undefined;
  private rows = 0;
  private readonly times = new TimeFormatter();
  /** Interned cells read as times, by entry, as `instantAt` needs them. */
  private parsed: number[] | undefined;

  constructor(readonly kind: string | undefined) {
    if (kind === 'datetime') this.instants = new Float64Array(1024);
  }

  push(text: string, raw?: string): void {
    const row = this.rows++;
    if (this.instants && this.instants.length < this.rows) {
      const next = new Float64Array(this.instants.length * 2);
      next.set(this.instants);
      this.instants = next;
    }
    this.store(row, text, raw);
  }

  /** A loaded row's cell, replaced (its record was read again); a GUID it held stays packed, unused (replacements are few). */
  set(row: number, text: string, raw?: string): void {
    if (!Number.isInteger(row) || row < 0 || row >= this.rows) return;
    this.store(row, text, raw);
  }

  private store(row: number, text: string, raw: string | undefined): void {
    if (this.instants) {
      const ms = raw === undefined ? instantOf(text) : undefined;
      this.instants[row] = ms ?? Number.NaN;
      if (ms !== undefined) return;
    }
    if (raw === undefined && CANONICAL_GUID.test(text)) {
      const k = this.guids.push(text);
      if (k >= this.guidRows.length) {
        const next = new Uint32Array(this.guidRows.length * 2);
        next.set(this.guidRows);
        this.guidRows = next;
      }
      this.guidRows[k] = row;
      this.slots.set(row, (GUID_BIT | k) >>> 0);
      return;
    }
    this.slots.set(row, this.dict.intern(text, raw));
  }

  /** The cell's text and raw value as given. */
  cell(row: number): CellValue {
    const ms = this.instants?.[row];
    if (ms !== undefined && !Number.isNaN(ms)) return { text: this.times.text(ms) };
    const slot = this.slots.get(row);
    if (slot >= GUID_BIT) return { text: this.guids.text(slot - GUID_BIT) };
    return this.dict.entry(slot);
  }

  /**
   * Which rows' cells (text or raw) contain `needle` (already lower-case): the dictionary is
   * searched once, the GUIDs with one native search (each hit goes straight to its row), and the
   * rows are walked only when some dictionary entry, or some instant, could hold the needle.
   */
  markMatches(needle: string, into: Uint8Array): void {
    const { hits: hit, any: anyHit } = this.dict.matching(needle);
    const guidHit = this.guids.containing(needle);
    if (guidHit) {
      for (let k = 0; k < guidHit.length; k++) {
        if (!guidHit[k]) continue;
        // A row whose cell was replaced since holds another value now.
        const row = this.guidRows[k];
        if (this.slots.get(row) === (GUID_BIT | k) >>> 0) into[row] = 1;
      }
    }
    // Every kept instant reads "dddd-dd-dd dd:dd:ddz" (lower-cased): a needle whose digits-as-d
    // shape is not part of that (five digits in a row, say) is in none of them.
    const timeCandidate = this.instants !== undefined && TIME_SHAPE.includes(needle.replace(/[0-9]/g, 'd'));
    if (!anyHit && !timeCandidate) return;
    const times = new TimeFormatter();
    for (let row = 0; row < this.rows; row++) {
      if (into[row]) continue;
      const ms = this.instants?.[row];
      if (ms !== undefined && !Number.isNaN(ms)) {
        if (timeCandidate && times.text(ms).toLowerCase().includes(needle)) into[row] = 1;
        continue;
      }
      const slot = this.slots.get(row);
      if (slot < GUID_BIT && hit[slot]) into[row] = 1;
    }
  }

  /**
   * Which rows' cells are exactly one of `values`, compared with the raw value where the cell has
   * one (an enum's `deviceCode`, not its label): the dictionary is judged once per entry.
   */
  markEquals(values: ReadonlySet<string>, into: Uint8Array): void {
    const hit = Array.from({ length: this.dict.size }, (_, i) => {
      const e = this.dict.entry(i);
      return values.has(e.raw ?? e.text);
    });
    const guidHit = this.guids.equalTo(values);
    const times = [...values].some((v) => v.length === TIME_SHAPE.length) ? new TimeFormatter() : undefined;
    for (let row = 0; row < this.rows; row++) {
      const ms = this.instants?.[row];
      if (ms !== undefined && !Number.isNaN(ms)) {
        if (times && values.has(times.text(ms))) into[row] = 1;
        continue;
      }
      const slot = this.slots.get(row);
      if (slot >= GUID_BIT ? guidHit?.[slot - GUID_BIT] : hit[slot]) into[row] = 1;
    }
  }

  /** The row's time as the grid shows it (NaN when the cell is not one): its instant, or its text read as a time once per entry. */
  instantAt(row: number): number {
    const ms = this.instants?.[row];
    if (ms !== undefined && !Number.isNaN(ms)) return ms;
    const slot = this.slots.get(row);
    if (slot >= GUID_BIT) return Number.NaN;
    this.parsed ??= [];
    return (this.parsed[slot] ??= Date.parse(this.dict.text(slot).replace(' ', 'T')));
  }

  /**
   * The most frequent cells among `rows` (every row when undefined), most first, ties by text:
   * counted by dictionary entry, so a million rows cost one pass. Packed values (GUIDs, times,
   * unique per row) are not counted. Also returns how many rows hold some other value.
   */
  topValues(rows: Uint32Array | undefined, n: number): { values: { text: string; raw?: string; count: number }[]; others: number } {
    const counts = new Uint32Array(this.dict.size);
    let counted = 0;
    const count = (row: number) => {
      if (this.instants && !Number.isNaN(this.instants[row])) return;
      const slot = this.slots.get(row);
      if (slot >= GUID_BIT) return;
      counts[slot]++;
      counted++;
    };
    if (rows) for (const row of rows) count(row);
    else for (let row = 0; row < this.rows; row++) count(row);
    const ids = topIds(counts, n, (id) => this.dict.text(id));
    const values = ids.map((id) => ({ ...this.dict.entry(id), count: counts[id] }));
    return { values, others: counted - counts[0] - values.reduce((sum, v) => sum + v.count, 0) };
  }

  /**
   * Each row's rank in the grid's order for this column (equal cells share a rank): text by
   * `localeCompare`, numbers and statuses by the number in them, as `gridView.sortRows` orders.
   * Returns the ranks and how many distinct ranks there are.
   */
  ranks(numeric: boolean, numberOf: (text: string) => number): { ranks: Uint32Array; count: number } {
    const packed = this.packedRanks();
    if (numeric || packed === 'mixed') return this.collatedRanks(numeric, numberOf);
    // The dictionary is collated; the packed values are already in order (canonical GUIDs and
    // formatted instants order the same by code unit as by localeCompare). Merge the two: each
    // entry goes before the first packed value it does not follow (a binary search).
    const d = this.dict.size;
    const texts = Array.from({ length: d }, (_, id) => this.dict.text(id));
    const dict = Array.from({ length: d }, (_, id) => id).sort((a, b) => COLLATOR.compare(texts[a], texts[b]));
    const before = dict.map((id) => {
      let lo = 0;
      let hi = packed.count;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (COLLATOR.compare(packed.text(mid), texts[id]) < 0) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    });
    // Walk the merged order, starting a new rank only where neighbours differ.
    const dictRank = new Uint32Array(d);
    const packedRank = new Uint32Array(packed.count);
    let rank = -1;
    // The previous value's text, computed only if a comparison needs it.
    let prev: (() => string) | undefined;
    let prevPacked = false;
    const step = (text: () => string, isPacked: boolean): number => {
      // Two different packed values never collate equal; any other pair is compared.
      const same = prev !== undefined && !(isPacked && prevPacked) && COLLATOR.compare(prev(), text()) === 0;
      if (!same) rank++;
      prev = text;
      prevPacked = isPacked;
      return rank;
    };
    let i = 0;
    for (let j = 0; j <= packed.count; j++) {
      while (i < d && before[i] === j) {
        const id = dict[i++];
        dictRank[id] = step(() => texts[id], false);
      }
      if (j < packed.count) packedRank[j] = step(() => packed.text(j), true);
    }
    const ranks = new Uint32Array(this.rows);
    for (let row = 0; row < this.rows; row++) {
      const p = packed.ofRow(row);
      ranks[row] = p >= 0 ? packedRank[p] : dictRank[this.slots.get(row)];
    }
    return { ranks, count: rank + 1 };
  }

  /** Exact for any mix of values, at the cost of collating each row's text (numbers are cheap). */
  private collatedRanks(numeric: boolean, numberOf: (text: string) => number): { ranks: Uint32Array; count: number } {
    const texts = Array.from({ length: this.rows }, (_, row) => this.cell(row).text);
    const nums = numeric ? texts.map(numberOf) : [];
    // NaN (two cells without a number) counts as equal, as Array.prototype.sort takes it.
    const compare = (a: number, b: number) => (numeric ? nums[a] - nums[b] || 0 : COLLATOR.compare(texts[a], texts[b]));
    const order = texts.map((_, row) => row).sort(compare);
    const ranks = new Uint32Array(this.rows);
    let rank = -1;
    order.forEach((row, k) => {
      if (k === 0 || compare(order[k - 1], row) !== 0) rank++;
      ranks[row] = rank;
    });
    return { ranks, count: rank + 1 };
  }

  /**
   * The column's packed values (instants or GUIDs), distinct and in order: how many, the text of
   * the k-th, and each row's k (-1 for a row whose cell is in the dictionary). 'mixed' when the
   * column holds both kinds (rare; the caller then collates every cell).
   */
  private packedRanks(): { count: number; text: (k: number) => string; ofRow: (row: number) => number } | 'mixed' {
    const instants = this.instants;
    let timed = 0;
    if (instants) for (let row = 0; row < this.rows; row++) if (!Number.isNaN(instants[row])) timed++;
    if (timed > 0 && this.guids.count > 0) return 'mixed';
    if (instants && timed > 0) {
      const { distinct, ofRow } = instantRanks(instants, this.rows, timed);
      return { count: distinct.length, text: (j) => timeText(distinct[j]), ofRow: (row) => ofRow[row] };
    }
    const { rankOf, representative } = this.guids.ranked();
    return {
      count: representative.length,
      text: (j) => this.guids.text(representative[j]),
      ofRow: (row) => {
        const slot = this.slots.get(row);
        return slot >= GUID_BIT ? rankOf[slot - GUID_BIT] : -1;
      },
    };
  }
}
