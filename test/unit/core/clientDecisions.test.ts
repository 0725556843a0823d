/**
 * What the one HTTP client decides for each answer, driven by a scripted fetch (the real transport
 * is tested over HTTPS in transport.test.ts and against the fake tenant elsewhere): what a request
 * carries, which bodies are data and which are failures, what goes back to the caller at once
 * (a query to narrow, a triage call not to repeat), and what support finds in the log.
 */
import * as assert from 'assert';
import { ApiClient, QueryTimeoutError, RetriesExhaustedError, TooManyRedirectsError } from '../../../src/core/http/client';
import { AbortedError } from '../../../src/core/http/clock';
import { type LimitName, Pacer } from '../../../src/core/http/pacer';
import { DEFAULT_RETRY } from '../../../src/core/http/retry';
import { ServiceError } from '../../../src/core/http/serviceError';
import { type FetchLike, type HttpRequestInit } from '../../../src/core/http/transport';
import { type LogSink } from '../../../src/core/log/redact';
import { FakeClock } from '../../support/fakeClock';

type Reply = { status: number; body?: unknown; text?: string; headers?: Record<string, string>; throw?: unknown; hang?: true };
const URL_ = 'https://graph.microsoft.com/v1.0/auditLogs/signIns?$top=5';
const graphError = (code: string) => ({ error: { code, message: code, innerError: { 'request-id': 'r-inner' } } });

function scripted(replies: Reply[], extra: { requestTimeoutMs?: number; maxAttempts?: number } = {}) {
  const seen: { url: string; init: HttpRequestInit }[] = [];
  const logged: string[] = [];
  const tokens: boolean[] = [];
  const keys: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    seen.push({ url, init });
    const r = replies.shift() ?? { status: 200, body: { value: [] } };
    if (r.hang) await new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }))));
    if (r.throw !== undefined) throw r.throw;
    return { status: r.status, headers: { get: (n: string) => r.headers?.[n.toLowerCase()] ?? null }, text: async () => r.text ?? (r.body === undefined ? '' : JSON.stringify(r.body)) };
  };
  const clock = new FakeClock(1_000_000);
  const pacer = new Pacer(clock, { marginMs: 0 });
  const acquire = pacer.acquire.bind(pacer);
  pacer.acquire = (key: string, name: LimitName, signal?: AbortSignal) => {
    keys.push(key);
    return acquire(key, name, signal);
  };
  const log: LogSink = { trace: (m) => logged.push(`trace ${m}`), debug: () => undefined, info: (m) => logged.push(`info ${m}`), warn: (m) => logged.push(`warn ${m}`), error: () => undefined };
  const client = new ApiClient({
    fetch,
    tokens: async (_r, o) => {
      tokens.push(o.forceRefresh);
      return `token-${tokens.length}`;
    },
    origins: { graph: ['https://graph.microsoft.com'], manage: ['https://manage.office.com'], logAnalytics: [], arm: [] },
    clock,
    random: () => 0.5,
    log,
    pacer,
    tenantKey: 't',
    appKey: 'a',
    retry: { ...DEFAULT_RETRY, maxAttempts: extra.maxAttempts ?? 4, baseDelayMs: 1000 },
    requestTimeoutMs: extra.requestTimeoutMs ?? 60_000,
  });
  return { client, seen, logged, tokens, keys, clock };
}

