import * as assert from 'assert';
import { signInError } from '../../../src/core/detail/aadsts';
import { categoryById } from '../../../src/core/catalog/categories';
import { signInView } from '../../../src/core/detail/signInView';
import { toDisplayRow } from '../../../src/core/query/rows';
import { DETAIL_REQUESTS } from '../../../src/webview/signInDetail/protocol';

const validDetailParams = (method: keyof typeof DETAIL_REQUESTS, params: unknown) => DETAIL_REQUESTS[method](params) !== undefined;
import { normalizeSignInId, validateSignInId } from '../../../src/core/detail/signInId';

const RESULTS = ['success', 'failure', 'notApplied', 'notEnabled', 'unknown', 'reportOnlySuccess', 'reportOnlyFailure', 'reportOnlyNotApplied', 'reportOnlyInterrupted'];
const base = {
  id: '11111111-2222-4333-8444-555555555555',
  createdDateTime: '2026-11-22T10:42:14Z',
  userPrincipalName: 'alice@contoso.com',
  userId: 'a0000000-0000-4000-8000-000000000001',
  appDisplayName: 'Azure Portal',
  correlationId: '99999999-2222-4333-8444-555555555555',
  status: { errorCode: 53003, failureReason: 'Access has been blocked by Conditional Access policies.' },
  conditionalAccessStatus: 'failure',
  location: { city: 'Lagos', countryOrRegion: 'NG', geoCoordinates: { latitude: 6.5, longitude: 3.4 } },
  riskLevelDuringSignIn: 'high',
};

describe('sign-in detail: record → view', () => {
  it('sorts every CA result value with failures first and marks report-only rows', () => {
    const v = signInView({ ...base, appliedConditionalAccessPolicies: RESULTS.map((r, i) => ({ id: `p${i}`, displayName: `Policy ${r}`, result: r, enforcedGrantControls: r === 'failure' ? ['Block'] : [], enforcedSessionControls: [] })) });
    assert.deepStrictEqual(v.policies!.map((p) => p.result), ['failure', 'reportOnlyFailure', 'reportOnlyInterrupted', 'success', 'reportOnlySuccess', 'unknown', 'notApplied', 'reportOnlyNotApplied', 'notEnabled']);
    assert.deepStrictEqual(v.policies!.filter((p) => p.reportOnly).length, 4);
    assert.strictEqual(v.policies![0].grantControls, 'Block');
  });

  it('tells "no policy applied" from "hidden": an absent property is undefined, an empty one is []', () => {
    assert.strictEqual(signInView(base).policies, undefined);
    assert.deepStrictEqual(signInView({ ...base, appliedConditionalAccessPolicies: [] }).policies, []);
  });

  it('explains hidden risk as needing P2', () => {
    const v = signInView({ ...base, riskLevelDuringSignIn: 'hidden', riskDetail: 'hidden' });
    assert.strictEqual(v.riskHidden, true);
    assert.strictEqual(v.risk.find((f) => f.label === 'Risk level during sign-in')!.value, 'Hidden (needs Microsoft Entra ID P2)');
  });

  it('maps beta authentication details and requirement', () => {
    const v = signInView({ ...base, authenticationRequirement: 'multiFactorAuthentication', authenticationDetails: [{ authenticationMethod: 'Password', succeeded: true, authenticationStepRequirement: 'Primary authentication', authenticationStepResultDetail: 'Correct password' }, { authenticationMethod: 'Mobile app notification', succeeded: false, authenticationStepRequirement: 'Multi-factor authentication', authenticationStepResultDetail: 'MFA denied' }] });
    assert.strictEqual(v.authRequirement, 'multiFactorAuthentication');
    assert.deepStrictEqual(v.authSteps!.map((s) => [s.method, s.succeeded]), [['Password', 'Yes'], ['Mobile app notification', 'No']]);
    assert.strictEqual(signInView(base).authSteps, undefined);
  });

  it('gives the outcome, the error meaning and a docs link; ids can be copied', () => {
    const v = signInView(base);
    assert.strictEqual(v.outcome, 'failure');
    assert.strictEqual(v.errorMeaning, 'Blocked by conditional access.');
    assert.strictEqual(v.errorDocs, 'https://login.microsoftonline.com/error?code=53003');
    assert.ok(v.basic.filter((f) => f.copy).map((f) => f.label).includes('Request id'));
    assert.deepStrictEqual(v.coordinates, { latitude: 6.5, longitude: 3.4 });
    assert.strictEqual(signInView({ ...base, status: { errorCode: 50074 } }).outcome, 'interrupted');
    for (const code of [50126, 50074, 50140, 53003, 500121, 50053, 50076, 50158]) assert.ok(signInError(code), String(code));
  });

  it('offers the related queries the issue lists', () => {
    assert.deepStrictEqual(signInView(base).related.map((r) => r.category), ['signIns.interactive', 'signIns.interactive', 'riskDetections', 'riskyUsers', 'directoryAudits']);
    // A user-id filter carries the user's name, for the panel's filter line and the tab title.
    assert.strictEqual(signInView(base).related[0].clauses[0].valueLabel, 'alice@contoso.com');
  });
  it('a device-code sign-in: what stands out, its token and session fields, and pivots to its session and network that Graph cannot filter', () => {
    const v = signInView({
      ...base,
      status: { errorCode: 0 },
      ipAddress: '73.44.14.9',
      authenticationProtocol: 'deviceCode',
      originalTransferMethod: 'deviceCodeFlow',
      incomingTokenType: 'none',
      signInTokenProtectionStatus: 'unbound',
      tokenProtectionStatusDetails: { signInSessionStatus: 'unbound', signInSessionStatusCode: 1003 },
      sessionId: '5e55i0n0-0000-4000-8000-000000000001',
      uniqueTokenIdentifier: 'dG9rZW4',
      autonomousSystemNumber: 7922,
      authenticationProcessingDetails: [{ key: 'Is CAE Token', value: 'True' }],
      userType: 'member',
    });
    assert.deepStrictEqual(v.signals.map((sg) => sg.kind), ['deviceCode', 'unboundToken']);
    const token = Object.fromEntries(v.token.map((f) => [f.label, f.value]));
    assert.strictEqual(token['Authentication protocol'], 'Device code');
    assert.strictEqual(token['Original transfer method'], 'Device code flow');
    assert.strictEqual(token['Token protection (sign-in session)'], 'Unbound · code 1003');
    assert.strictEqual(token['Continuous access evaluation'], 'True');
    assert.strictEqual(token['Incoming token'], undefined, 'a "none" says nothing and is left out');
    assert.ok(v.token.find((f) => f.label === 'Session id')!.copy);
    assert.strictEqual(v.location.find((f) => f.label === 'Autonomous system (ASN)')!.value, 'AS7922');
    const session = v.related.filter((r) => r.label.includes('this session'));
    assert.deepStrictEqual(session.map((r) => r.category), ['signIns.interactive', 'signIns.nonInteractive']);
    for (const r of session) {
      assert.deepStrictEqual(r.clauses, [{ field: 'userId', op: 'eq', values: [base.userId], valueLabel: 'alice@contoso.com' }], 'the user narrows it on the server');
      assert.deepStrictEqual(r.client, [{ kind: 'field', column: 'sessionId', label: 'Session id', values: ['5e55i0n0-0000-4000-8000-000000000001'] }]);
    }
    assert.deepStrictEqual(v.related.find((r) => r.label.includes('AS7922'))!.client, [{ kind: 'field', column: 'autonomousSystemNumber', label: 'ASN', values: ['7922'] }]);
    assert.deepStrictEqual(v.related.find((r) => r.label.includes('this IP address'))!.clauses, [{ field: 'ipAddress', op: 'eq', values: ['73.44.14.9'] }]);
    // A refresh token redeemed, a password grant, an authentication transfer: each says why it matters.
    const kinds = (r: Record<string, unknown>) => signInView({ ...base, ...r }).signals.map((sg) => sg.kind);
    assert.deepStrictEqual(kinds({ incomingTokenType: 'refreshToken' }), ['refreshToken']);
    assert.deepStrictEqual(kinds({ authenticationProtocol: 'ropc' }), ['ropc']);
    assert.deepStrictEqual(kinds({ originalTransferMethod: 'authenticationTransfer' }), ['authenticationTransfer']);
    assert.deepStrictEqual(kinds({ authenticationProtocol: 'none', incomingTokenType: 'none', signInTokenProtectionStatus: 'bound' }), []);
  });
});

