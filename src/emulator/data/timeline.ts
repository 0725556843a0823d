/**
 * Record i of a stream lies at a time that decreases with i, spread evenly over the span with
 * jitter. So "newest first" is index order and a time range is an index range. Normally every
 * record has a millisecond of its own; a burst timeline puts `perMs` records in each millisecond,
 * which is where slicing, paging and resuming by time have their hardest cases.
 */
import { mix32 } from '../random';

export interface Timeline {
  readonly anchorMs: number;
  readonly spanMs: number;
  readonly count: number;
  /** Records that share each millisecond (tests' burst mode); 1 when unset. */
  readonly perMs?: number;
}

export function timeAt(seed: number, stream: number, tl: Timeline, i: number): number {
  const perMs = Math.max(1, Math.floor(tl.perMs ?? 1));
  const group = Math.floor(i / perMs);
  const step = tl.spanMs / Math.ceil(tl.count / perMs);
  const u = mix32(seed, stream * 1000 + 1, group) / 4294967296;
  return Math.floor(tl.anchorMs - step * (group + 0.1 + 0.8 * u));
}

/** The index range [from, to) whose times fall within [geMs, leMs]. */
export function indexRange(seed: number, stream: number, tl: Timeline, geMs: number, leMs: number): [number, number] {
  const firstWhere = (start: number, pred: (t: number) => boolean) => {
    let lo = start;
    let hi = tl.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pred(timeAt(seed, stream, tl, mid))) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const from = firstWhere(0, (t) => t <= leMs);
  const to = firstWhere(from, (t) => t < geMs);
  return [from, to];
}

/** Graph's DateTimeOffset form, with the milliseconds the ordering relies on. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
