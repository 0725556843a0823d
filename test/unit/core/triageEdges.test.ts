/**
 * What the triage views and prompts say, at their edges: a risky user or service principal read
 * from whatever Graph sent, a stored filter that was hand-edited, the grouping's order for levels
 * and states Graph may add later, relative times at their boundaries, and the words of each action
 * before the user agrees to it (the action named must be the action sent).
 */
import * as assert from 'assert';
import { categoryById } from '../../../src/core/catalog/categories';
import { cloudById } from '../../../src/core/clouds';
import { buildFilter } from '../../../src/core/odata/build';
import { TRIAGE_EXAMPLES } from '../../../src/core/triage/examples';
import { type TokenClaims } from '../../../src/core/diagnose/claims';
import { requirementPrecheck, triagePrecheck } from '../../../src/core/triage/precheck';
import { ago, alreadyInState, describeFilter, groupEntities, matchesFilter, parseTriageFilter, type RiskyEntity, toEntity } from '../../../src/core/triage/riskyEntities';
import { signInConsequence, signInLine, toRiskySignIn } from '../../../src/core/triage/signInTriage';
import { consequence, SUBJECTS, unavailableReason } from '../../../src/core/triage/subjects';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-02T12:00:00Z');

describe('core/triage: risky entities read from what Graph sent', () => {
  it('a user is named by display name and UPN, a service principal by display name and app id', () => {
    const user = toEntity('users', { id: 'u1', userDisplayName: 'Alice', userPrincipalName: 'alice@contoso.com', displayName: 'wrong', appId: 'wrong', riskLevel: 'high', riskState: 'atRisk', riskDetail: 'none', isProcessing: true })!;
    assert.deepStrictEqual([user.name, user.secondary, user.riskLevel, user.riskState, user.isProcessing], ['Alice', 'alice@contoso.com', 'high', 'atRisk', true]);
    const sp = toEntity('servicePrincipals', { id: 's1', displayName: 'Payroll sync', appId: 'app-1', userDisplayName: 'wrong', userPrincipalName: 'wrong' })!;
    assert.deepStrictEqual([sp.name, sp.secondary], ['Payroll sync', 'app-1']);
  });

  it('missing or malformed fields read as the id, "none" and not processing; no id, no entity', () => {
    const e = toEntity('users', { id: 'u2', userDisplayName: 7, userPrincipalName: null, riskLevel: {}, riskState: '', riskDetail: ['x'], isProcessing: 'true', riskLastUpdatedDateTime: 'soon' })!;
    assert.deepStrictEqual([e.name, e.secondary, e.riskLevel, e.riskState, e.riskDetail, e.isProcessing, e.updated], ['u2', '', 'none', 'none', 'none', false, 'soon']);
    assert.ok(Number.isNaN(e.updatedMs));
    assert.deepStrictEqual([toEntity('users', { riskLevel: 'high' }), toEntity('users', { id: 42 })], [undefined, undefined]);
    const detail = toEntity('users', { id: 'u3', riskDetail: 'adminConfirmedSigninSafe', riskState: 'confirmedSafe' })!;
    assert.deepStrictEqual([detail.riskDetail, detail.riskState], ['adminConfirmedSigninSafe', 'confirmedSafe']);
  });

  it('a stored filter keeps only what is well-formed: days a whole number from 1 to 3650', () => {
    const days = (v: unknown) => parseTriageFilter({ updatedWithinDays: v }).updatedWithinDays;
    assert.deepStrictEqual([1, 7, 3650].map(days), [1, 7, 3650]);
    assert.deepStrictEqual([0, -3, 3651, 2.5, '7', Number.NaN, null].map(days), [undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
    assert.deepStrictEqual(parseTriageFilter({ levels: 'high', states: { atRisk: true }, includeClosed: true }), { levels: [], states: [], updatedWithinDays: undefined, includeClosed: true });
    assert.deepStrictEqual(parseTriageFilter(null).levels, []);
  });

  it('"updated within" keeps an entity updated exactly at its bound, not one a millisecond older or of unknown time', () => {
    const at = (ms: number) => toEntity('users', { id: 'u', riskLevel: 'high', riskState: 'atRisk', riskLastUpdatedDateTime: new Date(ms).toISOString() })!;
    const filter = { levels: [], states: [], updatedWithinDays: 2, includeClosed: false };
    assert.strictEqual(matchesFilter(at(NOW - 2 * DAY), filter, NOW), true);
    assert.strictEqual(matchesFilter(at(NOW - 2 * DAY - 1), filter, NOW), false);
    assert.strictEqual(matchesFilter(toEntity('users', { id: 'u', riskState: 'atRisk' })!, filter, NOW), false);
  });

  it('describes a filter in words: chosen states by label, closed risk, the time bound', () => {
    assert.strictEqual(describeFilter({ levels: ['high', 'medium'], states: ['atRisk', 'confirmedCompromised'], updatedWithinDays: 7, includeClosed: false }), 'high, medium · at risk, confirmed compromised · updated ≤ 7 d');
    assert.strictEqual(describeFilter({ levels: [], states: [], includeClosed: true }), 'all levels');
    assert.strictEqual(describeFilter({ levels: [], states: ['somethingNew'], includeClosed: false }), 'all levels · somethingnew');
  });

  it('groups known levels and states in their order, unknown ones after them alphabetically, newest first then by name', () => {
    const e = (id: string, riskLevel: string, riskState: string, updatedMs: number, name = id): RiskyEntity => ({ ...toEntity('users', { id, userDisplayName: name, riskLevel, riskState })!, updatedMs });
    const groups = groupEntities([
      e('a', 'zeta', 'atRisk', NOW),
      e('b', 'high', 'yetAnother', NOW),
      e('c', 'high', 'anotherState', NOW),
      e('d', 'high', 'atRisk', Number.NaN, 'Dora'),
      e('e', 'high', 'atRisk', NOW - DAY, 'Eve'),
      e('f', 'high', 'atRisk', NOW - DAY, 'Bob'),
      e('j', 'high', 'atRisk', NOW - 3 * DAY, 'Al'),
      e('k', 'high', 'atRisk', NOW, 'Zed'),
      e('g', 'alpha', 'dismissed', NOW),
      e('h', 'low', 'confirmedCompromised', NOW),
      e('i', 'low', 'atRisk', NOW),
    ]);
    assert.deepStrictEqual(groups.map((g) => [g.level, g.label, g.count]), [['high', 'High risk', 7], ['low', 'Low risk', 2], ['alpha', 'alpha', 1], ['zeta', 'zeta', 1]]);
    assert.deepStrictEqual(groups[0].states.map((s) => [s.state, s.label]), [['atRisk', 'At risk'], ['anotherState', 'anotherState'], ['yetAnother', 'yetAnother']]);
    assert.deepStrictEqual(groups[0].states[0].entities.map((x) => x.id), ['k', 'f', 'e', 'j', 'd'], 'newest first, then by name; an unknown time last');
    assert.deepStrictEqual(groups[1].states.map((s) => s.state), ['atRisk', 'confirmedCompromised']);
  });

  it('the entities an action would not change are the ones already in its target state', () => {
    const list = ['atRisk', 'dismissed', 'dismissed', 'confirmedSafe'].map((riskState, i) => toEntity('users', { id: `u${i}`, riskState })!);
    assert.deepStrictEqual(alreadyInState(list, 'dismissed').map((x) => x.id), ['u1', 'u2']);
    assert.deepStrictEqual(alreadyInState(list, 'confirmedCompromised'), []);
  });

  it('says how long ago, switching unit exactly at a minute, an hour and a day', () => {
    const s = (seconds: number) => ago(NOW - seconds * 1000, NOW);
    assert.deepStrictEqual([0, 59, 60, 119, 3599, 3600, 86_399, 86_400, 3 * 86_400 + 5].map(s), ['just now', 'just now', '1 min ago', '1 min ago', '59 min ago', '1 h ago', '23 h ago', '1 d ago', '3 d ago']);
    assert.strictEqual(ago(NOW + 5 * 60_000, NOW), 'just now', 'a time in the future (clock skew)');
    assert.strictEqual(ago(Number.NaN, NOW), 'time unknown');
  });
});

describe('core/triage: the words before a verdict name that verdict', () => {
  it('each action on users and service principals says what it sets, and who is recorded', () => {
    const compromised = consequence('confirmCompromised', SUBJECTS.servicePrincipals, 'admin@contoso.com');
    assert.match(compromised, /^Sets their risk to high and their state to confirmed compromised\. Conditional Access policies that act on service principal risk/);
    assert.match(compromised, /records admin@contoso\.com as the actor\.$/);
    assert.match(consequence('confirmSafe', SUBJECTS.users, 'me'), /^Tells Identity Protection the risky activity was theirs: risk level none, state confirmed safe.*records me as the actor\.$/);
    assert.match(consequence('dismiss', SUBJECTS.users, 'me'), /^Their risk will be dismissed \(risk level none, state dismissed\).*records me as the actor\.$/);
  });

  it('in the China cloud, confirm safe and dismiss are refused with the reason; confirm compromised is offered everywhere', () => {
    const china = cloudById('china');
    assert.strictEqual(unavailableReason(china, 'confirmCompromised'), undefined);
    assert.match(unavailableReason(china, 'confirmSafe')!, /^Confirming a user safe is not offered by Identity Protection in China \(operated by 21Vianet\)\. Confirm compromised is available/);
    assert.match(unavailableReason(china, 'dismiss')!, /^Dismissing risk is not offered by Identity Protection in China/);
    assert.strictEqual(unavailableReason(cloudById('global'), 'dismiss'), undefined);
  });

  it('a risky sign-in is listed by user, app, time and risk; each verdict says its own outcome', () => {
    const s = toRiskySignIn({ id: 'r1', userDisplayName: 'Alice', userId: 'u1', appDisplayName: 'Outlook', createdDateTime: '2026-12-01T10:00:00Z', riskLevelDuringSignIn: 'high', riskState: 'atRisk' })!;
    assert.strictEqual(signInLine(s), 'Alice → Outlook, 2026-12-01T10:00:00Z (high risk, at risk)');
    const bare = toRiskySignIn({ id: 'r2', riskState: 'atRisk', appDisplayName: 5 })!;
    assert.deepStrictEqual([bare.user, bare.app, bare.riskLevel], ['', '', 'none']);
    assert.strictEqual(signInLine(bare), 'unknown user → unknown app, time unknown (none risk, at risk)');
    assert.strictEqual(toRiskySignIn({ id: 'r3', riskLevelDuringSignIn: 'none', riskState: 'none' }), undefined, 'no risk, nothing to triage');
    assert.match(signInConsequence('confirmCompromised', 'me'), /^Marks the sign-ins as compromised.*me is recorded as the actor\.$/);
    assert.match(signInConsequence('confirmSafe', 'me'), /^Marks the sign-ins as safe: their risk state becomes confirmed safe.*me is recorded as the actor\.$/);
    assert.match(signInConsequence('dismiss', 'me'), /^Dismisses the sign-ins' risk.*me is recorded as the actor\.$/);
  });
});

describe('core/triage: what a token lacks is said before anything is sent', () => {
  const claims = (c: Partial<TokenClaims>): TokenClaims => ({ roles: [], scopes: [], wids: [], delegated: true, ...c });

  it('a token that could not be read: sign in again', () => {
    assert.deepStrictEqual(triagePrecheck(undefined, 'dismiss', 'users'), { ok: false, title: 'Dismiss risk needs a token that can be read, and none could be obtained', steps: ['Sign in to the tenant again, then retry.'], walkthroughStep: 'addTenant' });
  });

  it('a delegated token without the permission: the exact permission, where to add it, and what the token has now', () => {
    const r = triagePrecheck(claims({ appid: 'app-1', scopes: ['IdentityRiskyUser.Read.All'], upn: 'bob@contoso.com', wids: ['194ae4cb-b126-40b2-bd5b-6091b380977d'] }), 'confirmCompromised', 'users');
    assert.ok(!r.ok);
    assert.strictEqual(r.title, 'Confirm compromised for users needs the delegated permission IdentityRiskyUser.ReadWrite.All, which this sign-in does not have. Nothing was sent.');
    assert.deepStrictEqual(r.steps, [
      'In the Entra admin center, open App registrations › the app app-1 › API permissions › Add a permission › Microsoft Graph › Delegated permissions, and add IdentityRiskyUser.ReadWrite.All.',
      'Click "Grant admin consent", then sign out of the tenant here and sign in again so the new token carries it.',
      'The token has now: IdentityRiskyUser.Read.All.',
    ]);
    assert.strictEqual(r.walkthroughStep, 'addPermissions');
  });

  it('an app token without the permission: application permissions; an unknown app id leaves no double space', () => {
    const r = triagePrecheck(claims({ delegated: false }), 'dismiss', 'servicePrincipals');
    assert.ok(!r.ok);
    assert.strictEqual(r.title, 'Dismiss risk for service principals needs the application permission IdentityRiskyServicePrincipal.ReadWrite.All, which this sign-in does not have. Nothing was sent.');
    assert.strictEqual(r.steps[0], 'In the Entra admin center, open App registrations › the app › API permissions › Add a permission › Microsoft Graph › Application permissions, and add IdentityRiskyServicePrincipal.ReadWrite.All.');
    assert.strictEqual(r.steps[2], 'The token has now: no permissions.');
  });

  it('a delegated user with the permission but no role: the roles that would do, and the ones they hold', () => {
    const r = triagePrecheck(claims({ scopes: ['IdentityRiskyUser.ReadWrite.All'], upn: 'bob@contoso.com', wids: ['5d6b6bb7-de71-4623-b4af-96380a352509'] }), 'confirmSafe', 'users');
    assert.ok(!r.ok);
    assert.strictEqual(r.title, 'Confirm safe for users needs the role Global Administrator or Security Administrator, which this sign-in does not have. Nothing was sent.');
    assert.deepStrictEqual(r.steps, ['With delegated sign-in the signed-in user also needs one of these directory roles: Global Administrator or Security Administrator. bob@contoso.com holds Security Reader.']);
    assert.strictEqual(r.walkthroughStep, 'rolesAndLicense');
    const unnamed = triagePrecheck(claims({ scopes: ['IdentityRiskyUser.ReadWrite.All'] }), 'confirmSafe', 'users');
    assert.ok(!unnamed.ok);
    assert.strictEqual(unnamed.steps[0], 'With delegated sign-in the signed-in user also needs one of these directory roles: Global Administrator or Security Administrator. The user holds none that apply.');
  });

  it('several missing permissions, granted scopes and held roles are each listed in full', () => {
    const r = requirementPrecheck(claims({ appid: 'app-1', scopes: ['User.Read', 'openid'] }), 'signIns', 'Reading sign-ins', 'sign-ins');
    assert.ok(!r.ok);
    assert.strictEqual(r.title, 'Reading sign-ins for sign-ins needs the delegated permission AuditLog.Read.All + Directory.Read.All, which this sign-in does not have. Nothing was sent.');
    assert.match(r.steps[0], /, and add AuditLog\.Read\.All \+ Directory\.Read\.All\.$/);
    assert.strictEqual(r.steps[2], 'The token has now: User.Read, openid.');
    const roles = triagePrecheck(claims({ scopes: ['IdentityRiskyUser.ReadWrite.All'], upn: 'bob@contoso.com', wids: ['5d6b6bb7-de71-4623-b4af-96380a352509', 'f2ef992c-3afb-46b9-b7cf-a126ee74c451'] }), 'dismiss', 'users');
    assert.ok(!roles.ok);
    assert.match(roles.steps[0], /bob@contoso\.com holds Security Reader, Global Reader\.$/);
  });

  it('a token that has what the action needs passes; an unknown requirement is a programming error', () => {
    assert.deepStrictEqual(triagePrecheck(claims({ scopes: ['IdentityRiskyUser.ReadWrite.All'], wids: ['62e90394-69f5-4237-9190-012177145e10'] }), 'dismiss', 'users'), { ok: true });
    assert.throws(() => requirementPrecheck(undefined, 'nope' as never, 'Do', 'things'), /^Error: No requirement nope\.$/);
  });
});

describe('core/triage: the example queries', () => {
  it('each shows exactly the filter it sends, on the report its endpoint names, under a label and a description of its own', () => {
    assert.ok(TRIAGE_EXAMPLES.length >= 2);
    for (const x of TRIAGE_EXAMPLES) {
      const category = categoryById(x.category)!;
      assert.strictEqual(category.path, x.endpoint, x.id);
      const built = buildFilter(category, x.model, { nowMs: NOW });
      assert.deepStrictEqual(built.problems, [], x.id);
      assert.strictEqual(built.filter, x.filterText, x.id);
      assert.ok(x.label.length > 10 && x.description.length > 30, x.id);
    }
    const unique = (f: (x: (typeof TRIAGE_EXAMPLES)[number]) => string) => new Set(TRIAGE_EXAMPLES.map(f)).size === TRIAGE_EXAMPLES.length;
    assert.ok(unique((x) => x.id) && unique((x) => x.label) && unique((x) => x.description) && unique((x) => x.filterText));
  });
});
