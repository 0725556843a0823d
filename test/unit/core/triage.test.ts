import * as assert from 'assert';
import { ApiClient } from '../../../src/core/http/client';
import { Pacer } from '../../../src/core/http/pacer';
import { DEFAULT_RETRY } from '../../../src/core/http/retry';
import { type FetchLike } from '../../../src/core/http/transport';
import { NULL_LOGGER } from '../../../src/core/log/redact';
import { cloudById } from '../../../src/core/clouds';
import { type TokenClaims } from '../../../src/core/diagnose/claims';
import { chunkIds } from '../../../src/core/triage/chunk';
import { triagePrecheck } from '../../../src/core/triage/precheck';
import { ago, DEFAULT_TRIAGE_FILTER, describeFilter, groupEntities, matchesFilter, parseTriageFilter, serverFilter, toEntity } from '../../../src/core/triage/riskyEntities';
import { runTriage } from '../../../src/core/triage/runTriage';
import { actionAvailable, consequence, SUBJECTS, TARGET_STATE, type TriageAction, unavailableReason } from '../../../src/core/triage/subjects';
import { TriageApi } from '../../../src/core/triage/triageApi';
import { FakeClock } from '../../support/fakeClock';


const ORIGIN = 'https://graph.microsoft.com';
const ids = (n: number, prefix = 'u') => Array.from({ length: n }, (_, k) => `${prefix}${String(k).padStart(4, '0')}-0000-4000-8000-000000000000`);

type Behaviour = 'ok' | '429' | 'resetAfterApply' | '500' | '403' | '400';

/**
 * A small Identity Protection on a fake clock: applies dismiss/confirmCompromised to its users,
 * answers the re-read by riskLastUpdatedDateTime, and misbehaves per call as scripted.
 */
/** `skewMs`: how far the service's clock is behind ours (it stamps riskLastUpdatedDateTime). */
function fakeService(clock: FakeClock, userIds: string[], script: Behaviour[] = [], skewMs = 0) {
  const users = new Map(userIds.map((id) => [id, { id, riskState: 'atRisk', riskLevel: 'medium', riskLastUpdatedDateTime: '2026-11-01T00:00:00Z', isProcessing: false }]));
  const posts: { atMs: number; ids: string[]; behaviour: Behaviour }[] = [];
  const gets: string[] = [];
  let call = 0;
  const reply = (status: number, body?: unknown) => ({ status, headers: { get: (n: string) => (n === 'request-id' ? `req-${call}` : null) }, text: async () => (body === undefined ? '' : JSON.stringify(body)) });
  const error = (status: number, code: string, message: string) => reply(status, { error: { code, message, innerError: { 'request-id': `req-${call}` } } });
  const fetch: FetchLike = async (url, init) => {
    const u = new URL(url);
    if (init.method === 'POST') {
      call++;
      const behaviour = script.shift() ?? 'ok';
      const body = JSON.parse(String(init.body)) as { userIds: string[] };
      posts.push({ atMs: clock.now(), ids: body.userIds, behaviour });
      if (behaviour === '429') return error(429, 'TooManyRequests', 'Please retry again later.');
      if (behaviour === '500') return error(500, 'InternalServerError', 'boom');
      if (behaviour === '403') return error(403, 'Authentication_MSGraphPermissionMissing', 'Calling principal does not have required MSGraph permissions IdentityRiskyUser.ReadWrite.All');
      if (behaviour === '400') return error(400, 'BadRequest', 'Too many userIds');
      const action = u.pathname.endsWith('/dismiss') ? 'dismissed' : 'confirmedCompromised';
      for (const id of body.userIds) {
        // Graph matches ids whatever their case, as GUIDs are.
        const user = users.get(id.toLowerCase());
        if (user) Object.assign(user, { riskState: action, riskLevel: action === 'dismissed' ? 'none' : 'high', riskLastUpdatedDateTime: new Date(clock.now() - skewMs).toISOString() });
      }
      if (behaviour === 'resetAfterApply') throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      return reply(204);
    }
    gets.push(url);
    const m = /riskLastUpdatedDateTime ge (\S+)/.exec(u.searchParams.get('$filter') ?? '');
    const since = m ? Date.parse(m[1]) : -Infinity;
    return reply(200, { value: [...users.values()].filter((x) => Date.parse(x.riskLastUpdatedDateTime) >= since) });
  };
  const client = new ApiClient({ fetch, tokens: async () => 'token', origins: { graph: [ORIGIN], manage: [], logAnalytics: [], arm: [] }, clock, random: () => 0.5, log: NULL_LOGGER, pacer: new Pacer(clock), tenantKey: 't', appKey: 'a', retry: DEFAULT_RETRY, requestTimeoutMs: 60_000 });
  return { users, posts, gets, api: new TriageApi(client, ORIGIN) };
}

