/**
 * Content is listed over windows of availability time (contentCreated) of at most 24 hours, no
 * more than 7 days back (API-FACTS 3). A range is split into such windows, oldest first.
 */
const HOUR = 3_600_000;
export const MAX_WINDOW_MS = 24 * HOUR;
export const MAX_AGE_MS = 7 * 24 * HOUR;

export interface ContentWindow {
  readonly startMs: number;
  readonly endMs: number;
}

export class RangeTooOldError extends Error {
  readonly code = 'AF20055';
  constructor(readonly oldestMs: number) {
    super(`Office 365 content can be listed only for the last 7 days (from ${formatO365Time(oldestMs)} UTC); choose a later start.`);
  }
}

/** `YYYY-MM-DDTHH:MM:SS`, one of the three forms the API accepts (UTC, no zone). */
export function formatO365Time(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
}

/**
 * Splits [fromMs, toMs) into windows of at most 24 h. A start older than 7 days is refused rather
 * than silently cut; a small margin (a minute) keeps the oldest window inside the limit when the
 * request reaches the service a moment later.
 */
export function contentWindows(fromMs: number, toMs: number, nowMs: number): ContentWindow[] {
  if (!(toMs > fromMs)) throw new RangeError('The end of the range must be after its start.');
  const oldest = nowMs - MAX_AGE_MS + 60_000;
  if (fromMs < oldest - 60_000) throw new RangeTooOldError(oldest);
  const start = Math.max(fromMs, oldest);
  const end = Math.min(toMs, nowMs);
  const out: ContentWindow[] = [];
  for (let s = start; s < end; s += MAX_WINDOW_MS) out.push({ startMs: s, endMs: Math.min(s + MAX_WINDOW_MS, end) });
  return out;
}
