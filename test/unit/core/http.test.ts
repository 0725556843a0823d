import * as assert from 'assert';
import { NetworkFailureError } from '../../../src/core/http/networkFailure';
import { allowedOrigins, checkTokenUrl } from '../../../src/core/http/allowlist';
import { AbortedError } from '../../../src/core/http/clock';
import { ApiClient, MAX_REDIRECTS, RetriesExhaustedError, TooManyRedirectsError } from '../../../src/core/http/client';
import { Pacer } from '../../../src/core/http/pacer';
import { backoffMs, DEFAULT_RETRY, parseRetryAfter } from '../../../src/core/http/retry';
import { type ServiceError } from '../../../src/core/http/serviceError';
import { type FetchLike, type HttpRequestInit } from '../../../src/core/http/transport';
import { cloudById, cloudEndpoints, localEndpoints } from '../../../src/core/clouds';
import { NULL_LOGGER } from '../../../src/core/log/redact';
import { FakeClock } from '../../support/fakeClock';


describe('core/http: token host allowlist', () => {
  const global = allowedOrigins(cloudEndpoints(cloudById('global')));
  const cases: [string, 'graph' | 'manage' | 'logAnalytics', boolean][] = [
    ['https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=x', 'graph', true],
    ['https://GRAPH.MICROSOFT.COM/v1.0/auditLogs/signIns', 'graph', true],
    ['https://graph.microsoft.com:443/v1.0/x', 'graph', true],
    ['https://manage.office.com/api/v1.0/t/activity/feed/audit/x', 'manage', true],
    // Audience: a Graph token never goes to the Management API or login host, nor the reverse.
    ['https://manage.office.com/api/v1.0/t/activity/feed/audit/x', 'graph', false],
    ['https://login.microsoftonline.com/t/oauth2/v2.0/token', 'graph', false],
    ['https://graph.microsoft.com/v1.0/auditLogs/signIns', 'manage', false],
    ['https://login.microsoftonline.com/t/oauth2/v2.0/token', 'manage', false],
    ['https://graph.microsoft.com.evil.test/v1.0/auditLogs/signIns', 'graph', false],
    ['http://graph.microsoft.com/v1.0/auditLogs/signIns', 'graph', false],
    ['https://evil.test@graph.microsoft.com/v1.0/x', 'graph', false],
    ['https://graph.microsoft.com@evil.test/v1.0/x', 'graph', false],
    ['https://graph.microsoft.com:8443/v1.0/x', 'graph', false],
    ['https://evilgraph.microsoft.com/v1.0/x', 'graph', false],
    ['https://graph.microsoft.us/v1.0/x', 'graph', false],
    ['https://graph.microsoft.com./v1.0/x', 'graph', false],
    ['//graph.microsoft.com/v1.0/x', 'graph', false],
    ['javascript:alert(1)', 'graph', false],
    ['https://127.0.0.1:8443/v1.0/x', 'graph', false],
    // Log Analytics: its query host only. The token's audience (api.loganalytics.io) is a name, not where it goes.
    ['https://api.loganalytics.azure.com/v1/workspaces/w/query', 'logAnalytics', true],
    ['https://api.loganalytics.io/v1/workspaces/w/query', 'logAnalytics', false],
    ['https://api.loganalytics.azure.com/v1/workspaces/w/query', 'graph', false],
    ['https://graph.microsoft.com/v1.0/auditLogs/signIns', 'logAnalytics', false],
    ['https://api.loganalytics.us/v1/workspaces/w/query', 'logAnalytics', false],
  ];
  for (const [url, resource, ok] of cases) it(`${ok ? 'allows' : 'refuses'} a ${resource} token for ${url}`, () => assert.strictEqual(checkTokenUrl(url, global[resource]).ok, ok));

  it('keeps a Management API link under this tenant\'s feed path, however the path is spelled', () => {
    const feed = '/api/v1.0/t1/activity/feed/';
    const ok = (u: string) => checkTokenUrl(u, global.manage, feed).ok;
    assert.ok(ok('https://manage.office.com/api/v1.0/t1/activity/feed/audit/x'));
    assert.ok(ok('https://manage.office.com/api/v1.0/T1/activity/feed/audit/x'), 'the tenant segment is not case-sensitive');
    assert.ok(!ok('https://manage.office.com/api/v1.0/t2/activity/feed/audit/x'));
    assert.ok(!ok('https://manage.office.com/api/v1.0/t1/activity/feed/../../t2/activity/feed/audit/x'));
    assert.ok(!ok('https://manage.office.com/api/v1.0/t1/activity/feed/%2e%2e/%2e%2e/t2/activity/feed/x'));
    assert.ok(!ok('https://manage.office.com/api/v1.0/t1/activity/feed/..%2f..%2ft2/activity/feed/x'));
    assert.ok(!ok('https://manage.office.com/api/v1.0/t1/activity/feedx/x'));
  });

  it('allows only the fake tenant origin for a local tenant, http included when that is its origin', () => {
    const local = allowedOrigins(localEndpoints(cloudById('global'), 'http://127.0.0.1:4321'));
    assert.deepStrictEqual(local, { graph: ['http://127.0.0.1:4321'], manage: ['http://127.0.0.1:4321'], logAnalytics: ['http://127.0.0.1:4321'], arm: ['http://127.0.0.1:4321'] });
    assert.strictEqual(checkTokenUrl('http://127.0.0.1:4321/v1.0/x', local.graph).ok, true);
    assert.strictEqual(checkTokenUrl('http://127.0.0.1:4322/v1.0/x', local.graph).ok, false);
    assert.strictEqual(checkTokenUrl('https://graph.microsoft.com/v1.0/x', local.graph).ok, false);
  });

  it('uses each national cloud’s own hosts, and China has no Management API host', () => {
    const dod = allowedOrigins(cloudEndpoints(cloudById('usGovDod')));
    assert.ok(checkTokenUrl('https://dod-graph.microsoft.us/v1.0/x', dod.graph).ok);
    assert.ok(!checkTokenUrl('https://graph.microsoft.us/v1.0/x', dod.graph).ok);
    const gcc = allowedOrigins(cloudEndpoints(cloudById('global'), true));
    assert.ok(checkTokenUrl('https://manage-gcc.office.com/api/v1.0/x', gcc.manage).ok);
    assert.ok(!checkTokenUrl('https://manage.office.com/api/v1.0/x', gcc.manage).ok);
    assert.deepStrictEqual(allowedOrigins(cloudEndpoints(cloudById('china'))).manage, []);
  });
});