function triage(clock: FakeClock, svc: ReturnType<typeof fakeService>, list: string[], action: TriageAction = 'dismiss') {
  return runTriage(list, action, { send: (chunk, signal) => svc.api.act('users', action, chunk, signal), reread: (since) => svc.api.changedSince('users', since), now: () => clock.now() });
}

describe('core/triage: chunking', () => {
  for (const [n, sizes] of [
    [0, []],
    [1, [1]],
    [60, [60]],
    [61, [60, 1]],
    [250, [60, 60, 60, 60, 10]],
  ] as const) {
    it(`${n} users → ${sizes.length} call(s) of ${sizes.join(', ') || 'none'}`, () => {
      const list = ids(n);
      const chunks = chunkIds(list);
      assert.deepStrictEqual(
        chunks.map((c) => c.length),
        sizes,
      );
      assert.deepStrictEqual(chunks.flat(), list, 'every id once, in order');
    });
  }
  it('refuses a chunk size that is not a positive integer', () => {
    assert.throws(() => chunkIds(['a'], 0), RangeError);
  });
});

describe('core/triage: sending, pacing and reconciling (fake clock)', () => {
  it('250 users go in 5 calls of ≤60, each starting at least a second after the last (1 request/s per tenant)', async () => {
    const clock = new FakeClock();
    const list = ids(250);
    const svc = fakeService(clock, list);
    const r = await triage(clock, svc, list);
    assert.deepStrictEqual(
      svc.posts.map((p) => p.ids.length),
      [60, 60, 60, 60, 10],
    );
    for (let k = 1; k < svc.posts.length; k++) assert.ok(svc.posts[k].atMs - svc.posts[k - 1].atMs >= 1000, `call ${k} started ${svc.posts[k].atMs - svc.posts[k - 1].atMs} ms after the one before`);
    assert.strictEqual(r.changed.length, 250);
    assert.strictEqual(r.reconciled, false);
    assert.strictEqual(svc.gets.length, 0, 'no re-read when every call answered');
    assert.ok([...svc.users.values()].every((u) => u.riskState === 'dismissed'));
  });

  it('a 429 without Retry-After is retried after our own backoff (the call was turned away, so repeating it is safe)', async () => {
    const clock = new FakeClock();
    const list = ids(61);
    const svc = fakeService(clock, list, ['429']);
    const r = await triage(clock, svc, list);
    assert.deepStrictEqual(
      svc.posts.map((p) => p.behaviour),
      ['429', 'ok', 'ok'],
    );
    assert.ok(svc.posts[1].atMs - svc.posts[0].atMs >= 1000, 'waited before trying again');
    assert.strictEqual(r.changed.length, 61);
    assert.deepStrictEqual(
      r.chunks.map((c) => c.outcome),
      ['applied', 'applied'],
    );
  });

  it('a connection reset after the service applied the call is not sent again: the re-read shows it took effect', async () => {
    const clock = new FakeClock();
    const list = ids(75);
    const svc = fakeService(clock, list, ['resetAfterApply']);
    const r = await triage(clock, svc, list);
    assert.strictEqual(svc.posts.length, 2, 'two calls, the first never repeated');
    assert.deepStrictEqual(
      r.chunks.map((c) => c.outcome),
      ['uncertain', 'applied'],
    );
    assert.strictEqual(r.reconciled, true);
    assert.strictEqual(svc.gets.length, 1, 'one re-read');
    assert.deepStrictEqual(r.changed, list, 'all 75 changed, in the order chosen');
    assert.deepStrictEqual(r.notChanged, []);
  });

  it('confirm compromised, cut off after the service applied it: judged by the confirmed-compromised state it left', async () => {
    const clock = new FakeClock();
    const list = ids(3);
    const svc = fakeService(clock, list, ['resetAfterApply']);
    const r = await triage(clock, svc, list, 'confirmCompromised');
    assert.deepStrictEqual(r.chunks.map((c) => c.outcome), ['uncertain']);
    assert.deepStrictEqual(r.changed, list);
    assert.strictEqual(svc.users.get(list[0])?.riskState, 'confirmedCompromised');
  });

  it('a service clock two minutes behind ours: the re-read still finds the change the uncertain call made', async () => {
    const clock = new FakeClock();
    const list = ids(4);
    const svc = fakeService(clock, list, ['resetAfterApply'], 120_000);
    const r = await triage(clock, svc, list);
    assert.deepStrictEqual(r.changed, list);
    assert.deepStrictEqual(r.notChanged, []);
  });

  it('ids chosen in another case than Graph returns them are still matched when the result is re-read', async () => {
    const clock = new FakeClock();
    const list = ids(5);
    const svc = fakeService(clock, list, ['resetAfterApply']);
    const upper = list.map((id) => id.toUpperCase());
    const r = await triage(clock, svc, upper);
    assert.deepStrictEqual(r.chunks.map((c) => c.outcome), ['uncertain']);
    assert.deepStrictEqual(r.changed, upper, 'judged changed by the re-read, in the case the user chose');
    assert.deepStrictEqual(r.notChanged, []);
  });

  it('a 500 before anything happened: the re-read shows those 60 unchanged, and says why', async () => {
    const clock = new FakeClock();
    const list = ids(75);
    const svc = fakeService(clock, list, ['500']);
    const r = await triage(clock, svc, list);
    // 500 is not retried for an action: it may have been applied.
    assert.strictEqual(svc.posts.filter((p) => p.behaviour === '500').length, 1);
    assert.deepStrictEqual(r.changed, list.slice(60));
    assert.deepStrictEqual(
      r.notChanged.map((n) => n.id),
      list.slice(0, 60),
    );
    assert.match(r.notChanged[0].reason, /the call failed \(.*InternalServerError.*\) and the state read afterwards shows no change/);
  });

  it('a 403 is final: the rest is not sent, and every id is accounted for', async () => {
    const clock = new FakeClock();
    const list = ids(130);
    const svc = fakeService(clock, list, ['ok', '403']);
    const r = await triage(clock, svc, list);
    assert.strictEqual(svc.posts.length, 2);
    assert.deepStrictEqual(
      r.chunks.map((c) => c.outcome),
      ['applied', 'refused', 'notSent'],
    );
    assert.deepStrictEqual(r.changed, list.slice(0, 60));
    assert.strictEqual(r.notChanged.length, 70);
    assert.match(r.notChanged[0].reason, /refused/);
    assert.match(r.notChanged[69].reason, /not sent/);
    assert.strictEqual(r.changed.length + r.notChanged.length, 130);
  });

  it('a 400 refuses that call only; later calls still go', async () => {
    const clock = new FakeClock();
    const list = ids(75);
    const svc = fakeService(clock, list, ['400', 'ok']);
    const r = await triage(clock, svc, list);
    assert.deepStrictEqual(
      r.chunks.map((c) => c.outcome),
      ['refused', 'applied'],
    );
    assert.strictEqual(r.changed.length, 15);
  });

  it('if the re-read fails too, the uncertain users are reported unverified, not guessed', async () => {
    const clock = new FakeClock();
    const list = ids(3);
    const svc = fakeService(clock, list, ['resetAfterApply']);
    const r = await runTriage(list, 'dismiss', {
      send: (chunk) => svc.api.act('users', 'dismiss', chunk),
      reread: async () => {
        throw new Error('ECONNREFUSED');
      },
      now: () => clock.now(),
    });
    assert.deepStrictEqual(r.unverified, list);
    assert.deepStrictEqual(r.changed, []);
    assert.ok(r.rereadError);
  });

  it('cancelled between calls: the rest is reported as not sent', async () => {
    const clock = new FakeClock();
    const list = ids(130);
    const svc = fakeService(clock, list);
    const abort = new AbortController();
    const r = await runTriage(list, 'confirmCompromised', {
      send: async (chunk, signal) => {
        const res = await svc.api.act('users', 'confirmCompromised', chunk, signal);
        abort.abort();
        return res;
      },
      reread: (since) => svc.api.changedSince('users', since),
      now: () => clock.now(),
      },
      abort.signal,
    );
    assert.strictEqual(r.cancelled, true);
    assert.strictEqual(r.changed.length, 60);
    assert.strictEqual(r.notChanged.length, 70);
    assert.strictEqual(svc.users.get(list[0])?.riskLevel, 'high');
  });
});

