import * as assert from 'assert';
import * as https from 'https';
import { type Emulator, type FaultKind, startEmulator } from '../../../src/emulator';
import { appToken, CONTOSO, FULL_APP, NO_IDP_APP, request } from '../../support/emulatorClient';

describe('fake tenant: documented throttling', function () {
  this.timeout(30_000);
  let emulator: Emulator;
  const tokens: Record<string, string> = {};
  before(async () => {
    // Half of real time: 5 requests per 5 s per app for reports, 1 per 500 ms per tenant for Identity
    // Protection; windows long enough that a burst always lands inside one, even on a busy machine.
    emulator = await startEmulator({ signIns: 500, timeScale: 0.5 });
    tokens.full = await appToken(emulator, CONTOSO, FULL_APP);
    tokens.other = await appToken(emulator, CONTOSO, NO_IDP_APP);
  });
  after(() => emulator.close());

  const burst = (path: string, n: number, token = tokens.full) => Promise.all(Array.from({ length: n }, () => request(emulator, `${emulator.origin}${path}`, { token })));

  it('reports: the 6th request within the window gets 429 TooManyRequests with a fractional Retry-After', async () => {
    const results = await burst('/v1.0/auditLogs/directoryAudits?$top=1', 6);
    const statuses = results.map((r) => r.status).sort();
    assert.deepStrictEqual(statuses, [200, 200, 200, 200, 200, 429]);
    const limited = results.find((r) => r.status === 429)!;
    assert.deepStrictEqual((limited.json as { error: { code: string; message: string } }).error.code, 'TooManyRequests');
    const retryAfter = Number(limited.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 5, `Retry-After ${String(limited.headers['retry-after'])}`);
    assert.match(String(limited.headers['retry-after']), /^\d+(\.\d+)?$/);
  });

  it('reports: the limit is per app, so another app is not throttled while the first one is', async () => {
    assert.strictEqual((await burst('/v1.0/auditLogs/directoryAudits?$top=1', 1))[0].status, 429);
    assert.strictEqual((await burst('/v1.0/auditLogs/directoryAudits?$top=1', 1, tokens.other))[0].status, 200);
  });

  it('Identity Protection: 1 request per window per tenant, and the 429 carries no Retry-After', async () => {
    const results = await burst('/v1.0/identityProtection/riskyUsers?$top=1', 3);
    const limited = results.filter((r) => r.status === 429);
    assert.ok(limited.length >= 2, results.map((r) => r.status).join(','));
    assert.ok(limited.every((r) => r.headers['retry-after'] === undefined));
  });
});

describe('fake tenant: fault injection', function () {
  this.timeout(30_000);
  let emulator: Emulator;
  let token: string;
  before(async () => {
    emulator = await startEmulator({ signIns: 500, throttling: false, latencySpikeMs: 300 });
    token = await appToken(emulator, CONTOSO, FULL_APP);
  });
  after(() => emulator.close());
  beforeEach(() => emulator.faults.reset());

  const url = () => `${emulator.origin}/v1.0/auditLogs/signIns?$top=50`;
  const rawGet = (): Promise<{ status: number; body: string; error?: string }> =>
    new Promise((resolve) => {
      const req = https.get(url(), { headers: { Authorization: `Bearer ${token}` }, ca: emulator.caPem!, agent: false }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', (e) => resolve({ status: res.statusCode ?? 0, body, error: e.message }));
        res.on('aborted', () => resolve({ status: res.statusCode ?? 0, body, error: 'aborted' }));
      });
      req.on('error', (e) => resolve({ status: 0, body: '', error: e.message }));
    });

  const statusFaults: [FaultKind, number][] = [
    ['429', 429],
    ['500', 500],
    ['502', 502],
    ['503', 503],
    ['504', 504],
  ];
  for (const [kind, status] of statusFaults) {
    it(`injects ${kind} and counts it`, async () => {
      emulator.faults.enqueue({ kind });
      assert.strictEqual((await rawGet()).status, status);
      assert.strictEqual((await rawGet()).status, 200, 'only the scripted request fails');
      assert.strictEqual(emulator.faults.injected()[kind], 1);
    });
  }

  it('resets the connection mid-body', async () => {
    emulator.faults.enqueue({ kind: 'reset' });
    const r = await rawGet();
    assert.ok(r.error, 'the client sees the connection end early');
    assert.throws(() => JSON.parse(r.body));
    assert.strictEqual(emulator.faults.injected().reset, 1);
  });

  it('sends truncated JSON with a 200', async () => {
    emulator.faults.enqueue({ kind: 'truncate' });
    const r = await rawGet();
    assert.strictEqual(r.status, 200);
    assert.throws(() => JSON.parse(r.body));
    assert.strictEqual(emulator.faults.injected().truncate, 1);
  });

  it('adds a latency spike and still answers correctly', async () => {
    emulator.faults.enqueue({ kind: 'latency' });
    const start = Date.now();
    const r = await rawGet();
    // A lower bound only: the spike is a sleep of at least this long.
    assert.ok(Date.now() - start >= 290);
    assert.strictEqual((JSON.parse(r.body) as { value: unknown[] }).value.length, 50);
  });

  it('points @odata.nextLink at a foreign host', async () => {
    emulator.faults.enqueue({ kind: 'foreignNextLink' });
    const r = await request(emulator, url(), { token });
    assert.strictEqual(new URL((r.json as { '@odata.nextLink': string })['@odata.nextLink']).host, 'graph.microsoft.com.evil.test');
  });

  it('scripted faults can target a path', async () => {
    emulator.faults.enqueue({ kind: '503', pathContains: 'directoryAudits', times: 2 });
    assert.strictEqual((await rawGet()).status, 200);
    assert.strictEqual((await request(emulator, `${emulator.origin}/v1.0/auditLogs/directoryAudits`, { token })).status, 503);
    assert.strictEqual((await request(emulator, `${emulator.origin}/v1.0/auditLogs/directoryAudits`, { token })).status, 503);
    assert.strictEqual((await request(emulator, `${emulator.origin}/v1.0/auditLogs/directoryAudits`, { token })).status, 200);
  });

  it('a seeded random rate injects faults that the counter accounts for exactly', async () => {
    emulator.faults.configure({ rate: 0.3, kinds: ['500', '503', '429'] });
    let failures = 0;
    for (let i = 0; i < 60; i++) if ((await rawGet()).status !== 200) failures++;
    emulator.faults.configure({ rate: 0 });
    const counts = emulator.faults.injected();
    assert.ok(failures > 5, `only ${failures} faults at rate 0.3`);
    assert.strictEqual(counts['500'] + counts['503'] + counts['429'], failures);
  });

  it('reads the counts back over the control endpoint', async () => {
    emulator.faults.enqueue({ kind: '502' });
    await rawGet();
    const r = await request(emulator, `${emulator.origin}/_emulator/faults`);
    assert.strictEqual((r.json as Record<string, number>)['502'], 1);
  });
});
