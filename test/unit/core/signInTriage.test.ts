/**
 * Verdicts on risky sign-ins against the fake tenant, through the real client: each action leaves
 * what Graph documents in the sign-in; a call whose answer is lost is judged by reading those
 * sign-ins back; the permission, the cloud and a sign-in without risk are respected.
 */
import * as assert from 'assert';
import { type TokenClaims } from '../../../src/core/diagnose/claims';
import { checkRequirement, REQUIREMENTS } from '../../../src/core/diagnose/requirements';
import { ServiceError } from '../../../src/core/http/serviceError';
import { signInActionsFor } from '../../../src/core/records/signInRisk';
import { runTriage } from '../../../src/core/triage/runTriage';
import { signInConsequence, signInLine, toRiskySignIn } from '../../../src/core/triage/signInTriage';
import { type TriageAction } from '../../../src/core/triage/subjects';
import { TriageApi } from '../../../src/core/triage/triageApi';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { emulatorApi } from '../../support/emulatorApi';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';
const LIMITED_APP = 'c0000000-0000-4000-8000-00000000000b';

describe('core/triage: verdicts on risky sign-ins, against the fake tenant', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let api: TriageApi;

  before(async () => {
    emulator = await startEmulator({ signIns: 3000, throttling: false, timeScale: 0.01 });
    api = new TriageApi((await emulatorApi(emulator, CONTOSO, FULL_APP, { timeScale: 0.01 })).client, emulator.origin);
  });
  after(() => emulator.close());

  /** Interactive sign-ins at risk, not yet given a verdict. */
  const atRisk = (n: number): string[] => {
    const data = emulator.datasets.get(CONTOSO)!;
    const out: string[] = [];
    for (let i = 0; i < data.sizes.signIns && out.length < n; i++) {
      const j = data.signIn(i).json;
      if (j.riskState === 'atRisk' && ['low', 'medium', 'high'].includes(String(j.riskLevelDuringSignIn)) && !data.signInVerdicts.has(String(j.id))) out.push(String(j.id));
    }
    assert.strictEqual(out.length, n, 'the tenant has enough risky sign-ins');
    return out;
  };
  const read = async (id: string) => (await api.signInRecords([id]))[0] as Record<string, unknown>;
  const run = (ids: string[], action: TriageAction) => runTriage(ids, action, { send: (chunk, signal) => api.actOnSignIns(action, chunk, signal), reread: (_since, uncertain) => api.signInStates(uncertain), now: () => Date.now() });

  for (const [action, state, detail, aggregated] of [
    ['confirmSafe', 'confirmedSafe', 'adminConfirmedSigninSafe', 'none'],
    ['confirmCompromised', 'confirmedCompromised', 'adminConfirmedSigninCompromised', 'high'],
    ['dismiss', 'dismissed', 'adminDismissedRiskForSignIn', 'none'],
  ] as const) {
    it(`${action}: the sign-ins read back ${state} with detail ${detail}, and only they changed`, async () => {
      const [a, b, untouched] = atRisk(3);
      const before = await read(untouched);
      const r = await run([a, b], action);
      assert.deepStrictEqual(r.changed, [a, b]);
      assert.strictEqual(r.reconciled, false);
      for (const id of [a, b]) {
        const s = await read(id);
        assert.deepStrictEqual([s.riskState, s.riskDetail, s.riskLevelAggregated], [state, detail, aggregated]);
        assert.ok(!signInActionsFor(s).includes(action), 'the panel no longer offers the verdict it has');
      }
      assert.deepStrictEqual(await read(untouched), before);
      const posted = emulator.riskActions().at(-1)!;
      assert.deepStrictEqual([posted.collection, posted.action, posted.ids, posted.status], ['signIns', action, [a, b], 204]);
    });
  }

  it('a call whose answer is lost after the change is not sent again: the sign-ins are read back and counted as changed', async () => {
    const ids = atRisk(2);
    const posts = emulator.riskActions().length;
    emulator.faults.enqueue({ kind: 'reset', pathContains: 'signIns/confirmSafe' });
    const r = await run(ids, 'confirmSafe');
    assert.strictEqual(emulator.riskActions().length, posts + 1, 'one POST, never repeated');
    assert.strictEqual(r.reconciled, true);
    assert.deepStrictEqual(r.changed, ids);
    assert.deepStrictEqual(r.unverified, []);
  });

  it('an app without IdentityRiskEvent.ReadWrite.All is refused and nothing changes; the pre-check says so before any call', async () => {
    const [id] = atRisk(1);
    const limited = new TriageApi((await emulatorApi(emulator, CONTOSO, LIMITED_APP, { timeScale: 0.01 })).client, emulator.origin);
    await assert.rejects(limited.actOnSignIns('confirmSafe', [id]), (e: unknown) => e instanceof ServiceError && e.status === 403);
    assert.strictEqual((await read(id)).riskState, 'atRisk');
    const requirement = REQUIREMENTS.find((q) => q.id === 'riskySignInsTriage')!;
    const claims = (delegated: boolean, granted: string[], roles: string[] = []): TokenClaims => ({ delegated, scopes: delegated ? granted : [], roles: delegated ? [] : granted, wids: roles });
    assert.deepStrictEqual(checkRequirement(requirement, claims(false, ['IdentityRiskEvent.Read.All'])).missingPermissions, ['IdentityRiskEvent.ReadWrite.All']);
    assert.strictEqual(checkRequirement(requirement, claims(false, ['IdentityRiskEvent.ReadWrite.All'])).ok, true);
    // Delegated sign-in needs IdentityRiskyUser.ReadWrite.All instead (API-FACTS 7).
    assert.deepStrictEqual(checkRequirement(requirement, claims(true, ['IdentityRiskEvent.ReadWrite.All'])).missingPermissions, ['IdentityRiskyUser.ReadWrite.All']);
  });

  it('a sign-in without risk is left as it is, and is offered no verdict', async () => {
    const data = emulator.datasets.get(CONTOSO)!;
    let calm: Record<string, unknown> | undefined;
    for (let i = 0; i < data.sizes.signIns && !calm; i++) if (data.signIn(i).json.riskLevelDuringSignIn === 'none' && data.signIn(i).json.riskState === 'none') calm = data.signIn(i).json;
    assert.ok(calm);
    assert.deepStrictEqual(signInActionsFor(calm), []);
    assert.strictEqual(toRiskySignIn(calm), undefined);
    await api.actOnSignIns('confirmCompromised', [String(calm.id)]);
    assert.strictEqual((await read(String(calm.id))).riskState, 'none');
  });

  it('a risky service principal\'s detections come from servicePrincipalRiskDetections, newest first (what its node in Risky Users lists)', async () => {
    const sp = [...emulator.datasets.get(CONTOSO)!.riskyServicePrincipals.values()][0];
    const list = await api.detections('servicePrincipals', sp.id);
    assert.ok(list.length >= 1);
    assert.ok(list.every((d) => d.servicePrincipalId === sp.id && d.appId === sp.appId));
    const times = list.map((d) => Date.parse(String(d.detectedDateTime)));
    assert.deepStrictEqual(times, [...times].sort((a, b) => b - a));
  });

  it('the confirmation names each sign-in and says what the verdict does', () => {
    const s = toRiskySignIn({ id: 'x', userPrincipalName: 'alice@contoso.com', appDisplayName: 'Outlook', createdDateTime: '2026-12-01T10:00:00Z', riskLevelDuringSignIn: 'high', riskState: 'atRisk' })!;
    assert.strictEqual(signInLine(s), 'alice@contoso.com → Outlook, 2026-12-01T10:00:00Z (high risk, at risk)');
    assert.match(signInConsequence('confirmCompromised', 'you'), /users' risk rises to high/);
    assert.match(signInConsequence('dismiss', 'you'), /without a verdict to learn from/);
  });
});
