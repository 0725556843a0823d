import { readable } from '../../../src/core/records/untrusted';
import * as assert from 'assert';
import fc from 'fast-check';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { explain } from '../../../src/core/diagnose/errors';
import { diagnose } from '../../../src/core/diagnose/classify';
import { ServiceError } from '../../../src/core/http/serviceError';
import { browseContent, creationMs, mergeRecords } from '../../../src/core/o365/browse';
import { recordTypeName } from '../../../src/core/o365/contentTypes';
import { MAX_REDIRECTS, TooManyRedirectsError } from '../../../src/core/http/client';
import { ListingCutShortError, ManageApi, StartThrottledError } from '../../../src/core/o365/manageApi';
import { contentWindows, formatO365Time, RangeTooOldError } from '../../../src/core/o365/windows';
import { emulatorApi, type EmulatorApi } from '../../support/emulatorApi';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const RUNS = Number(process.env.IDLOG_PROPERTY_RUNS ?? 12);
const SEED = process.env.IDLOG_PROPERTY_SEED ? { seed: Number(process.env.IDLOG_PROPERTY_SEED) } : {};
const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('core/o365: content windows', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  for (const [label, span, count] of [
    ['1 h', HOUR, 1],
    ['24 h', DAY, 1],
    ['25 h', 25 * HOUR, 2],
    ['7 days', 7 * DAY, 7],
  ] as const) {
    it(`${label} → ${count} window(s) of at most 24 h, covering the range without gaps`, () => {
      const w = contentWindows(now - span, now, now);
      assert.strictEqual(w.length, count);
      for (const x of w) assert.ok(x.endMs - x.startMs <= DAY && x.endMs > x.startMs);
      for (let k = 1; k < w.length; k++) assert.strictEqual(w[k].startMs, w[k - 1].endMs);
      assert.strictEqual(w[w.length - 1].endMs, now);
      assert.ok(w[0].startMs - (now - span) <= 60_000, 'starts where asked (7 days: a minute inside the limit)');
    });
  }
  it('refuses a start more than 7 days back, and an empty range', () => {
    assert.throws(() => contentWindows(now - 8 * DAY, now - 7 * DAY + HOUR, now), RangeTooOldError);
    assert.throws(() => contentWindows(now, now, now), RangeError);
  });
  it('formats times the way the API accepts (YYYY-MM-DDTHH:MM:SS, UTC)', () => {
    assert.strictEqual(formatO365Time(Date.parse('2026-11-22T10:04:05.678Z')), '2026-11-22T10:04:05');
  });
});