describe('core/triage: permission pre-check', () => {
  const app = (roles: string[]): TokenClaims => ({ roles, scopes: [], wids: [], delegated: false, appid: 'app-1' });
  const user = (scopes: string[], wids: string[]): TokenClaims => ({ roles: [], scopes, wids, delegated: true, upn: 'sam@contoso.com' });
  const SEC_ADMIN = '194ae4cb-b126-40b2-bd5b-6091b380977d';
  const SEC_READER = '5d6b6bb7-de71-4623-b4af-96380a352509';
  const cases: [string, TokenClaims | undefined, 'users' | 'servicePrincipals', boolean, RegExp | undefined][] = [
    ['app with ReadWrite', app(['IdentityRiskyUser.ReadWrite.All']), 'users', true, undefined],
    ['app with Read only', app(['IdentityRiskyUser.Read.All']), 'users', false, /application permission IdentityRiskyUser\.ReadWrite\.All/],
    ['app with nothing', app([]), 'users', false, /IdentityRiskyUser\.ReadWrite\.All/],
    ['delegated security admin', user(['IdentityRiskyUser.ReadWrite.All'], [SEC_ADMIN]), 'users', true, undefined],
    ['delegated security reader with the scope', user(['IdentityRiskyUser.ReadWrite.All'], [SEC_READER]), 'users', false, /role Global Administrator or Security Administrator/],
    ['delegated without the scope', user(['IdentityRiskyUser.Read.All'], [SEC_ADMIN]), 'users', false, /delegated permission IdentityRiskyUser\.ReadWrite\.All/],
    ['user ReadWrite does not cover service principals', app(['IdentityRiskyUser.ReadWrite.All']), 'servicePrincipals', false, /IdentityRiskyServicePrincipal\.ReadWrite\.All/],
    ['service principal ReadWrite', app(['IdentityRiskyServicePrincipal.ReadWrite.All']), 'servicePrincipals', true, undefined],
    ['no token', undefined, 'users', false, /none could be obtained/],
  ];
  for (const [name, claims, subject, ok, title] of cases) {
    it(`${name}: ${ok ? 'allowed' : 'refused with what to grant'}`, () => {
      const r = triagePrecheck(claims, 'dismiss', subject);
      assert.strictEqual(r.ok, ok);
      if (!r.ok) {
        assert.match(r.title, title as RegExp);
        assert.ok(r.steps.length > 0);
        if (claims?.roles.length) assert.match(r.steps.join('\n'), /Grant admin consent/);
      }
    });
  }
  it('the China cloud offers confirm compromised but no dismiss', () => {
    assert.strictEqual(actionAvailable(cloudById('china'), 'dismiss'), false);
    assert.strictEqual(actionAvailable(cloudById('china'), 'confirmCompromised'), true);
    assert.strictEqual(actionAvailable(cloudById('usGovDod'), 'dismiss'), true);
  });
  it('confirm safe: users only, not in the China cloud, and it leaves the user confirmed safe', () => {
    assert.deepStrictEqual(SUBJECTS.users.actions, ['confirmCompromised', 'confirmSafe', 'dismiss']);
    assert.ok(!SUBJECTS.servicePrincipals.actions.includes('confirmSafe'), 'Graph has no confirmSafe for service principals');
    assert.strictEqual(actionAvailable(cloudById('china'), 'confirmSafe'), false);
    assert.strictEqual(actionAvailable(cloudById('usGovHigh'), 'confirmSafe'), true);
    assert.match(unavailableReason(cloudById('china'), 'confirmSafe')!, /^Confirming a user safe is not offered/);
    assert.strictEqual(TARGET_STATE.confirmSafe, 'confirmedSafe');
    assert.match(consequence('confirmSafe', SUBJECTS.users, 'you (alice@contoso.com)'), /risk level none, state confirmed safe/);
  });
});

