/**
 * What is tried again and when: Retry-After read exactly as the service wrote it, only the
 * statuses a retry can fix, throttling recognised in both its forms, and a sleep that a cancel
 * ends at once (a cancelled query must not keep waiting out a throttle).
 */
import * as assert from 'assert';
import { AbortedError, SYSTEM_CLOCK } from '../../../src/core/http/clock';
import { isRetryableStatus, isThrottleBody, parseRetryAfter } from '../../../src/core/http/retry';

describe('core/http: what is retried, and after how long', () => {
  it('Retry-After in seconds is the whole value, spaces around it allowed; digits with anything else are not seconds', () => {
    assert.strictEqual(parseRetryAfter(' 3 ', 0), 3000);
    assert.strictEqual(parseRetryAfter('0.0011', 0), 2, 'a fraction of a millisecond waits the whole one');
    // Digits followed or preceded by other text: not a number of seconds (nor, here, a date).
    assert.strictEqual(parseRetryAfter('12abc', 0), undefined);
    assert.strictEqual(parseRetryAfter('x12', 0), undefined);
    assert.strictEqual(parseRetryAfter('5e2', 0), undefined);
    assert.strictEqual(parseRetryAfter('', 0), undefined);
    assert.strictEqual(parseRetryAfter(undefined, 0), undefined);
  });

  it('an HTTP date already past waits nothing, never a negative time', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    assert.strictEqual(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now), 0);
  });

  it('retries exactly the statuses a later try can succeed on', () => {
    for (const s of [429, 500, 502, 503, 504]) assert.strictEqual(isRetryableStatus(s), true, String(s));
    // 501 (not implemented), client errors and permission answers do not change by waiting.
    for (const s of [200, 400, 401, 403, 404, 409, 501, 505]) assert.strictEqual(isRetryableStatus(s), false, String(s));
  });

  it('throttling is a 429, or the Management API’s AF429 inside a 403, nothing else', () => {
    assert.strictEqual(isThrottleBody(429, undefined), true);
    assert.strictEqual(isThrottleBody(403, 'AF429'), true);
    assert.strictEqual(isThrottleBody(403, 'AF10001'), false);
    assert.strictEqual(isThrottleBody(403, undefined), false);
    assert.strictEqual(isThrottleBody(503, 'AF429'), false);
  });

  describe('the system clock’s sleep', () => {
    it('an already-cancelled operation does not sleep at all', async () => {
      const controller = new AbortController();
      controller.abort();
      // A sleep of a minute that had started would outlast the test's timeout.
      await assert.rejects(SYSTEM_CLOCK.sleep(60_000, controller.signal), (e: unknown) => e instanceof AbortedError && e.name === 'AbortError' && e.message === 'Cancelled.');
    });

    it('a cancel during the sleep ends it with an AbortError; without one it resolves', async () => {
      const controller = new AbortController();
      const sleeping = SYSTEM_CLOCK.sleep(60_000, controller.signal);
      setTimeout(() => controller.abort(), 5);
      await assert.rejects(sleeping, (e: unknown) => e instanceof AbortedError && (e as AbortedError).code === 'Aborted');
      await SYSTEM_CLOCK.sleep(-5);
      await SYSTEM_CLOCK.sleep(1, new AbortController().signal);
    });
  });
});