describe('core/http: pacing and backoff with a fake clock', () => {
  it('never starts more than 5 report requests in any 10 s window per app and tenant', async () => {
    const clock = new FakeClock(1_000_000);
    const pacer = new Pacer(clock, { marginMs: 0 });
    const starts: number[] = [];
    for (let i = 0; i < 23; i++) {
      await pacer.acquire('reports:t:a', 'reports');
      starts.push(clock.now());
    }
    for (let i = 5; i < starts.length; i++) assert.ok(starts[i] - starts[i - 5] >= 10_000, `request ${i} came too early`);
    assert.strictEqual(starts[22] - starts[0], 40_000, 'and no slower than the limit allows');
  });

  it('Identity Protection: 1 per second per tenant, with a margin', async () => {
    const clock = new FakeClock(1_000_000);
    const pacer = new Pacer(clock, { marginMs: 50 });
    const starts: number[] = [];
    for (let i = 0; i < 4; i++) {
      await pacer.acquire('identityProtection:t', 'identityProtection');
      starts.push(clock.now());
    }
    assert.deepStrictEqual(starts.map((s) => s - starts[0]), [0, 1050, 2100, 3150]);
  });

  it('scales windows for tests and benchmarks, and a pause holds everyone on the key', async () => {
    const clock = new FakeClock(1_000_000);
    const pacer = new Pacer(clock, { timeScale: 0.01, marginMs: 0 });
    for (let i = 0; i < 5; i++) await pacer.acquire('k', 'reports');
    const before = clock.now();
    await pacer.acquire('k', 'reports');
    assert.strictEqual(clock.now() - before, 100);
    pacer.pause('k', clock.now() + 5000);
    const paused = clock.now();
    await pacer.acquire('k', 'reports');
    assert.strictEqual(clock.now() - paused, 5000);
  });

  it('backs off exponentially with full jitter under a cap', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    assert.deepStrictEqual([1, 2, 3, 4, 5, 6].map((a) => backoffMs(policy, a, () => 0.999999)), [199, 399, 799, 999, 999, 999]);
    assert.strictEqual(backoffMs(policy, 3, () => 0), 0);
  });

  it('reads Retry-After as fractional seconds or an HTTP date', () => {
    assert.strictEqual(parseRetryAfter('2.128', 0), 2128);
    assert.strictEqual(parseRetryAfter('7', 0), 7000);
    assert.strictEqual(parseRetryAfter('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT')), 10_000);
    assert.strictEqual(parseRetryAfter('soon', 0), undefined);
    assert.strictEqual(parseRetryAfter(null, 0), undefined);
  });
});

