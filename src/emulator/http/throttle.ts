/**
 * The documented throttles (API-FACTS 2), as sliding windows. `timeScale` shrinks every window so
 * tests and benchmarks run fast while the shape stays the same.
 */
export interface Limit {
  readonly requests: number;
  readonly windowMs: number;
}

export const REPORTS_PER_APP_TENANT: Limit = { requests: 5, windowMs: 10_000 };
export const REPORTS_PER_APP_GLOBAL: Limit = { requests: 122, windowMs: 10_000 };
export const IDENTITY_PROTECTION_PER_TENANT: Limit = { requests: 1, windowMs: 1_000 };
export const O365_PER_TENANT: Limit = { requests: 2_000, windowMs: 60_000 };

export class SlidingWindows {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly timeScale: number,
    private readonly enabled: boolean,
  ) {}

  /** Admits the request (and counts it), or says how long until it would be admitted. */
  take(key: string, limit: Limit, nowMs: number): { ok: true } | { ok: false; retryAfterMs: number } {
    if (!this.enabled) return { ok: true };
    const windowMs = limit.windowMs * this.timeScale;
    const times = (this.windows.get(key) ?? []).filter((t) => t > nowMs - windowMs);
    if (times.length >= limit.requests) {
      this.windows.set(key, times);
      return { ok: false, retryAfterMs: Math.max(1, times[0] + windowMs - nowMs) };
    }
    times.push(nowMs);
    this.windows.set(key, times);
    return { ok: true };
  }
}