describe('core/http: what a request carries', () => {
  it('a GET: the token, JSON accepted, a fresh client-request-id, no body and no content type', async () => {
    const { client, seen } = scripted([{ status: 200, body: { value: [1] } }, { status: 200, body: {} }]);
    const res = await client.request(URL_, { resource: 'graph', limit: 'reports' });
    assert.deepStrictEqual(res.body, { value: [1] });
    assert.strictEqual(seen[0].init.method, 'GET');
    assert.strictEqual(seen[0].init.body, undefined);
    const h = seen[0].init.headers;
    assert.deepStrictEqual([h.Authorization, h.Accept, h['Content-Type']], ['Bearer token-1', 'application/json', undefined]);
    assert.match(h['client-request-id'], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await client.request(URL_, { resource: 'graph', limit: 'reports' });
    assert.notStrictEqual(seen[1].init.headers['client-request-id'], h['client-request-id']);
  });

  it('a POST: its body as JSON, said to be JSON, with any extra headers', async () => {
    const { client, seen } = scripted([{ status: 204 }]);
    await client.request('https://graph.microsoft.com/v1.0/x/dismiss', { resource: 'graph', limit: 'identityProtection', method: 'POST', body: { userIds: ['a'] }, extraHeaders: { Prefer: 'x' } });
    assert.deepStrictEqual([seen[0].init.method, seen[0].init.body, seen[0].init.headers['Content-Type'], seen[0].init.headers.Prefer], ['POST', '{"userIds":["a"]}', 'application/json', 'x']);
  });

  it('reports are paced per tenant and app, every other limit per tenant', async () => {
    const { client, keys } = scripted([]);
    await client.request(URL_, { resource: 'graph', limit: 'reports' });
    await client.request(URL_, { resource: 'graph', limit: 'identityProtection' });
    assert.deepStrictEqual(keys, ['reports:t:a', 'identityProtection:t']);
  });
});

describe('core/http: which answers are data', () => {
  it('204, and a 2xx with no text, are no body; a 2xx with JSON is its body', async () => {
    const { client } = scripted([{ status: 204 }, { status: 200, text: '' }, { status: 202, text: '[1]' }, { status: 299, text: '{"a":1}' }]);
    const bodies = [];
    for (let i = 0; i < 4; i++) bodies.push((await client.request(URL_, { resource: 'graph', limit: 'reports' })).body);
    assert.deepStrictEqual(bodies, [undefined, undefined, [1], { a: 1 }]);
  });

  it('a 2xx body cut off mid-JSON is tried again, and said so', async () => {
    const { client, seen, logged } = scripted([{ status: 200, text: '{"value":[{"id":' }, { status: 200, body: { value: [] } }]);
    assert.deepStrictEqual((await client.request(URL_, { resource: 'graph', limit: 'reports' })).body, { value: [] });
    assert.strictEqual(seen.length, 2);
    assert.ok(logged.some((l) => l === 'warn Retry 1 of /v1.0/auditLogs/signIns in 1000 ms after The response body was cut off (16 bytes). (request-id ' + seen[0].init.headers['client-request-id'] + ').'), logged.join('\n'));
    assert.strictEqual(client.stats.retries, 1);
  });

  it('a redirect without a Location is an error of its own; 300 and 399 are redirects, 400 is not', async () => {
    const { client } = scripted([{ status: 302 }]);
    await assert.rejects(client.request(URL_, { resource: 'graph', limit: 'reports' }), (e: unknown) => e instanceof ServiceError && e.code === 'HTTP302' && e.serviceMessage === 'A redirect without a location.');
    for (const status of [300, 399]) {
      const { client: c, seen } = scripted([{ status, headers: { location: '/v1.0/elsewhere' } }]);
      await c.request(URL_, { resource: 'graph', limit: 'reports' });
      assert.strictEqual(seen[1].url, 'https://graph.microsoft.com/v1.0/elsewhere', String(status));
    }
  });

  it('a redirect loop stops with the last location, cut to 200 characters', async () => {
    const long = `/v1.0/${'x'.repeat(300)}`;
    const { client } = scripted(Array.from({ length: 10 }, () => ({ status: 302, headers: { location: long } })));
    await assert.rejects(client.request(URL_, { resource: 'graph', limit: 'reports' }), (e: unknown) => e instanceof TooManyRedirectsError && e.code === 'TooManyRedirects' && e.message === `The service redirected more than 5 times (last to ${`https://graph.microsoft.com${long}`.slice(0, 200)}); the request was stopped.`);
  });
});

describe('core/http: what goes back to the caller at once', () => {
  it('a 504 goes to a query that narrows itself, not retried; anyone else retries it', async () => {
    const narrowing = scripted([{ status: 504, body: graphError('GatewayTimeout') }]);
    await assert.rejects(narrowing.client.request(URL_, { resource: 'graph', limit: 'reports', timeoutsToCaller: true }), (e: unknown) => e instanceof QueryTimeoutError && !e.byClient && e.code === 'GatewayTimeout' && e.message === 'The service gave up on the query (504).');
    assert.strictEqual(narrowing.seen.length, 1);
    const plain = scripted([{ status: 504, body: graphError('GatewayTimeout') }]);
    await plain.client.request(URL_, { resource: 'graph', limit: 'reports' });
    assert.strictEqual(plain.seen.length, 2);
  });

  it('a request that takes too long is abandoned: to a narrowing query at once, otherwise retried and then given up with that reason', async () => {
    const narrowing = scripted([{ status: 200, hang: true }], { requestTimeoutMs: 10 });
    await assert.rejects(narrowing.client.request(URL_, { resource: 'graph', limit: 'reports', timeoutsToCaller: true }), (e: unknown) => e instanceof QueryTimeoutError && e.byClient && e.message === 'The request took too long and was abandoned.');
    assert.strictEqual(narrowing.seen.length, 1);
    const plain = scripted([{ status: 200, hang: true }, { status: 200, hang: true }], { requestTimeoutMs: 10, maxAttempts: 2 });
    await assert.rejects(plain.client.request(URL_, { resource: 'graph', limit: 'reports' }), (e: unknown) => e instanceof RetriesExhaustedError && e.last instanceof QueryTimeoutError && e.message === 'Gave up after 2 tries: The request took too long and was abandoned.');
  });

  it('a call that must not be repeated is retried only when throttled; noRetry gives up after one try', async () => {
    const once = scripted([{ status: 503, body: graphError('ServiceUnavailable') }]);
    await assert.rejects(once.client.request(URL_, { resource: 'graph', limit: 'identityProtection', method: 'POST', body: {}, retryOnlyThrottled: true }), (e: unknown) => e instanceof ServiceError && e.status === 503);
    assert.strictEqual(once.seen.length, 1);
    const reset = scripted([{ status: 0, throw: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) }]);
    await assert.rejects(reset.client.request(URL_, { resource: 'graph', limit: 'identityProtection', method: 'POST', body: {}, retryOnlyThrottled: true }), /socket hang up/);
    assert.strictEqual(reset.seen.length, 1);
    const throttled = scripted([{ status: 429, body: graphError('TooManyRequests') }]);
    await throttled.client.request(URL_, { resource: 'graph', limit: 'identityProtection', method: 'POST', body: {}, retryOnlyThrottled: true });
    assert.deepStrictEqual([throttled.seen.length, throttled.client.stats.throttled], [2, 1]);
    const single = scripted([{ status: 503, body: graphError('ServiceUnavailable') }]);
    await assert.rejects(single.client.request(URL_, { resource: 'graph', limit: 'reports', noRetry: true }), (e: unknown) => e instanceof RetriesExhaustedError && e.code === 'RetriesExhausted' && e.message === 'Gave up after 1 tries: Graph 503 ServiceUnavailable: ServiceUnavailable');
  });

  it("the Management API's throttling (AF429 in a 403) waits its Retry-After and goes on", async () => {
    const { client, seen, clock } = scripted([{ status: 403, body: { error: { code: 'AF429', message: 'Too many requests.' } }, headers: { 'retry-after': '7' } }]);
    await client.request('https://manage.office.com/api/v1.0/t/activity/feed/subscriptions/list', { resource: 'manage', limit: 'manage' });
    assert.strictEqual(seen.length, 2);
    assert.ok(clock.sleeps.includes(7000), String(clock.sleeps));
  });

  it('a cancelled operation sends nothing, and one cancelled mid-request ends as cancelled, not as a failure', async () => {
    const controller = new AbortController();
    controller.abort();
    const before = scripted([]);
    await assert.rejects(before.client.request(URL_, { resource: 'graph', limit: 'reports', signal: controller.signal }), (e: unknown) => e instanceof AbortedError);
    assert.strictEqual(before.seen.length, 0);
    const during = new AbortController();
    const mid = scripted([{ status: 200, hang: true }]);
    setTimeout(() => during.abort(), 5);
    await assert.rejects(mid.client.request(URL_, { resource: 'graph', limit: 'reports', signal: during.signal }), (e: unknown) => e instanceof AbortedError);
    assert.strictEqual(mid.seen.length, 1);
  });

  it('a 401 gets one fresh token; a second 401 is the answer', async () => {
    const { client, seen, tokens, logged } = scripted([{ status: 401, body: graphError('InvalidAuthenticationToken'), headers: { 'request-id': 'r-401' } }, { status: 401, body: graphError('InvalidAuthenticationToken') }]);
    await assert.rejects(client.request(URL_, { resource: 'graph', limit: 'reports' }), (e: unknown) => e instanceof ServiceError && e.status === 401);
    assert.deepStrictEqual([seen.length, tokens, client.stats.refreshedTokens], [2, [false, true, false], 1]);
    assert.ok(logged.includes('info 401 from graph.microsoft.com (request-id r-401); getting a fresh token once.'), logged.join('\n'));
  });
});

describe('core/http: what support finds in the log', () => {
  it('one trace line per request: method, host, path and query, outcome, size and request id; each retry with its cause', async () => {
    const { client, logged, seen } = scripted([{ status: 503, body: graphError('ServiceUnavailable'), headers: { 'request-id': 'r-503' } }, { status: 200, text: '{"value":[]}' }]);
    await client.request(URL_, { resource: 'graph', limit: 'reports' });
    assert.deepStrictEqual(logged, [
      `trace GET graph.microsoft.com/v1.0/auditLogs/signIns?$top=5 → 503 in 0 ms, ${JSON.stringify(graphError('ServiceUnavailable')).length} chars (request-id r-503)`,
      'warn Retry 1 of /v1.0/auditLogs/signIns in 1000 ms after 503 ServiceUnavailable (request-id r-503).',
      `trace GET graph.microsoft.com/v1.0/auditLogs/signIns?$top=5 → 200 in 0 ms, 12 chars (request-id ${seen[1].init.headers['client-request-id']})`,
    ]);
    const failed = scripted([{ status: 0, throw: 'a string thrown' }], { maxAttempts: 1 });
    await assert.rejects(failed.client.request(URL_, { resource: 'graph', limit: 'reports' }), (e: unknown) => e instanceof RetriesExhaustedError && e.message === 'Gave up after 1 tries: a string thrown');
    assert.match(failed.logged[0], / → a string thrown in 0 ms, 0 chars /);
  });
});
