import { AbortedError, type Clock } from '../../src/core/http/clock';

/**
 * The one fake clock of the unit tests: its time moves only when something sleeps, so pacing,
 * backoff and retry schedules run instantly and exactly. `sleeps` records each wait asked for.
 */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(public t = Date.parse('2026-11-22T10:00:00Z')) {}

  now(): number {
    return this.t;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw new AbortedError();
    this.sleeps.push(ms);
    this.t += ms;
  }
}
