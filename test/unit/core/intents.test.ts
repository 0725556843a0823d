/**
 * Each one-click question adds exactly the condition its label promises, from what the user typed
 * (trimmed, in the form the service compares), replacing an earlier condition on the same field
 * and keeping the others; and "Copy as" gives the query a person can paste elsewhere.
 */
import * as assert from 'assert';
import { categoryById } from '../../../src/core/catalog/categories';
import { curlCommand, graphUrl, powershellCommand } from '../../../src/core/odata/copyAs';
import { INTENTS } from '../../../src/core/odata/intents';
import { type Clause, type ClientFilter, EMPTY_FILTER, type FilterModel } from '../../../src/core/odata/model';

const GUID = '0B7C1F5E-1111-4222-8333-444455556666';
const apply = (id: string, value?: string, model: FilterModel = EMPTY_FILTER) => INTENTS.find((i) => i.id === id)!.apply(model, value);
const clause = (id: string, value?: string): Clause => {
  const m = apply(id, value);
  assert.strictEqual(m.clauses.length, 1, id);
  return m.clauses[0];
};
const client = (id: string, value?: string): ClientFilter => {
  const m = apply(id, value);
  assert.strictEqual(m.client.length, 1, id);
  return m.client[0];
};

describe('core/odata: the one-click questions', () => {
  it('typed values become the clause the service compares: trimmed, AADSTS prefixes dropped, GUIDs by id, names by name', () => {
    assert.deepStrictEqual(clause('errorCode', 'aadsts50126'), { field: 'status/errorCode', op: 'eq', values: [50126] });
    assert.deepStrictEqual(clause('user', ` ${GUID} `), { field: 'userId', op: 'eq', values: [GUID] });
    assert.deepStrictEqual(clause('user', ' alice@contoso.com '), { field: 'userPrincipalName', op: 'eq', values: ['alice@contoso.com'] });
    assert.deepStrictEqual(clause('user', ' alice '), { field: 'userPrincipalName', op: 'startswith', values: ['alice'] });
    assert.deepStrictEqual(clause('app', ` ${GUID}`), { field: 'appId', op: 'eq', values: [GUID] });
    assert.deepStrictEqual(clause('app', ' Microsoft Teams '), { field: 'appDisplayName', op: 'eq', values: ['Microsoft Teams'] });
    assert.deepStrictEqual(clause('country', ' gb '), { field: 'location/countryOrRegion', op: 'eq', values: ['GB'] });
    assert.deepStrictEqual(clause('correlation', ` ${GUID} `), { field: 'correlationId', op: 'eq', values: [GUID] });
    assert.deepStrictEqual(clause('graphToken', ' a1B2c3D4 '), { field: 'signInActivityId', op: 'eq', values: ['a1B2c3D4'] });
    assert.deepStrictEqual(clause('graphUser', ` ${GUID} `), { field: 'userId', op: 'eq', values: [GUID] });
  });

  it('a whole IPv4 address is compared exactly, anything less (or IPv6) as a prefix, spaces around it ignored', () => {
    const ip = (v: string) => clause('ip', v);
    assert.deepStrictEqual(ip(' 203.0.113.9 '), { field: 'ipAddress', op: 'eq', values: ['203.0.113.9'] });
    for (const start of ['185.220.', '185.220', '10.0.0.1.', '2001:db8::', 'a1.2.3.4', '1.2.3.4x']) assert.deepStrictEqual(ip(start).op, 'startswith', start);
    assert.deepStrictEqual(ip('').values, ['']);
  });

  it('the questions Graph cannot filter are kept from the loaded rows, by the column and values they name', () => {
    assert.deepStrictEqual(client('failures'), { kind: 'failuresOnly' });
    assert.deepStrictEqual(client('deviceCode'), { kind: 'field', column: 'authenticationProtocol', label: 'Protocol', values: ['deviceCode'] });
    assert.deepStrictEqual(client('transferred'), { kind: 'field', column: 'originalTransferMethod', label: 'Transfer method', values: ['deviceCodeFlow', 'authenticationTransfer'] });
    assert.deepStrictEqual(client('ropc'), { kind: 'field', column: 'authenticationProtocol', label: 'Protocol', values: ['ropc'] });
    assert.deepStrictEqual(client('refreshToken'), { kind: 'field', column: 'incomingTokenType', label: 'Incoming token', values: ['refreshToken', 'primaryRefreshToken'] });
    assert.deepStrictEqual(client('unboundToken'), { kind: 'field', column: 'tokenProtection', label: 'Token protection', values: ['unbound'] });
    assert.deepStrictEqual(client('session', ` ${GUID} `), { kind: 'field', column: 'sessionId', label: 'Session id', values: [GUID.toLowerCase()] });
    assert.deepStrictEqual(client('asn', ' as64500 '), { kind: 'field', column: 'autonomousSystemNumber', label: 'ASN', values: ['64500'] });
  });

  it('the fixed questions add their one clause', () => {
    const fixed: Record<string, Clause> = {
      passwordFailures: { field: 'status/errorCode', op: 'eq', values: [50126, 50053] },
      mfaDenied: { field: 'status/errorCode', op: 'eq', values: [500121] },
      caFailure: { field: 'conditionalAccessStatus', op: 'eq', values: ['failure'] },
      riskHigh: { field: 'riskLevelDuringSignIn', op: 'eq', values: ['high'] },
      atRisk: { field: 'riskState', op: 'eq', values: ['atRisk'] },
      graphWrites: { field: 'requestMethod', op: 'eq', values: ['POST', 'PATCH', 'PUT', 'DELETE'] },
      graphRefused: { field: 'responseStatusCode', op: 'ge', values: [400] },
    };
    for (const [id, expected] of Object.entries(fixed)) assert.deepStrictEqual(clause(id), expected, id);
  });

  it('a question replaces an earlier one on the same field and keeps the rest; a field filter replaces only its own column', () => {
    let m = apply('errorCode', '50126');
    m = apply('country', 'US', m);
    m = apply('mfaDenied', undefined, m);
    assert.deepStrictEqual(m.clauses, [{ field: 'location/countryOrRegion', op: 'eq', values: ['US'] }, { field: 'status/errorCode', op: 'eq', values: [500121] }]);
    m = apply('deviceCode', undefined, m);
    m = apply('failures', undefined, m);
    m = apply('unboundToken', undefined, m);
    m = apply('ropc', undefined, m);
    m = apply('failures', undefined, m);
    assert.deepStrictEqual(m.client.map((c) => (c.kind === 'field' ? `${c.column}=${c.values.join('|')}` : c.kind)), ['tokenProtection=unbound', 'authenticationProtocol=ropc', 'failuresOnly']);
    assert.deepStrictEqual(m.time, EMPTY_FILTER.time, 'the time range stays');
  });
});

