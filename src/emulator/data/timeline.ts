/**
 * Record i of a stream lies at a time that strictly decreases with i, spread evenly over the span
 * with jitter. So "newest first" is index order and a time range is an index range.
 */
import { mix32 } from '../random';

export interface Timeline {
  readonly anchorMs: number;
  readonly spanMs: number;
  readonly count: number;
}

export function timeAt(seed: number, stream: number, tl: Timeline, i: number): number {
  const step = tl.spanMs / tl.count;
  const u = mix32(seed, stream * 1000 + 1, i) / 4294967296;
  return Math.floor(tl.anchorMs - step * (i + 0.1 + 0.8 * u));
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
