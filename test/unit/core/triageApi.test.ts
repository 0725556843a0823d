/**
 * The Graph calls triage makes, driven by a recording stand-in for the HTTP client (the client
 * itself, with its allowlist and pacing, is tested against the fake tenant in triage.test.ts):
 * which URL and body each call sends, and how hostile list and record bodies are read.
 */
import * as assert from 'assert';
import { type ApiClient, type JsonResponse, type RequestOptions } from '../../../src/core/http/client';
import { chunkIds } from '../../../src/core/triage/chunk';
import { TriageApi } from '../../../src/core/triage/triageApi';

const GRAPH = 'https://graph.microsoft.com';

/** Answers each request with the next body (or one per URL), and keeps what was asked. */
function recording(answer: (url: string, n: number) => { body: unknown; requestId?: string }) {
  const calls: { url: string; options: RequestOptions }[] = [];
  const client = {
    request: async (url: string, options: RequestOptions): Promise<JsonResponse> => {
      calls.push({ url, options });
      const { body, requestId } = answer(url, calls.length - 1);
      return { url, status: 200, body, headers: { get: (name: string) => (name === 'request-id' ? (requestId ?? null) : null) } };
    },
  };
  return { calls, client: client as unknown as ApiClient };
}

describe('core/triage: the calls it makes to Graph', () => {
  it('lists risky users 500 a page with the filter; service principals at the service’s page size; pages followed to the end', async () => {
    const { calls, client } = recording((_url, n) => (n === 0 ? { body: { value: [{ id: 'a' }], '@odata.nextLink': `${GRAPH}/v1.0/next?page=2` } } : { body: { value: [{ id: 'b' }] } }));
    const api = new TriageApi(client, GRAPH);
    assert.deepStrictEqual(await api.list('users', "riskLevel eq 'high'"), [{ id: 'a' }, { id: 'b' }]);
    const first = new URL(calls[0].url);
    assert.strictEqual(first.pathname, '/v1.0/identityProtection/riskyUsers');
    assert.deepStrictEqual([first.searchParams.get('$top'), first.searchParams.get('$filter')], ['500', "riskLevel eq 'high'"]);
    assert.strictEqual(calls[1].url, `${GRAPH}/v1.0/next?page=2`);
    assert.ok(calls.every((c) => c.options.limit === 'identityProtection' && c.options.resource === 'graph'));
    calls.length = 0;
    await api.list('servicePrincipals', undefined);
    assert.strictEqual(calls[0].url, `${GRAPH}/v1.0/identityProtection/riskyServicePrincipals`, 'no $top, no $filter');
  });

  it('a page that is not a list, values that are not objects and a nextLink that is not text are skipped, not trusted', async () => {
    const bodies: unknown[] = [{ value: [null, 5, 'x', [1], { id: 'ok' }], '@odata.nextLink': `${GRAPH}/v1.0/p2` }, 'not json', null];
    const { calls, client } = recording((_url, n) => ({ body: n === 1 ? { value: 'nope', '@odata.nextLink': `${GRAPH}/v1.0/p3` } : n === 2 ? { value: [{ id: 'last' }], '@odata.nextLink': 42 } : bodies[n] }));
    assert.deepStrictEqual(await new TriageApi(client, GRAPH).list('users', undefined), [[1], { id: 'ok' }, { id: 'last' }]);
    assert.strictEqual(calls.length, 3, 'the numeric nextLink ended the walk');
    const { client: odd } = recording(() => ({ body: 'Service Unavailable' }));
    assert.deepStrictEqual(await new TriageApi(odd, GRAPH).list('users', undefined), []);
  });

  it('a service whose nextLink never ends is stopped after 1,000 pages', async () => {
    const { calls, client } = recording(() => ({ body: { value: [], '@odata.nextLink': `${GRAPH}/v1.0/again` } }));
    await assert.rejects(new TriageApi(client, GRAPH).list('users', undefined), /^Error: More than 1,000 pages: stopping rather than looping\.$/);
    assert.strictEqual(calls.length, 1000);
  });

  it('history of one subject, by its id made safe for a path', async () => {
    const { calls, client } = recording(() => ({ body: { value: [] } }));
    await new TriageApi(client, GRAPH).history('servicePrincipals', 'a/b?c');
    assert.strictEqual(calls[0].url, `${GRAPH}/v1.0/identityProtection/riskyServicePrincipals/a%2Fb%3Fc/history`);
  });

  it("detections of a user or a service principal, by the right key, newest first, undated ones last", async () => {
    const { calls, client } = recording(() => ({
      body: { value: [{ id: 'old', detectedDateTime: '2026-11-01T00:00:00Z' }, { id: 'undated' }, { id: 'new', detectedDateTime: '2026-12-01T00:00:00Z' }, { id: 'bad', detectedDateTime: 7 }] },
    }));
    const api = new TriageApi(client, GRAPH);
    const list = await api.detections('users', "o'brien");
    assert.deepStrictEqual(list.map((d) => d.id).slice(0, 2), ['new', 'old']);
    assert.deepStrictEqual(new Set(list.map((d) => d.id).slice(2)), new Set(['undated', 'bad']));
    const users = new URL(calls[0].url);
    assert.strictEqual(users.pathname, '/v1.0/identityProtection/riskDetections');
    assert.deepStrictEqual([users.searchParams.get('$filter'), users.searchParams.get('$top')], ["userId eq 'o''brien'", '500']);
    await api.detections('servicePrincipals', 'sp1');
    const sps = new URL(calls[1].url);
    assert.strictEqual(sps.pathname, '/v1.0/identityProtection/servicePrincipalRiskDetections');
    assert.strictEqual(sps.searchParams.get('$filter'), "servicePrincipalId eq 'sp1'");
  });

  it('an action is one POST of the ids under the subject’s key, retried only when throttled; its request id is kept', async () => {
    const { calls, client } = recording(() => ({ body: null, requestId: 'req-1' }));
    const api = new TriageApi(client, GRAPH);
    assert.deepStrictEqual(await api.act('servicePrincipals', 'confirmCompromised', ['s1', 's2']), { status: 200, requestId: 'req-1' });
    assert.strictEqual(calls[0].url, `${GRAPH}/v1.0/identityProtection/riskyServicePrincipals/confirmCompromised`);
    assert.deepStrictEqual([calls[0].options.method, calls[0].options.body, calls[0].options.retryOnlyThrottled], ['POST', { servicePrincipalIds: ['s1', 's2'] }, true]);
    assert.deepStrictEqual(await api.actOnSignIns('confirmSafe', ['r1']), { status: 200, requestId: 'req-1' });
    assert.strictEqual(calls[1].url, `${GRAPH}/v1.0/auditLogs/signIns/confirmSafe`);
    assert.deepStrictEqual([calls[1].options.method, calls[1].options.body, calls[1].options.retryOnlyThrottled], ['POST', { requestIds: ['r1'] }, true]);
    const { client: noId } = recording(() => ({ body: null }));
    assert.deepStrictEqual(await new TriageApi(noId, GRAPH).act('users', 'dismiss', ['u1']), { status: 200, requestId: undefined });
  });

  it("sign-ins are read again from the grid's version, one by one; their states by lower-cased id, malformed ones left out", async () => {
    const bodies: Record<string, unknown> = {
      'A-1': { id: 'A-1', riskState: 'confirmedSafe', riskLevelAggregated: 'none' },
      b2: { id: 'b2', riskState: 5, riskLevelAggregated: ['x'] },
      c3: 'garbage',
      d4: { id: 9 },
    };
    const { calls, client } = recording((url) => ({ body: bodies[decodeURIComponent(url.split('/').pop()!)] }));
    const states = await new TriageApi(client, GRAPH, 'beta').signInStates(['A-1', 'b2', 'c3', 'd4']);
    assert.deepStrictEqual([...states], [['a-1', { riskState: 'confirmedSafe', riskLevel: 'none' }], ['b2', { riskState: 'none', riskLevel: undefined }]]);
    assert.deepStrictEqual(calls.map((c) => [c.url, c.options.limit]), ['A-1', 'b2', 'c3', 'd4'].map((id) => [`${GRAPH}/beta/auditLogs/signIns/${id}`, 'reports']));
  });

  it('what changed since a time: the list filtered on riskLastUpdatedDateTime, by lower-cased id, with processing flags', async () => {
    const { calls, client } = recording(() => ({ body: { value: [{ id: 'U-1', riskState: 'dismissed', riskLevel: 'none', isProcessing: true }, { id: 'u2', riskState: null, riskLevel: 3, isProcessing: 'yes' }, { riskState: 'atRisk' }] } }));
    const changed = await new TriageApi(client, GRAPH).changedSince('users', Date.parse('2026-12-02T10:00:00Z'));
    assert.deepStrictEqual([...changed], [['u-1', { riskState: 'dismissed', riskLevel: 'none', isProcessing: true }], ['u2', { riskState: 'none', riskLevel: undefined, isProcessing: false }]]);
    assert.strictEqual(new URL(calls[0].url).searchParams.get('$filter'), 'riskLastUpdatedDateTime ge 2026-12-02T10:00:00Z');
  });

  it('ids are sent in calls of at most 60, in order; a chunk size that is not a positive whole number is refused', () => {
    const ids = Array.from({ length: 121 }, (_, i) => `u${i}`);
    assert.deepStrictEqual(chunkIds(ids).map((c) => c.length), [60, 60, 1]);
    assert.deepStrictEqual(chunkIds(ids).flat(), ids);
    assert.deepStrictEqual(chunkIds(['a', 'b'], 1), [['a'], ['b']]);
    for (const bad of [0, -1, 1.5]) assert.throws(() => chunkIds(ids, bad), new RegExp(`^RangeError: Chunk size must be a positive integer, not ${bad}\\.$`));
  });
});
