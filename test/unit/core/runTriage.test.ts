/**
 * Every id of a triage action is accounted for, whatever each call meets: applied, refused (nothing
 * changed), uncertain (judged by the state read afterwards), or not sent (cancelled, or after a
 * refusal every later call would meet too). Driven through the injected deps: the sends and the
 * re-read are the test's.
 */
import * as assert from 'assert';
import { RetriesExhaustedError } from '../../../src/core/http/client';
import { ServiceError } from '../../../src/core/http/serviceError';
import { isRefusal, runTriage, type SubjectState, type TriageDeps } from '../../../src/core/triage/runTriage';

const refused = (status: number) => new ServiceError('graph', status, status === 403 ? 'Authorization_RequestDenied' : 'BadRequest', 'no');
const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

/** Sends answer in turn from `outcomes` (an error is thrown); the re-read answers `states` or throws it. */
function deps(outcomes: (Error | undefined)[], states: Map<string, SubjectState> | Error = new Map(), onSend?: () => void) {
  const sent: string[][] = [];
  const rereads: { sinceMs: number; ids: readonly string[] }[] = [];
  let t = 1_000_000_000;
  const d: TriageDeps = {
    send: async (ids) => {
      sent.push([...ids]);
      onSend?.();
      const outcome = outcomes[sent.length - 1];
      if (outcome) throw outcome;
      return { status: 204, requestId: `req-${sent.length}` };
    },
    reread: async (sinceMs, ids) => {
      rereads.push({ sinceMs, ids });
      if (states instanceof Error) throw states;
      return states;
    },
    now: () => (t += 10),
  };
  return { d, sent, rereads };
}

describe('core/triage: every id accounted for', () => {
  it('a refusal is a 4xx answer (not a timeout), or retries that ran out on throttling; anything else may have been applied', () => {
    for (const s of [400, 403, 404, 409, 429, 499]) assert.strictEqual(isRefusal(refused(s)), true, String(s));
    for (const s of [408, 500, 503, 399]) assert.strictEqual(isRefusal(refused(s)), false, String(s));
    assert.strictEqual(isRefusal(new RetriesExhaustedError(refused(429), 8)), true);
    assert.strictEqual(isRefusal(new RetriesExhaustedError(refused(503), 8)), false);
    assert.strictEqual(isRefusal(new RetriesExhaustedError(reset(), 8)), false);
    assert.strictEqual(isRefusal(reset()), false);
  });

  it('a 403 stops the calls after it (they would meet it too); a 400 refuses only its own call', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const forbidden = deps([undefined, refused(403)]);
    const r = await runTriage(ids, 'dismiss', forbidden.d, undefined, 2);
    assert.deepStrictEqual(forbidden.sent, [['a', 'b'], ['c', 'd']]);
    assert.deepStrictEqual(r.changed, ['a', 'b']);
    assert.deepStrictEqual(r.chunks.map((c) => c.outcome), ['applied', 'refused', 'notSent']);
    assert.match(r.notChanged.find((n) => n.id === 'e')!.reason, /^not sent: an earlier call was refused \(/);
    assert.match(r.notChanged.find((n) => n.id === 'c')!.reason, /^refused: /);
    const bad = deps([refused(400)]);
    const r2 = await runTriage(ids, 'dismiss', bad.d, undefined, 2);
    assert.strictEqual(bad.sent.length, 3);
    assert.deepStrictEqual(r2.changed, ['c', 'd', 'e', 'f']);
    assert.strictEqual(r2.cancelled, false);
  });

  it('cancelled before the first call: nothing is sent and every id says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const x = deps([]);
    const r = await runTriage(['a', 'b', 'c'], 'confirmCompromised', x.d, controller.signal, 2);
    assert.deepStrictEqual(x.sent, []);
    assert.strictEqual(r.cancelled, true);
    assert.deepStrictEqual(r.notChanged, ['a', 'b', 'c'].map((id) => ({ id, reason: 'not sent: cancelled before this call' })));
    assert.deepStrictEqual(r.chunks.map((c) => c.outcome), ['notSent', 'notSent']);
  });

  it('cancelled during a call that then failed: that call is judged by the re-read, the rest are not sent', async () => {
    const controller = new AbortController();
    const x = deps([reset()], new Map([['a', { riskState: 'dismissed' }]]), () => controller.abort());
    const r = await runTriage(['a', 'b', 'c'], 'dismiss', x.d, controller.signal, 2);
    assert.deepStrictEqual(x.sent, [['a', 'b']]);
    assert.strictEqual(r.cancelled, true);
    assert.deepStrictEqual(r.changed, ['a']);
    assert.deepStrictEqual(r.notChanged.map((n) => n.id), ['b', 'c']);
    assert.strictEqual(r.notChanged[1].reason, 'not sent: cancelled before this call');
  });

  it('an uncertain call is judged id by id from the state read afterwards (from five minutes before the first call), in the order chosen', async () => {
    const states = new Map<string, SubjectState>([
      ['a', { riskState: 'confirmedCompromised' }],
      ['b', { riskState: 'atRisk', isProcessing: true }],
      ['c', { riskState: 'atRisk' }],
    ]);
    const x = deps([reset(), refused(400)], states);
    const r = await runTriage(['A', 'b', 'c', 'd', 'e', 'f'], 'confirmCompromised', x.d, undefined, 4);
    assert.strictEqual(x.rereads.length, 1);
    assert.deepStrictEqual(x.rereads[0].ids, ['A', 'b', 'c', 'd']);
    assert.strictEqual(x.rereads[0].sinceMs, 1_000_000_010 - 5 * 60_000);
    assert.deepStrictEqual(r.changed, ['A'], 'ids are matched case-insensitively');
    assert.deepStrictEqual(r.processing, ['b']);
    assert.deepStrictEqual(r.notChanged.map((n) => n.id), ['c', 'd', 'e', 'f'], 'in the order chosen, though the refusal came first');
    assert.match(r.notChanged[0].reason, /^the call failed \(.+\) and the state read afterwards is atRisk$/);
    assert.match(r.notChanged[1].reason, /^the call failed \(.+\) and the state read afterwards shows no change$/);
    assert.match(r.notChanged[2].reason, /^refused: /);
    assert.strictEqual(r.reconciled, true);
  });

  it('when the re-read fails too, the uncertain ids are unverified, with why', async () => {
    const x = deps([undefined, reset()], Object.assign(new Error('getaddrinfo ENOTFOUND graph.microsoft.com'), { code: 'ENOTFOUND' }));
    const r = await runTriage(['a', 'b', 'c'], 'dismiss', x.d, undefined, 2);
    assert.deepStrictEqual([r.changed, r.unverified, r.processing], [['a', 'b'], ['c'], []]);
    assert.ok(r.rereadError && r.rereadError.length > 0);
    const clean = await runTriage(['a'], 'dismiss', deps([]).d);
    assert.deepStrictEqual([clean.reconciled, clean.rereadError, clean.chunks[0].requestId, clean.chunks[0].status], [false, undefined, 'req-1', 204]);
  });
});