describe('core/o365: the Management Activity API against the fake tenant', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let api: EmulatorApi;
  let manage: ManageApi;

  before(async () => {
    emulator = await startEmulator({ signIns: 6000, throttling: false, contentPageSize: 5 });
    api = await emulatorApi(emulator, CONTOSO, FULL_APP, { timeScale: 0.001 });
    manage = new ManageApi(api.client, emulator.origin, CONTOSO, CONTOSO);
  });
  after(() => emulator.close());

  it('starts a subscription; a second start is reported as already enabled or throttled with the wait', async () => {
    const r = await manage.start('Audit.AzureActiveDirectory');
    assert.deepStrictEqual(r, { status: 'enabled', alreadyEnabled: false });
    const again = await manage.start('Audit.AzureActiveDirectory').catch((e: unknown) => e);
    assert.ok(again instanceof StartThrottledError, String(again));
    assert.ok(again.waitMs > 13 * 60_000 && again.waitMs <= 15 * 60_000, `${again.waitMs}`);
    assert.deepStrictEqual(await manage.list(), [{ contentType: 'Audit.AzureActiveDirectory', status: 'enabled', webhook: null }]);
    assert.ok(api.sent.every((s) => new URL(s.url).searchParams.get('PublisherIdentifier') === CONTOSO), 'PublisherIdentifier on every call');
  });

  it('lists a window across 5+ NextPageUri pages, to the last', async () => {
    const before = api.sent.length;
    const now = Date.now();
    const entries = await manage.content('Audit.AzureActiveDirectory', { startMs: now - DAY + 60_000, endMs: now });
    const data = emulator.datasets.get(CONTOSO)!;
    const truth = data.blobsCreatedBetween('Audit.AzureActiveDirectory', now - DAY + 60_000, now, Date.now());
    assert.strictEqual(entries.length, truth.length);
    assert.ok(api.sent.length - before >= 5, `${api.sent.length - before} pages`);
  });

  it('browses 2 days: every record of the fake tenant’s blobs once, newest first, despite blobs out of order and repeats', async () => {
    const now = Date.now();
    const windows = contentWindows(now - 2 * DAY, now, now);
    const result = await browseContent(manage, 'Audit.AzureActiveDirectory', windows, { concurrency: 4 });
    const data = emulator.datasets.get(CONTOSO)!;
    const blobs = windows.flatMap((w) => data.blobsCreatedBetween('Audit.AzureActiveDirectory', w.startMs, w.endMs, Date.now()));
    const truth = mergeRecords(blobs.map((b) => data.blobRecords(b)));
    assert.strictEqual(result.blobs, new Set(blobs.map((b) => b.contentId)).size);
    assert.deepStrictEqual(result.failed, []);
    assert.ok(result.duplicates > 0, 'the feed repeats some records across blobs');
    assert.deepStrictEqual(
      readable(result.records).map((r) => r.Id),
      readable(truth.records).map((r) => r.Id),
    );
    const times = readable(result.records).map((r) => String(r.CreationTime));
    assert.deepStrictEqual(times, [...times].sort().reverse(), 'newest first');
  });

  it('property: a browse of any range in the 7 days, at any concurrency, with faults on listings and blobs, holds exactly the records of the blobs available, newest first', async () => {
    const data = emulator.datasets.get(CONTOSO)!;
    // Started by the first test of this suite; started here too when this test runs alone.
    if (!emulator.subscriptions(CONTOSO)['Audit.AzureActiveDirectory']) await manage.start('Audit.AzureActiveDirectory');
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 0.95, noNaN: true }), fc.double({ min: 0.005, max: 1, noNaN: true }), fc.integer({ min: 1, max: 6 }), fc.constantFrom(0, 0.1, 0.2), async (start, length, concurrency, faultRate) => {
        const now = Date.now();
        const span = 7 * DAY - 2 * 60_000;
        const toMs = Math.floor(now - start * span);
        const fromMs = Math.max(now - span, Math.floor(toMs - length * span));
        // A fresh client each time: the retry budget is per operation, as in the extension.
        const fresh = new ManageApi((await emulatorApi(emulator, CONTOSO, FULL_APP, { timeScale: 0.001, retry: { maxAttempts: 12 } })).client, emulator.origin, CONTOSO, CONTOSO);
        emulator.faults.configure({ rate: faultRate, kinds: ['500', '503', 'reset', 'truncate'] });
        let result;
        try {
          result = await browseContent(fresh, 'Audit.AzureActiveDirectory', contentWindows(fromMs, toMs, now), { concurrency });
        } finally {
          emulator.faults.configure({ rate: 0 });
        }
        // The truth from the range itself, not from the windows the code under test computes.
        const blobs = data.blobsCreatedBetween('Audit.AzureActiveDirectory', fromMs, toMs, now);
        const truth = mergeRecords(blobs.map((b) => data.blobRecords(b)));
        assert.deepStrictEqual(result.failed, []);
        assert.deepStrictEqual(readable(result.records).map((r) => String(r.Id)).sort(), readable(truth.records).map((r) => String(r.Id)).sort(), 'every record once');
        const times = readable(result.records).map((r) => String(r.CreationTime));
        assert.deepStrictEqual(times, [...times].sort().reverse(), 'newest first');
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('retries AF429 (sent as HTTP 403) and AF50000 on a blob, and still gets every record', async () => {
    const now = Date.now();
    const windows = contentWindows(now - 3 * HOUR, now, now);
    const clean = await browseContent(manage, 'Audit.AzureActiveDirectory', windows);
    emulator.faults.enqueue({ kind: '429', pathContains: '/feed/audit/' }, { kind: '500', pathContains: '/feed/audit/' });
    const before = emulator.faults.injected();
    const result = await browseContent(manage, 'Audit.AzureActiveDirectory', windows);
    const after = emulator.faults.injected();
    assert.strictEqual(after['429'] - before['429'], 1);
    assert.strictEqual(after['500'] - before['500'], 1);
    assert.deepStrictEqual(result.failed, []);
    // Every record once: the same set as a run without faults.
    assert.deepStrictEqual(
      readable(result.records).map((r) => String(r.Id)).sort(),
      readable(clean.records).map((r) => String(r.Id)).sort(),
    );
  });

  it('refuses a contentUri on another host or for another tenant without sending the token', async () => {
    const before = api.sent.length;
    const base = { contentType: 'Audit.AzureActiveDirectory', contentId: 'x', contentCreated: '', contentExpiration: '' };
    for (const contentUri of [
      `https://manage.office.com.evil.test/api/v1.0/${CONTOSO}/activity/feed/audit/x`,
      `${emulator.origin}/api/v1.0/22222222-2222-4222-8222-222222222222/activity/feed/audit/x`,
      `${emulator.origin}/api/v1.0/${CONTOSO}/../22222222-2222-4222-8222-222222222222/activity/feed/audit/x`,
      'javascript:alert(1)',
    ]) {
      await assert.rejects(manage.blob({ ...base, contentUri }), /not the Management API host|not this tenant's feed|not an absolute URL|Refused/i, contentUri);
    }
    assert.strictEqual(api.sent.length, before, 'nothing was sent');
  });

  it('GCC: links must be on manage-gcc.office.com; the worldwide manage host is refused for a GCC tenant', () => {
    const gcc = new ManageApi(api.client, 'https://manage-gcc.office.com', CONTOSO, CONTOSO);
    const feed = `/api/v1.0/${CONTOSO}/activity/feed/audit/x`;
    assert.strictEqual(gcc.checkFeedLink(`https://manage-gcc.office.com${feed}`), `https://manage-gcc.office.com${feed}`);
    assert.throws(() => gcc.checkFeedLink(`https://manage.office.com${feed}`), /not the Management API host manage-gcc\.office\.com/);
  });

  it('a foreign NextPageUri stops the listing before the token leaves', async () => {
    emulator.faults.enqueue({ kind: 'foreignNextLink', pathContains: 'subscriptions/content' });
    const now = Date.now();
    const e = await manage.content('Audit.AzureActiveDirectory', { startMs: now - DAY + 60_000, endMs: now }).catch((x: unknown) => x);
    assert.ok(e instanceof ListingCutShortError, String(e));
    assert.match(e.message, /not the Management API host/);
    assert.ok(e.entries.length > 0, 'the pages listed before the bad link are kept');
    assert.ok(api.sent.every((s) => !s.url.includes('evil.test')));
  });

  it('a redirect from a content listing or a blob to another tenant\'s feed on the same host is not followed', async () => {
    const now = Date.now();
    for (const pathContains of ['subscriptions/content', 'feed/audit/']) {
      emulator.faults.enqueue({ kind: 'redirectOtherTenant', pathContains });
      const before = api.sent.length;
      const err = await manage
        .content('Audit.AzureActiveDirectory', { startMs: now - DAY + 60_000, endMs: now })
        .then((entries) => manage.blob(entries[0]))
        .catch((x: unknown) => x);
      assert.match(String(err), /leaves \/api\/v1\.0\/11111111/, pathContains);
      const sent = api.sent.slice(before);
      assert.ok(sent.every((x) => !x.url.includes('99999999-9999')), `${pathContains}: the other tenant's feed got no request`);
      emulator.faults.reset();
    }
  });

  it('a redirect loop on the Management API stops after a few hops', async () => {
    emulator.faults.enqueue({ kind: 'redirectLoop', pathContains: 'subscriptions/list', times: 100 });
    const before = api.sent.length;
    await assert.rejects(manage.list(), TooManyRedirectsError);
    assert.strictEqual(api.sent.length - before, MAX_REDIRECTS + 1);
    emulator.faults.reset();
  });

  it('AF20022 for a content type without a subscription is an error with the next step', async () => {
    const e = await manage.content('Audit.Exchange', { startMs: Date.now() - HOUR, endMs: Date.now() }).catch((x: unknown) => x);
    assert.ok(e instanceof ServiceError && e.code === 'AF20022');
    assert.match(diagnose(e).explanation!.nextStep, /Start the subscription.*12 hours/);
  });
});

describe('core/o365: times and subscriptions', function () {
  this.timeout(60_000);

  it('a CreationTime without a zone is UTC (as the service means it), whatever the machine\'s time zone', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      assert.strictEqual(creationMs({ Id: 'a', CreationTime: '2026-11-22T10:00:00' }), Date.UTC(2026, 10, 22, 10, 0, 0));
      assert.strictEqual(creationMs({ Id: 'b', CreationTime: '2026-11-22T10:00:00+02:00' }), Date.UTC(2026, 10, 22, 8, 0, 0));
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('starting a subscription that is already enabled (AF20024) is success, not an error', async () => {
    // A fast clock, so the 15-minute start throttle passes in a moment.
    const emulator = await startEmulator({ signIns: 200, throttling: false, timeScale: 0.0005 });
    try {
      const api = await emulatorApi(emulator, CONTOSO, FULL_APP, { timeScale: 0.0005 });
      const manage = new ManageApi(api.client, emulator.origin, CONTOSO, CONTOSO);
      assert.deepStrictEqual(await manage.start('Audit.AzureActiveDirectory'), { status: 'enabled', alreadyEnabled: false });
      await new Promise((r) => setTimeout(r, 15 * 60_000 * 0.0005 + 200));
      assert.deepStrictEqual(await manage.start('Audit.AzureActiveDirectory'), { status: 'enabled', alreadyEnabled: true });
    } finally {
      await emulator.close();
    }
  });
});

describe('core/o365: every AF code maps to a message and a next step', () => {
  const CODES = ['AF10001', 'AF20001', 'AF20002', 'AF20010', 'AF20011', 'AF20012', 'AF20013', 'AF20020', 'AF20022', 'AF20023', 'AF20024', 'AF20030', 'AF20031', 'AF20050', 'AF20051', 'AF20052', 'AF20055', 'AF429', 'AF50000'];
  for (const code of CODES) {
    it(code, () => {
      const x = explain(code);
      assert.ok(x, `${code} is in the catalog`);
      assert.ok(x.message.length > 15 && x.nextStep.length > 8, `${code} says what happened and what to do`);
      const d = diagnose(new ServiceError('manage', code === 'AF429' ? 403 : 400, code, 'message from the service'));
      assert.strictEqual(d.code, code);
    });
  }
  it('names record types', () => {
    assert.strictEqual(recordTypeName(15), 'AzureActiveDirectoryStsLogon (15)');
    assert.strictEqual(recordTypeName('8'), 'AzureActiveDirectory (8)');
    assert.strictEqual(recordTypeName(9999), '9999');
  });
});