describe('core/http: the client retries what is worth retrying, and nothing else', () => {
  type Reply = { status: number; body?: unknown; headers?: Record<string, string>; throw?: Error; text?: string };
  const scripted = (replies: Reply[], seen: { url: string; init: HttpRequestInit }[]): FetchLike => async (url, init) => {
    seen.push({ url, init });
    const r = replies.shift() ?? { status: 200, body: { value: [] } };
    if (r.throw) throw r.throw;
    return { status: r.status, headers: { get: (n: string) => r.headers?.[n.toLowerCase()] ?? null }, text: async () => r.text ?? (r.body === undefined ? '' : JSON.stringify(r.body)) };
  };
  const client = (replies: Reply[], seen: { url: string; init: HttpRequestInit }[] = [], tokens: string[] = [], retry: Partial<typeof DEFAULT_RETRY> = { maxAttempts: 5, baseDelayMs: 1000 }) => {
    const clock = new FakeClock(1_000_000);
    return {
      clock,
      client: new ApiClient({
        fetch: scripted(replies, seen),
        tokens: async (_r, o) => {
          tokens.push(o.forceRefresh ? 'refresh' : 'cached');
          return `token-${tokens.length}`;
        },
        origins: { graph: ['https://graph.microsoft.com'], manage: ['https://manage.office.com'], logAnalytics: ['https://api.loganalytics.azure.com'], arm: ['https://management.azure.com'] },
        clock,
        random: () => 0.5,
        log: NULL_LOGGER,
        pacer: new Pacer(clock, { marginMs: 0 }),
        tenantKey: 't',
        appKey: 'a',
        retry: { ...DEFAULT_RETRY, ...retry },
        requestTimeoutMs: 60_000,
      }),
    };
  };
  const URL_ = 'https://graph.microsoft.com/v1.0/auditLogs/signIns';
  const graphError = (code: string) => ({ error: { code, message: code, innerError: { 'request-id': 'r' } } });

  it('the retry budget is the number of retries an operation may make, across its requests, and no more', async () => {
    const seen: { url: string; init: HttpRequestInit }[] = [];
    const unavailable = Array.from({ length: 20 }, () => ({ status: 503, body: graphError('ServiceUnavailable') }));
    const { client: c } = client(unavailable, seen, [], { maxAttempts: 10, baseDelayMs: 10, budget: 3 });
    await assert.rejects(c.request(URL_, { resource: 'graph', limit: 'reports' }));
    assert.strictEqual(seen.length, 4, 'the first try and 3 retries: the budget, not maxAttempts, stopped it');
    await assert.rejects(c.request(URL_, { resource: 'graph', limit: 'reports' }));
    assert.strictEqual(seen.length, 5, 'a spent budget allows no retry of the next request');
  });

  it('a 429 pauses its pacer key for every request, not only the one that got it', async () => {
    const clock = new FakeClock(1_000_000);
    const pacer = new Pacer(clock, { marginMs: 0 });
    const pauses: { key: string; untilMs: number; at: number }[] = [];
    const pause = pacer.pause.bind(pacer);
    pacer.pause = (key, untilMs) => {
      pauses.push({ key, untilMs, at: clock.now() });
      pause(key, untilMs);
    };
    let calls = 0;
    const fetch: FetchLike = async () =>
      ++calls === 1
        ? { status: 429, headers: { get: (n: string) => (n.toLowerCase() === 'retry-after' ? '30' : null) }, text: async () => JSON.stringify(graphError('TooManyRequests')) }
        : { status: 200, headers: { get: () => null }, text: async () => JSON.stringify({ value: [] }) };
    const c = new ApiClient({ fetch, tokens: async () => 'token', origins: { graph: ['https://graph.microsoft.com'], manage: [], logAnalytics: [], arm: [] }, clock, random: () => 0.5, log: NULL_LOGGER, pacer, tenantKey: 't', appKey: 'a', retry: { ...DEFAULT_RETRY, baseDelayMs: 10 }, requestTimeoutMs: 60_000 });
    await c.request(URL_, { resource: 'graph', limit: 'reports' });
    assert.deepStrictEqual(pauses.map((p) => [p.key, p.untilMs - p.at]), [['reports:t:a', 30_000]], 'the shared key is paused for the Retry-After');
    // And a paused key holds back whoever asks next (the pacer's side of the promise).
    const other = new Pacer(clock, { marginMs: 0 });
    other.pause('reports:t:a', clock.now() + 5_000);
    const s0 = clock.sleeps.length;
    await other.acquire('reports:t:a', 'reports');
    assert.ok(clock.sleeps.slice(s0).reduce((a, b) => a + b, 0) >= 5_000, 'a paused key makes the next request wait');
  });

  it('a proxy that wants credentials or refuses, or an untrusted certificate, fails at once; a proxy that is down is retried', async () => {
    for (const errno of ['EPROXYAUTH', 'EPROXYREFUSED', 'CERT_HAS_EXPIRED']) {
      const seen: { url: string; init: HttpRequestInit }[] = [];
      const { client: c } = client([{ status: 0, throw: new NetworkFailureError('graph.microsoft.com', errno, 'x') }], seen);
      await assert.rejects(c.request(URL_, { resource: 'graph', limit: 'reports' }), (e: unknown) => e instanceof NetworkFailureError && e.errno === errno);
      assert.strictEqual(seen.length, 1, `${errno}: one attempt`);
    }
    const seen: { url: string; init: HttpRequestInit }[] = [];
    const { client: c } = client([{ status: 0, throw: new NetworkFailureError('graph.microsoft.com', 'EPROXYUNREACHABLE', 'x') }, { status: 200, body: { value: [2] } }], seen);
    assert.deepStrictEqual((await c.request(URL_, { resource: 'graph', limit: 'reports' })).body, { value: [2] });
    assert.strictEqual(seen.length, 2);
  });

  it('honours a fractional Retry-After on 429', async () => {
    const { client: c, clock } = client([{ status: 429, headers: { 'retry-after': '2.128' }, body: graphError('TooManyRequests') }, { status: 200, body: { value: [1] } }]);
    const res = await c.request(URL_, { resource: 'graph', limit: 'reports' });
    assert.deepStrictEqual(res.body, { value: [1] });
    assert.ok(clock.sleeps.includes(2128));
    assert.strictEqual(c.stats.throttled, 1);
  });

  for (const status of [500, 502, 503, 504]) {
    it(`retries ${status} with backoff`, async () => {
      const { client: c, clock } = client([{ status, body: graphError('x') }, { status: 200, body: { value: [] } }]);
      await c.request(URL_, { resource: 'graph', limit: 'reports' });
      assert.strictEqual(c.stats.retries, 1);
      assert.ok(clock.sleeps.includes(1000), `slept ${clock.sleeps}`);
    });
  }

  it('retries a connection reset and a truncated body', async () => {
    const { client: c } = client([{ status: 0, throw: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) }, { status: 200, text: '{"value":[{"id":"a"' }, { status: 200, body: { value: [{ id: 'a' }] } }]);
    const res = await c.request(URL_, { resource: 'graph', limit: 'reports' });
    assert.deepStrictEqual(res.body, { value: [{ id: 'a' }] });
    assert.strictEqual(c.stats.retries, 2);
  });

  it('backs off on its own when Identity Protection throttles without Retry-After', async () => {
    const { client: c, clock } = client([{ status: 429, body: graphError('TooManyRequests') }, { status: 200, body: {} }]);
    await c.request(URL_, { resource: 'graph', limit: 'identityProtection' });
    assert.ok(clock.sleeps.some((s) => s === 1000), `slept ${clock.sleeps}`);
  });

  it('treats AF429 inside a 403 as throttling', async () => {
    const { client: c } = client([{ status: 403, body: { error: { code: 'AF429', message: 'Too many requests.' } } }, { status: 200, body: [] }]);
    await c.request('https://manage.office.com/api/v1.0/t/activity/feed/subscriptions/list', { resource: 'manage', limit: 'manage' });
    assert.strictEqual(c.stats.throttled, 1);
  });

  it('does not retry a 400 or a 403, and keeps the service error', async () => {
    for (const [status, code] of [[400, 'BadRequest'], [403, 'Authentication_MSGraphPermissionMissing'], [404, 'Request_ResourceNotFound']] as const) {
      const seen: { url: string; init: HttpRequestInit }[] = [];
      const { client: c } = client([{ status, body: graphError(code) }], seen);
      await assert.rejects(c.request(URL_, { resource: 'graph', limit: 'reports' }), (e: ServiceError) => e.code === code && e.status === status);
      assert.strictEqual(seen.length, 1);
    }
  });

  it('gets a fresh token once after a 401, then fails clearly', async () => {
    const tokens: string[] = [];
    const { client: c } = client([{ status: 401, body: graphError('InvalidAuthenticationToken') }, { status: 200, body: {} }], [], tokens);
    await c.request(URL_, { resource: 'graph', limit: 'reports' });
    assert.deepStrictEqual(tokens, ['cached', 'refresh', 'cached']);
    const { client: c2 } = client([{ status: 401, body: graphError('InvalidAuthenticationToken') }, { status: 401, body: graphError('InvalidAuthenticationToken') }]);
    await assert.rejects(c2.request(URL_, { resource: 'graph', limit: 'reports' }), (e: ServiceError) => e.code === 'InvalidAuthenticationToken');
  });

  it('gives up after the attempts allowed', async () => {
    const { client: c } = client(Array.from({ length: 10 }, () => ({ status: 503, body: graphError('ServiceUnavailable') })));
    await assert.rejects(c.request(URL_, { resource: 'graph', limit: 'reports' }), RetriesExhaustedError);
    assert.strictEqual(c.stats.requests, 5);
  });

  it('never sends the token to a foreign host, redirect included', async () => {
    const seen: { url: string; init: HttpRequestInit }[] = [];
    const { client: c } = client([{ status: 302, headers: { location: 'https://evil.test/steal' } }], seen);
    await assert.rejects(c.request(URL_, { resource: 'graph', limit: 'reports' }), /Refused to follow/);
    assert.deepStrictEqual(seen.map((s) => new URL(s.url).host), ['graph.microsoft.com']);
    const seen2: { url: string; init: HttpRequestInit }[] = [];
    const { client: c2 } = client([], seen2);
    await assert.rejects(c2.request('https://graph.microsoft.com.evil.test/v1.0/x', { resource: 'graph', limit: 'reports' }), /Refused to follow/);
    assert.strictEqual(seen2.length, 0);
  });

  it('sends a Graph token only to Graph, even when a Graph link points at the same cloud\'s other hosts', async () => {
    for (const host of ['manage.office.com', 'login.microsoftonline.com']) {
      const seen: { url: string; init: HttpRequestInit }[] = [];
      const { client: c } = client([{ status: 302, headers: { location: `https://${host}/api/v1.0/t/activity/feed/x` } }], seen);
      await assert.rejects(c.request(URL_, { resource: 'graph', limit: 'reports' }), /not the host this token is for/);
      assert.deepStrictEqual(seen.map((s) => new URL(s.url).host), ['graph.microsoft.com']);
    }
  });

  it('holds every redirect hop to the request\'s path scope (another tenant\'s feed on the same host)', async () => {
    const seen: { url: string; init: HttpRequestInit }[] = [];
    const { client: c } = client([{ status: 302, headers: { location: '/api/v1.0/other-tenant/activity/feed/audit/blob' } }], seen);
    const feed = 'https://manage.office.com/api/v1.0/t1/activity/feed/audit/blob';
    await assert.rejects(c.request(feed, { resource: 'manage', limit: 'manage', pathPrefix: '/api/v1.0/t1/activity/feed/' }), /leaves \/api\/v1.0\/t1/);
    assert.strictEqual(seen.length, 1, 'the second tenant\'s feed got no request');
  });

  it('follows a few redirects, relative ones included, and stops a loop after MAX_REDIRECTS paced hops', async () => {
    const seen: { url: string; init: HttpRequestInit }[] = [];
    const { client: c } = client([{ status: 301, headers: { location: '/v1.0/a' } }, { status: 307, headers: { location: 'b' } }, { status: 200, body: { value: [7] } }], seen);
    const res = await c.request(URL_, { resource: 'graph', limit: 'reports' });
    assert.deepStrictEqual(res.body, { value: [7] });
    assert.deepStrictEqual(seen.map((s) => new URL(s.url).pathname), ['/v1.0/auditLogs/signIns', '/v1.0/a', '/v1.0/b']);

    const loop: { url: string; init: HttpRequestInit }[] = [];
    const { client: c2, clock } = client(Array.from({ length: 1000 }, () => ({ status: 302, headers: { location: URL_ } })), loop);
    await assert.rejects(c2.request(URL_, { resource: 'graph', limit: 'reports' }), TooManyRedirectsError);
    assert.strictEqual(loop.length, MAX_REDIRECTS + 1);
    // Reports allow 5 requests per 10 s: the sixth hop waited for the pacer like any request.
    assert.ok(clock.now() - 1_000_000 >= 10_000, `the hops were not paced (${clock.now() - 1_000_000} ms)`);
  });

  it('does not retry a POST marked noRetry', async () => {
    const seen: { url: string; init: HttpRequestInit }[] = [];
    const { client: c } = client([{ status: 503, body: graphError('ServiceUnavailable') }], seen);
    await assert.rejects(c.request(URL_, { resource: 'graph', limit: 'identityProtection', method: 'POST', body: { userIds: ['x'] }, noRetry: true }), RetriesExhaustedError);
    assert.strictEqual(seen.length, 1);
  });

  it('stops at once when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const { client: c } = client([]);
    await assert.rejects(c.request(URL_, { resource: 'graph', limit: 'reports', signal: controller.signal }), AbortedError);
  });
});
