/**
 * Exports walk a time range in UTC-day windows, newest first. Days are what incident responders
 * ask for ("one file per day"), they keep each Graph query well under the 300 s gateway limit,
 * and a window is the unit a manifest counts and a resume restarts from.
 */

export interface TimeWindow {
  readonly fromMs: number;
  /** Inclusive. Windows do not overlap: the next (older) one ends 1 ms before this one starts. */
  readonly toMs: number;
}

export const DAY_MS = 86_400_000;

export function dayWindows(range: TimeWindow): TimeWindow[] {
  if (!(range.toMs >= range.fromMs)) throw new RangeError('The time range ends before it starts.');
  const out: TimeWindow[] = [];
  let to = range.toMs;
  while (to >= range.fromMs) {
    const dayStart = Math.floor(to / DAY_MS) * DAY_MS;
    const from = Math.max(range.fromMs, dayStart);
    out.push({ fromMs: from, toMs: to });
    to = from - 1;
  }
  return out;
}

/** `2026-11-22` for the UTC day a window lies in. */
export function dayLabel(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
