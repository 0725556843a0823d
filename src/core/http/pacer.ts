/**
 * Keeps request starts under the documented limits (API-FACTS 2) so the service rarely has to
 * throttle: reports 5 per 10 s per app and tenant, Identity Protection 1 per second per tenant. A
 * sliding window like the service's own, plus a margin for the time a request takes to arrive.
 * A 429 pauses the key for everyone until its Retry-After (or our own backoff) has passed.
 */
import { type Clock } from './clock';

export interface Limit {
  readonly requests: number;
  readonly windowMs: number;
}

export const LIMITS = {
  reports: { requests: 5, windowMs: 10_000 },
  identityProtection: { requests: 1, windowMs: 1_000 },
  manage: { requests: 2_000, windowMs: 60_000 },
  // Log Analytics: 200 queries per 30 s per user, across workspaces.
  logAnalytics: { requests: 200, windowMs: 30_000 },
  // Azure Resource Manager: 12,000 reads per hour per principal; a workspace search makes a few.
  arm: { requests: 200, windowMs: 60_000 },
} as const satisfies Record<string, Limit>;

export type LimitName = keyof typeof LIMITS;

export interface PacerOptions {
  /** Multiplies every window (the fake tenant's timeScale in tests and benchmarks); 1 in the extension. */
  readonly timeScale?: number;
  /** Extra spacing per window, for clock skew and network time. */
  readonly marginMs?: number;
}

export class Pacer {
  private readonly starts = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();
  /** Time spent waiting, for progress reports. */
  waitedMs = 0;

  constructor(
    private readonly clock: Clock,
    private readonly options: PacerOptions = {},
  ) {}

  private limit(name: LimitName): Limit {
    const base = LIMITS[name];
    return { requests: base.requests, windowMs: base.windowMs * (this.options.timeScale ?? 1) };
  }

  /** Waits until a request on this key may start, then records the start. */
  async acquire(key: string, name: LimitName, signal?: AbortSignal): Promise<void> {
    const limit = this.limit(name);
    const margin = this.options.marginMs ?? Math.min(250, limit.windowMs * 0.05);
    for (;;) {
      const now = this.clock.now();
      const paused = this.pausedUntil.get(key) ?? 0;
      const recent = (this.starts.get(key) ?? []).filter((t) => t > now - limit.windowMs - margin);
      this.starts.set(key, recent);
      let wait = Math.max(0, paused - now);
      if (recent.length >= limit.requests) wait = Math.max(wait, recent[recent.length - limit.requests] + limit.windowMs + margin - now);
      if (wait <= 0) {
        recent.push(now);
        return;
      }
      this.waitedMs += wait;
      await this.clock.sleep(wait, signal);
    }
  }

  /** After a 429: nobody on this key starts before `untilMs`. */
  pause(key: string, untilMs: number): void {
    this.pausedUntil.set(key, Math.max(this.pausedUntil.get(key) ?? 0, untilMs));
  }
}