describe('core/triage: the list, its filter and its groups', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  const rec = (id: string, riskLevel: string, riskState: string, daysAgo: number, name = id) => toEntity('users', { id, userDisplayName: name, userPrincipalName: `${id}@contoso.com`, riskLevel, riskState, riskDetail: 'none', riskLastUpdatedDateTime: new Date(now - daysAgo * 86_400_000).toISOString() })!;
  const list = [rec('a', 'high', 'atRisk', 1), rec('b', 'high', 'confirmedCompromised', 2), rec('c', 'medium', 'atRisk', 10), rec('d', 'none', 'dismissed', 3), rec('e', 'high', 'atRisk', 0.1), rec('f', 'low', 'atRisk', 40)];

  it('groups by level (high first), then state (at risk first), newest first inside', () => {
    const groups = groupEntities(list);
    assert.deepStrictEqual(
      groups.map((g) => `${g.level}:${g.count}`),
      ['high:3', 'medium:1', 'low:1', 'none:1'],
    );
    assert.deepStrictEqual(
      groups[0].states.map((s) => s.state),
      ['atRisk', 'confirmedCompromised'],
    );
    assert.deepStrictEqual(
      groups[0].states[0].entities.map((e) => e.id),
      ['e', 'a'],
    );
  });

  it('hides closed risk unless asked, and filters by level, state and recency', () => {
    const ids_ = (f: Parameters<typeof matchesFilter>[1]) => list.filter((e) => matchesFilter(e, f, now)).map((e) => e.id);
    assert.deepStrictEqual(ids_(DEFAULT_TRIAGE_FILTER), ['a', 'b', 'c', 'e', 'f']);
    assert.deepStrictEqual(ids_({ ...DEFAULT_TRIAGE_FILTER, includeClosed: true }), ['a', 'b', 'c', 'd', 'e', 'f']);
    assert.deepStrictEqual(ids_({ ...DEFAULT_TRIAGE_FILTER, levels: ['high'] }), ['a', 'b', 'e']);
    assert.deepStrictEqual(ids_({ ...DEFAULT_TRIAGE_FILTER, states: ['dismissed'] }), ['d']);
    assert.deepStrictEqual(ids_({ ...DEFAULT_TRIAGE_FILTER, updatedWithinDays: 7 }), ['a', 'b', 'e']);
  });

  it('the server gets only the time bound, as an unquoted datetime', () => {
    assert.strictEqual(serverFilter(DEFAULT_TRIAGE_FILTER, now), undefined);
    assert.strictEqual(serverFilter({ ...DEFAULT_TRIAGE_FILTER, updatedWithinDays: 7 }, now), 'riskLastUpdatedDateTime ge 2026-11-15T10:00:00Z');
  });

  it('a stored filter is cleaned: unknown values and bad numbers are dropped', () => {
    assert.deepStrictEqual(parseTriageFilter({ levels: ['high', '<script>', 3], states: ['atRisk', 'nope'], updatedWithinDays: -1, includeClosed: 'yes' }), { levels: ['high'], states: ['atRisk'], updatedWithinDays: undefined, includeClosed: false });
    assert.deepStrictEqual(parseTriageFilter('garbage'), DEFAULT_TRIAGE_FILTER);
  });

  it('describes the filter in words, and says how long ago', () => {
    assert.strictEqual(describeFilter(DEFAULT_TRIAGE_FILTER), 'all levels · open risk only');
    assert.strictEqual(describeFilter({ levels: ['high', 'medium'], states: [], includeClosed: true, updatedWithinDays: 30 }), 'high, medium · updated ≤ 30 d');
    assert.strictEqual(ago(now - 3 * 3_600_000, now), '3 h ago');
    assert.strictEqual(ago(Number.NaN, now), 'time unknown');
  });

  it('a record without an id is dropped; hostile names stay as given (text, rendered elsewhere)', () => {
    assert.strictEqual(toEntity('users', { userDisplayName: 'x' }), undefined);
    const e = toEntity('users', { id: '1', userDisplayName: '<img src=x onerror=alert(1)>' })!;
    assert.strictEqual(e.name, '<img src=x onerror=alert(1)>');
    assert.strictEqual(e.riskLevel, 'none');
  });
});
