/**
 * What "Load all" would still bring, and how long it would take, judged from what has loaded so
 * far: so that a click that would pull a month of a large tenant's sign-ins into a window (for an
 * hour, at Graph's pace) first says so and offers an export instead.
 *
 * Sources answer newest first, so the rows so far cover the range from its end back to the oldest
 * loaded row; the rest of the range is assumed as dense. The pace is the one measured so far
 * (throttling included), not a documented ceiling.
 */

export interface LoadForecast {
  /** Rows still to come, about. */
  readonly rows: number;
  /** Seconds they would take at the pace so far. */
  readonly seconds: number;
}

export interface LoadSoFar {
  readonly loaded: number;
  /** The oldest time among the loaded rows. */
  readonly oldestMs: number | undefined;
  /** The query's absolute range; undefined for one without a time range. */
  readonly range: { readonly fromMs: number; readonly toMs: number } | undefined;
  /** Seconds spent loading so far (pauses between Load more clicks left out). */
  readonly loadingSeconds: number;
}

export function forecastLoadAll(s: LoadSoFar): LoadForecast | undefined {
  if (!s.range || s.oldestMs === undefined || s.loaded <= 0 || s.loadingSeconds <= 0) return undefined;
  const oldest = Math.min(Math.max(s.oldestMs, s.range.fromMs), s.range.toMs);
  const covered = s.range.toMs - oldest;
  // Too little of the range to judge by (every row in the same instant).
  if (covered <= 0) return undefined;
  const rows = Math.round((s.loaded * (oldest - s.range.fromMs)) / covered);
  return { rows, seconds: Math.round(rows / (s.loaded / s.loadingSeconds)) };
}

/** "about 40 minutes", "about 3 hours": how long, in the words a person would use. */
export function aboutDuration(seconds: number): string {
  if (seconds < 90) return `about ${Math.max(1, Math.round(seconds))} seconds`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} minutes`;
  const hours = seconds / 3600;
  return `about ${hours < 10 ? hours.toFixed(1).replace(/\.0$/, '') : Math.round(hours)} hours`;
}
