import * as assert from 'assert';
import { aboutDuration, forecastLoadAll } from '../../../src/core/query/loadForecast';

const HOUR = 3_600_000;
const range = { fromMs: 0, toMs: 30 * 24 * HOUR };

describe('Load all: what it would still bring, judged from what has loaded', () => {
  it('rows newest first over the last day of a 30-day range: 29 times as many to come, at the pace so far', () => {
    // 5,000 rows in 10 s covering the newest day.
    const f = forecastLoadAll({ loaded: 5000, oldestMs: range.toMs - 24 * HOUR, range, loadingSeconds: 10 });
    assert.deepStrictEqual(f, { rows: 145_000, seconds: 290 });
  });

  it('nothing to judge by: no range, no rows, no time spent, or every row at the range end', () => {
    assert.strictEqual(forecastLoadAll({ loaded: 5000, oldestMs: 5, range: undefined, loadingSeconds: 10 }), undefined);
    assert.strictEqual(forecastLoadAll({ loaded: 0, oldestMs: undefined, range, loadingSeconds: 10 }), undefined);
    assert.strictEqual(forecastLoadAll({ loaded: 10, oldestMs: HOUR, range, loadingSeconds: 0 }), undefined);
    assert.strictEqual(forecastLoadAll({ loaded: 10, oldestMs: range.toMs, range, loadingSeconds: 1 }), undefined);
  });

  it('rows reaching the range start leave nothing to come; a row outside the range counts as at its edge', () => {
    assert.deepStrictEqual(forecastLoadAll({ loaded: 700, oldestMs: range.fromMs, range, loadingSeconds: 3 }), { rows: 0, seconds: 0 });
    assert.deepStrictEqual(forecastLoadAll({ loaded: 700, oldestMs: range.fromMs - HOUR, range, loadingSeconds: 3 }), { rows: 0, seconds: 0 });
  });

  it('says how long in words', () => {
    assert.strictEqual(aboutDuration(20), 'about 20 seconds');
    assert.strictEqual(aboutDuration(290), 'about 5 minutes');
    assert.strictEqual(aboutDuration(2 * 3600), 'about 2 hours');
    assert.strictEqual(aboutDuration(5400), 'about 1.5 hours');
    assert.strictEqual(aboutDuration(40 * 3600), 'about 40 hours');
  });
});
