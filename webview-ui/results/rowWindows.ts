/**
 * The rows the results webview holds: blocks of the host's view around what is in sight, fetched
 * by position as the grid scrolls and dropped when far away, so a million-row result costs the
 * webview a few thousand rows. A new view version (another sort or filter) makes every block stale.
 */
import { type RowData, type RowWindow } from '../../src/webview/results/protocol';

/** Rows per block: one request each. */
export const BLOCK = 250;
/** Blocks kept: the ones nearest to what is in sight. */
const KEEP = 24;

export class RowWindows {
  private version = -1;
  private total = 0;
  private readonly blocks = new Map<number, readonly RowData[]>();
  /** Blocks asked for under the current version and not yet received. */
  private readonly asked = new Set<number>();
  private sight: readonly [number, number] = [0, 0];

  constructor(
    private readonly ask: (version: number, start: number, count: number) => void,
    maxWindow: number,
    private readonly changed: () => void,
  ) {
    if (BLOCK > maxWindow) throw new Error('A block is larger than the host sends at once.');
  }

  /**
   * The host's view now: a new version drops every row held (the blocks the host says are coming
   * are not asked for); more rows refetch a short last block.
   */
  setView(version: number, total: number, coming: readonly number[] = []): void {
    if (version !== this.version) {
      this.blocks.clear();
      this.asked.clear();
      for (const start of coming) if (start % BLOCK === 0) this.asked.add(start / BLOCK);
    } else if (total !== this.total) {
      const last = Math.floor(Math.max(0, this.total - 1) / BLOCK);
      // The block that held the old end was short; it has more rows now.
      if ((this.blocks.get(last)?.length ?? BLOCK) < BLOCK) this.blocks.delete(last);
      this.asked.delete(last);
    }
    this.version = version;
    this.total = total;
    this.need(...this.sight);
  }

  /** Rows [first, last] are in sight: fetch the blocks not held yet. */
  need(first: number, last: number): void {
    this.sight = [first, last];
    if (this.total === 0 || this.version < 0) return;
    const from = Math.floor(Math.max(0, first) / BLOCK);
    const to = Math.floor(Math.min(this.total - 1, Math.max(first, last)) / BLOCK);
    for (let b = from; b <= to; b++) {
      if (this.blocks.has(b) || this.asked.has(b)) continue;
      this.asked.add(b);
      this.ask(this.version, b * BLOCK, Math.min(BLOCK, this.total - b * BLOCK));
    }
  }

  receive(w: RowWindow): void {
    if (w.version !== this.version || w.start % BLOCK !== 0) return;
    const b = w.start / BLOCK;
    this.asked.delete(b);
    this.blocks.set(b, w.rows);
    this.evict(b);
    this.changed();
    // Asked for before more rows arrived: the rest of the block is there now.
    if (w.rows.length < Math.min(BLOCK, this.total - w.start)) {
      this.asked.add(b);
      this.ask(this.version, w.start, Math.min(BLOCK, this.total - w.start));
    }
  }

  private evict(keep: number): void {
    if (this.blocks.size <= KEEP) return;
    const centre = Math.floor(this.sight[0] / BLOCK);
    const far = [...this.blocks.keys()].filter((b) => b !== keep).sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const b of far.slice(0, this.blocks.size - KEEP)) this.blocks.delete(b);
  }

  /** The row at a position of the view, if held. */
  row(index: number): RowData | undefined {
    return this.blocks.get(Math.floor(index / BLOCK))?.[index % BLOCK];
  }

  /** `row`, bound: the grid is handed this to draw from. */
  readonly rowAt = (index: number): RowData | undefined => this.row(index);

  /** How many rows are held (the webview's share of a large result). */
  get held(): number {
    let n = 0;
    for (const rows of this.blocks.values()) n += rows.length;
    return n;
  }
}