describe('core/odata: Copy as', () => {
  const signIns = categoryById('signIns.interactive')!;
  const risk = categoryById('riskDetections')!;
  const risky = categoryById('riskyUsers')!;

  it('a Graph URL with the filter and $top only when given', () => {
    assert.strictEqual(graphUrl('https://graph.microsoft.com', risk, undefined), 'https://graph.microsoft.com/v1.0/identityProtection/riskDetections');
    const url = new URL(graphUrl('https://graph.microsoft.com', risk, "riskLevel eq 'high'", 50));
    assert.deepStrictEqual([url.searchParams.get('$filter'), url.searchParams.get('$top')], ["riskLevel eq 'high'", '50']);
    assert.strictEqual(new URL(graphUrl('https://graph.microsoft.com', risk, 'x', 0)).searchParams.has('$top'), false);
  });

  it('curl quotes the URL for a POSIX shell, so a quote in a filter cannot end it', () => {
    assert.strictEqual(curlCommand("https://g/x?$filter=a eq 'b'"), `curl -H "Authorization: Bearer $TOKEN" 'https://g/x?$filter=a eq '\\''b'\\'''`);
  });

  it('PowerShell connects with the scope the report needs and doubles quotes in the filter', () => {
    const lines = (c: string) => c.split('\n');
    assert.strictEqual(lines(powershellCommand(risk, "riskLevel eq 'high'"))[0], 'Connect-MgGraph -Scopes IdentityRiskEvent.Read.All');
    assert.match(lines(powershellCommand(risk, "riskLevel eq 'high'"))[1], / -Filter 'riskLevel eq ''high''' -All$/);
    assert.strictEqual(lines(powershellCommand(risky, undefined))[0], 'Connect-MgGraph -Scopes IdentityRiskyUser.Read.All');
    assert.ok(lines(powershellCommand(risky, undefined))[1].endsWith(`${risky.powershell} -All`), 'no -Filter without a filter');
    assert.strictEqual(lines(powershellCommand(signIns, undefined))[0], 'Connect-MgGraph -Scopes "AuditLog.Read.All","Directory.Read.All"');
  });
});