describe('sign-in rows: the beta columns', () => {
  it('shows the protocol by its label (raw value kept), the authentication methods of the steps, and whether the token is a CAE one', () => {
    const row = toDisplayRow(categoryById('signIns.interactive')!, {
      ...base,
      authenticationProtocol: 'deviceCode',
      authenticationDetails: [{ authenticationMethod: 'Password' }, { authenticationMethod: 'Mobile app notification' }, { authenticationMethod: 'Password' }, null],
      authenticationProcessingDetails: [{ key: 'Legacy TLS', value: 'False' }, { key: 'Is CAE Token', value: 'True' }],
      autonomousSystemNumber: 64502,
    });
    assert.strictEqual(row.cells.authenticationProtocol, 'Device code');
    assert.strictEqual(row.raw?.authenticationProtocol, 'deviceCode');
    assert.strictEqual(row.cells.authMethods, 'Password, Mobile app notification');
    assert.strictEqual(row.cells.cae, 'True');
    assert.strictEqual(row.cells.autonomousSystemNumber, '64502');
    const plain = toDisplayRow(categoryById('signIns.interactive')!, base);
    assert.deepStrictEqual([plain.cells.authMethods, plain.cells.cae, plain.cells.sessionId], ['', '', ''], 'v1.0 rows: empty, not failing');
  });
});

describe('sign-in detail: inputs', () => {
  it('validates GUIDs', () => {
    assert.strictEqual(validateSignInId(' 11111111-2222-4333-8444-555555555555 '), undefined);
    const canonical = '11111111-2222-4333-8444-5555555555ab';
    for (const ok of [canonical, '{11111111-2222-4333-8444-5555555555AB}', '111111112222433384445555555555AB', ' {111111112222433384445555555555ab} ']) {
      assert.strictEqual(validateSignInId(ok), undefined, ok);
      assert.strictEqual(normalizeSignInId(ok), canonical, ok);
    }
    for (const bad of ['', 'abc', '11111111-2222-4333-8444-55555555555', '{11111111-2222-4333-8444-555555555555', '11111111-22224333-8444-555555555555', '11111111-2222-4333-8444-555555555555x']) assert.ok(validateSignInId(bad), bad);
  });

  it('the protocol validator rejects malformed messages', () => {
    assert.strictEqual(validDetailParams('copy', { text: 'x' }), true);
    assert.strictEqual(validDetailParams('copy', { text: 1 }), false);
    assert.strictEqual(validDetailParams('copy', { text: 'x'.repeat(5000) }), false);
    assert.strictEqual(validDetailParams('runRelated', { index: 2 }), true);
    for (const bad of [{ index: -1 }, { index: 1.5 }, { index: '1' }, {}, null]) assert.strictEqual(validDetailParams('runRelated', bad), false, JSON.stringify(bad));
  });
});
