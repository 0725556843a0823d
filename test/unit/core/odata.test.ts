import * as assert from 'assert';
import { categoryById } from '../../../src/core/catalog/categories';
import { v1SignIns } from '../../../src/core/catalog/signInCategories';
import { type GraphCategory } from '../../../src/core/catalog/types';
import { buildFilter } from '../../../src/core/odata/build';
import { curlCommand, graphUrl, powershellCommand } from '../../../src/core/odata/copyAs';
import { INTENTS, intentsFor } from '../../../src/core/odata/intents';
import { compileKql } from '../../../src/core/logAnalytics/compile';
import { workspaceTable } from '../../../src/core/logAnalytics/tables';
import { datetimeLiteral, quote } from '../../../src/core/odata/literals';
import { type Clause, EMPTY_FILTER, type FilterModel } from '../../../src/core/odata/model';
import { validateRawFilter } from '../../../src/core/odata/raw';
import { parseFilter } from '../../../src/emulator/odata/parser';
import { SIGN_IN_BETA_RULES } from '../../../src/emulator/odata/rules';
import { validateFilter } from '../../../src/emulator/odata/validate';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const cat = (id: string) => categoryById(id) as GraphCategory;
const SI = cat('signIns.interactive');
const NI = cat('signIns.nonInteractive');
const SP = cat('signIns.servicePrincipal');
const DA = cat('directoryAudits');
const PR = cat('provisioning');
const RD = cat('riskDetections');
const RU = cat('riskyUsers');
const all = (clauses: Clause[]): FilterModel => ({ time: { kind: 'all' }, clauses, client: [] });
const c = (field: string, op: Clause['op'], ...values: Clause['values'][number][]): Clause => ({ field, op, values });

/** [category, model, expected $filter, or a regex the first problem must match]. */
const BUILD: [GraphCategory, FilterModel, string | RegExp][] = [
  [SI, all([]), ''],
  [SI, all([c('userPrincipalName', 'eq', 'alice@contoso.com')]), "userPrincipalName eq 'alice@contoso.com'"],
  [SI, all([c('userPrincipalName', 'eq', "o'brien@contoso.com")]), "userPrincipalName eq 'o''brien@contoso.com'"],
  [SI, all([c('userPrincipalName', 'startswith', 'o')]), "startswith(userPrincipalName, 'o')"],
  [SI, all([c('userPrincipalName', 'eq', 'alice')]), /user principal name/],
  [SI, all([c('userPrincipalName', 'contains', 'ali')]), /cannot be filtered with "contains"/],
  [SI, all([c('status/errorCode', 'eq', 50126)]), 'status/errorCode eq 50126'],
  [SI, all([c('status/errorCode', 'eq', 50126, 50053)]), '(status/errorCode eq 50126 or status/errorCode eq 50053)'],
  [SI, all([c('status/errorCode', 'ge', 1)]), /Error code cannot be filtered with "from": Graph allows only "equals"/],
  [SI, all([c('status/errorCode', 'ne', 0)]), /only "equals"/],
  [SI, all([c('status/errorCode', 'eq', '50126')]), /whole number/],
  [SI, all([c('status/errorCode', 'eq', 1.5)]), /whole number/],
  [SI, all([c('appId', 'eq', 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c')]), "appId eq 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c'"],
  [SI, all([c('appId', 'eq', 'not-a-guid')]), /GUID/],
  [SI, all([c('appId', 'startswith', 'c44b')]), /only "equals"/],
  [SI, all([c('appDisplayName', 'startswith', 'Microsoft')]), "startswith(appDisplayName, 'Microsoft')"],
  [SI, all([c('ipAddress', 'eq', '10.1.2.3')]), "ipAddress eq '10.1.2.3'"],
  [SI, all([c('ipAddress', 'eq', '2001:db8::1')]), "ipAddress eq '2001:db8::1'"],
  [SI, all([c('ipAddress', 'eq', '10.1.2')]), /IP address/],
  [SI, all([c('ipAddress', 'startswith', '185.220.')]), "startswith(ipAddress, '185.220.')"],
  [SI, all([c('location/countryOrRegion', 'eq', 'US')]), "location/countryOrRegion eq 'US'"],
  [SI, all([c('location/countryOrRegion', 'eq', 'United States')]), /two-letter/],
  [SI, all([c('location/city', 'startswith', "Val d'Or")]), "startswith(location/city, 'Val d''Or')"],
  [SI, all([c('deviceDetail/browser', 'startswith', 'Edge')]), "startswith(deviceDetail/browser, 'Edge')"],
  [SI, all([c('deviceDetail/operatingSystem', 'eq', 'Windows 10')]), "deviceDetail/operatingSystem eq 'Windows 10'"],
  [SI, all([c('clientAppUsed', 'eq', 'Browser')]), "clientAppUsed eq 'Browser'"],
  [SI, all([c('clientAppUsed', 'eq', 'Telnet')]), /must be one of/],
  [SI, all([c('conditionalAccessStatus', 'eq', 'failure')]), "conditionalAccessStatus eq 'failure'"],
  [SI, all([c('conditionalAccessStatus', 'eq', 'blocked')]), /must be one of: success, failure, notApplied/],
  [SI, all([c('riskState', 'eq', 'atRisk')]), "riskState eq 'atRisk'"],
  [SI, all([c('riskLevelDuringSignIn', 'eq', 'high')]), "riskLevelDuringSignIn eq 'high'"],
  [SI, all([c('riskDetail', 'eq', 'userPassedMFADrivenByRiskBasedPolicy')]), "riskDetail eq 'userPassedMFADrivenByRiskBasedPolicy'"],
  [SI, all([c('correlationId', 'eq', '11111111-2222-4333-8444-555555555555')]), "correlationId eq '11111111-2222-4333-8444-555555555555'"],
  [SI, all([c('resourceDisplayName', 'eq', 'Microsoft Graph')]), "resourceDisplayName eq 'Microsoft Graph'"],
  [SI, all([c('riskEventTypes_v2', 'eq', 'unlikelyTravel')]), "riskEventTypes_v2/any(t: t eq 'unlikelyTravel')"],
  [SI, all([c('riskEventTypes_v2', 'startswith', 'anon')]), "riskEventTypes_v2/any(t: startswith(t, 'anon'))"],
  [SI, all([c('mfaDetail/authMethod', 'eq', 'x')]), /cannot be filtered/],
  [SI, all([c('userPrincipalName', 'eq')]), /needs a value/],
  [SI, all([c('userPrincipalName', 'eq', 'a@b.c'), c('status/errorCode', 'eq', 0)]), "userPrincipalName eq 'a@b.c' and status/errorCode eq 0"],
  [SI, { time: { kind: 'last', hours: 24 }, clauses: [], client: [] }, 'createdDateTime ge 2026-11-21T12:00:00Z'],
  [SI, { time: { kind: 'last', hours: 24 * 60 }, clauses: [], client: [] }, 'createdDateTime ge 2026-10-23T12:01:00Z'],
  [SI, { time: { kind: 'between', from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' }, clauses: [], client: [] }, 'createdDateTime ge 2026-11-20T00:00:00Z and createdDateTime le 2026-11-21T00:00:00Z'],
  [SI, { time: { kind: 'between', from: '2026-09-01T00:00:00Z', to: '2026-09-02T00:00:00Z' }, clauses: [], client: [] }, /keeps these logs for 30 days/],
  [SI, { time: { kind: 'between', from: '2026-11-21T00:00:00Z', to: '2026-11-20T00:00:00Z' }, clauses: [], client: [] }, /start before it ends/],
  [NI, all([]), "signInEventTypes/any(t: t eq 'nonInteractiveUser')"],
  [NI, { time: { kind: 'last', hours: 1 }, clauses: [c('userPrincipalName', 'eq', 'a@b.c')], client: [] }, "signInEventTypes/any(t: t eq 'nonInteractiveUser') and createdDateTime ge 2026-11-22T11:00:00Z and userPrincipalName eq 'a@b.c'"],
  [SP, all([c('userPrincipalName', 'eq', 'a@b.c')]), /cannot be filtered on Service principal sign-ins/],
  [SP, all([c('appDisplayName', 'eq', 'siem-connector')]), "signInEventTypes/any(t: t eq 'servicePrincipal') and appDisplayName eq 'siem-connector'"],
  [DA, all([c('activityDisplayName', 'startswith', 'Add')]), "startswith(activityDisplayName, 'Add')"],
  [DA, all([c('loggedByService', 'eq', 'Self-service Password Management')]), "loggedByService eq 'Self-service Password Management'"],
  [DA, all([c('result', 'eq', 'failure')]), "result eq 'failure'"],
  [DA, all([c('category', 'startswith', 'User')]), /only "equals"/],
  [DA, all([c('initiatedBy/user/userPrincipalName', 'eq', 'admin@contoso.com')]), "initiatedBy/user/userPrincipalName eq 'admin@contoso.com'"],
  [DA, all([c('targetResources/id', 'eq', '11111111-2222-4333-8444-555555555555')]), "targetResources/any(t: t/id eq '11111111-2222-4333-8444-555555555555')"],
  [DA, all([c('targetResources/displayName', 'startswith', 'Fin')]), "targetResources/any(t: startswith(t/displayName, 'Fin'))"],
  [DA, all([c('targetResources/type', 'eq', 'User')]), /cannot be filtered/],
  [DA, { time: { kind: 'last', hours: 24 }, clauses: [], client: [] }, 'activityDateTime ge 2026-11-21T12:00:00Z'],
  [PR, { time: { kind: 'between', from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' }, clauses: [], client: [] }, 'activityDateTime gt 2026-11-20T00:00:00Z and activityDateTime lt 2026-11-21T00:00:00Z'],
  [PR, all([c('targetSystem/displayName', 'contains', 'Sales')]), "contains(targetSystem/displayName, 'Sales')"],
  [PR, all([c('provisioningStatusInfo/status', 'eq', 'failure')]), "provisioningStatusInfo/status eq 'failure'"],
  [RD, all([c('detectionTimingType', 'eq', 'offline')]), "detectionTimingType eq 'offline'"],
  [RD, all([c('riskEventType', 'eq', 'leakedCredentials')]), "riskEventType eq 'leakedCredentials'"],
  [RD, all([c('detectionTimingType', 'eq', 'sometimes')]), /must be one of/],
  [RU, all([c('riskDetail', 'eq', 'userPassedMFADrivenByRiskBasedPolicy')]), "riskDetail eq 'userPassedMFADrivenByRiskBasedPolicy'"],
  [RU, all([c('isDeleted', 'eq', false)]), 'isDeleted eq false'],
  [RU, all([c('isDeleted', 'eq', 'false')]), /true or false/],
];

/** [category, raw $filter, null when valid or a regex for the first problem, the position it points at]. */
const RAW: [GraphCategory, string, RegExp | null, number?][] = [
  [SI, "userPrincipalName eq 'alice@contoso.com'", null],
  [SI, "userPrincipalName eq 'o''brien@contoso.com'", null],
  [SI, "userPrincipalName eq 'o'brien@contoso.com'", /quote inside a string must be doubled/, 23],
  [SI, "userPrincipalName eq 'o'.brien@contoso.com'", /quote inside a string must be doubled/, 23],
  [SI, 'createdDateTime ge 2026-11-21T00:00:00Z', null],
  [SI, "createdDateTime ge '2026-11-21T00:00:00Z'", /Dates are not quoted/, 19],
  [SI, 'createdDateTime gt 2026-11-21T00:00:00Z', /does not support gt/, 16],
  [SI, 'status/errorCode eq 50126', null],
  [SI, 'status/errorCode ge 1', /does not support ge/, 17],
  [SI, "status/errorCode eq '50126'", /whole number/, 20],
  [SI, 'appId eq c44b4083-3bb0-49c1-b47d-974e53cbdf3c', /GUIDs are strings here/, 9],
  [SI, "startswith(userPrincipalName, 'ad')", null],
  [SI, "contains(userPrincipalName, 'ad')", /does not support contains/],
  [SI, "(status/errorCode eq 50126 or status/errorCode eq 50053) and location/countryOrRegion eq 'US'", null],
  [SI, "not(location/countryOrRegion eq 'US')", /does not support "not"/, 0],
  [SI, "riskEventTypes_v2/any(t: t eq 'unlikelyTravel')", null],
  [SI, "riskEventTypes_v2/all(t: t eq 'unlikelyTravel')", /any\(\), not all\(\)/],
  [SI, "signInEventTypes/any(t: t eq 'servicePrincipal')", /cannot be filtered with any/],
  [SI, "conditionalAccessStatus eq 'blocked'", /not a value of conditionalAccessStatus/, 27],
  [SI, 'bogus eq 1', /not a property Graph filters on/, 0],
  [SI, 'status/errorCode eq', /value is missing/],
  [SI, '(status/errorCode eq 0', /Expected "\)"/],
  [SI, 'status/errorCode eq 0 status/errorCode eq 1', /join conditions/, 22],
  [SI, 'status/errorCode ~ 0', /not allowed here/, 17],
  [SI, "userPrincipalName eq 'unterminated", /never closed/, 21],
  [DA, "targetResources/any(t: t/id eq '1' or startswith(t/displayName, 'Fin'))", null],
  [DA, "targetResources/any(t: t/type eq 'User')", /not a property Graph filters on/],
  [DA, "activityDisplayName eq 'Add user' and result eq 'failure'", null],
  [RD, "detectionTimingType eq 'offline'", null],
  [RU, 'isDeleted eq false', null],
  [RU, "isDeleted eq 'false'", /true or false/],
];

describe('core/odata: filter model → $filter', () => {
  for (const [category, model, expected] of BUILD) {
    it(`${category.id}: ${JSON.stringify(model.clauses.length ? model.clauses : model.time)} → ${expected}`, () => {
      const built = buildFilter(category, model, { nowMs: NOW, retentionDays: 30 });
      if (expected instanceof RegExp) {
        assert.ok(built.problems.length > 0, `no problem reported; built ${built.filter}`);
        assert.match(built.problems[0].message, expected);
      } else {
        assert.deepStrictEqual(built.problems, []);
        assert.strictEqual(built.filter ?? '', expected);
      }
    });
  }
});

describe('core/odata: raw $filter checking', () => {
  for (const [category, raw, expected, position] of RAW) {
    it(`${category.id}: ${raw}`, () => {
      const problems = validateRawFilter(category, raw);
      if (expected === null) assert.deepStrictEqual(problems, []);
      else {
        assert.ok(problems.length > 0, 'no problem reported');
        assert.match(problems[0].message, expected);
        if (position !== undefined) assert.strictEqual(problems[0].position, position);
      }
    });
  }

  it('a raw filter is combined with the time range and checked', () => {
    const built = buildFilter(SI, { ...EMPTY_FILTER, raw: "status/errorCode eq 50126 or status/errorCode eq 50053" }, { nowMs: NOW });
    assert.strictEqual(built.filter, 'createdDateTime ge 2026-11-21T12:00:00Z and (status/errorCode eq 50126 or status/errorCode eq 50053)');
    assert.match(buildFilter(SI, { ...EMPTY_FILTER, raw: 'status/errorCode ge 1' }, { nowMs: NOW }).problems[0].message, /does not support ge/);
  });
});

describe('core/odata: literals, intents and "Copy as"', () => {
  it('escapes quotes by doubling them and writes dates unquoted', () => {
    assert.strictEqual(quote("it's"), "'it''s'");
    assert.strictEqual(quote("''"), "''''''");
    assert.strictEqual(datetimeLiteral(Date.parse('2024-01-01T00:00:00Z')), '2024-01-01T00:00:00Z');
    assert.strictEqual(datetimeLiteral(Date.parse('2024-01-01T00:00:00.250Z')), '2024-01-01T00:00:00.250Z');
  });

  it('the seed documents’ examples are one click', () => {
    const offline = INTENTS.find((i) => i.id === 'offline')!.apply({ ...EMPTY_FILTER, time: { kind: 'all' } });
    assert.strictEqual(buildFilter(RD, offline, { nowMs: NOW }).filter, "detectionTimingType eq 'offline'");
    const mfa = INTENTS.find((i) => i.id === 'mfaRemediated')!.apply({ ...EMPTY_FILTER, time: { kind: 'all' } });
    assert.strictEqual(buildFilter(RU, mfa, { nowMs: NOW }).filter, "riskDetail eq 'userPassedMFADrivenByRiskBasedPolicy'");
  });

  it('every intent makes a valid filter for every category it offers itself to', () => {
    const values: Record<string, string> = { errorCode: '50126', user: 'alice@contoso.com', app: 'Microsoft Teams', ip: '185.220.', country: 'us', correlation: '11111111-2222-4333-8444-555555555555', graphToken: 'a1B2c3D4e5F6g7H8', graphUser: '11111111-2222-4333-8444-555555555555' };
    for (const intent of INTENTS) {
      for (const id of intent.categories) {
        const model = intent.apply(EMPTY_FILTER, values[intent.id]);
        // A report only a workspace has (Graph activity) is compiled to KQL over its table.
        const graph = categoryById(id);
        const problems = graph ? buildFilter(graph, model, { nowMs: NOW }).problems : compileKql(workspaceTable('MicrosoftGraphActivityLogs')!, model, { nowMs: NOW }).problems;
        assert.deepStrictEqual(problems, [], `${intent.id} on ${id}`);
      }
    }
    assert.deepStrictEqual(intentsFor('graphActivity').map((i) => i.id), ['ip', 'graphToken', 'graphUser', 'graphWrites', 'graphRefused']);
    assert.deepStrictEqual(intentsFor('riskDetections').map((i) => i.id), ['user', 'correlation', 'offline']);
  });

  it('the investigation questions: server-side ones are filters the fake tenant parses and accepts on beta; the rest keep a grid column of their category', () => {
    const values: Record<string, string> = { session: '11111111-2222-4333-8444-555555555555', asn: 'AS64500' };
    const ids = ['passwordFailures', 'mfaDenied', 'deviceCode', 'transferred', 'ropc', 'refreshToken', 'unboundToken', 'session', 'asn'];
    for (const id of ids) {
      const intent = INTENTS.find((i) => i.id === id)!;
      for (const categoryId of intent.categories) {
        const category = categoryById(categoryId)!;
        const model = intent.apply(EMPTY_FILTER, values[id]);
        const built = buildFilter(category, model, { nowMs: NOW });
        assert.deepStrictEqual(built.problems, [], `${id} on ${categoryId}`);
        assert.doesNotThrow(() => validateFilter(parseFilter(built.filter!), { rules: SIGN_IN_BETA_RULES }), `${id} on ${categoryId}: ${built.filter}`);
        for (const f of model.client) if (f.kind === 'field') assert.ok(category.columns.some((c) => c.id === f.column), `${id}: the grid of ${categoryId} has a ${f.column} column`);
      }
    }
    const spray = INTENTS.find((i) => i.id === 'passwordFailures')!.apply({ ...EMPTY_FILTER, time: { kind: 'all' } });
    assert.strictEqual(buildFilter(SI, spray, { nowMs: NOW }).filter, '(status/errorCode eq 50126 or status/errorCode eq 50053)');
    const asn = INTENTS.find((i) => i.id === 'asn')!.apply(EMPTY_FILTER, 'as64500');
    assert.deepStrictEqual(asn.client, [{ kind: 'field', column: 'autonomousSystemNumber', label: 'ASN', values: ['64500'] }]);
    // Two questions on different columns both hold; the same column's question replaces the last.
    const both = INTENTS.find((i) => i.id === 'ropc')!.apply(INTENTS.find((i) => i.id === 'refreshToken')!.apply(EMPTY_FILTER));
    assert.deepStrictEqual(both.client.map((f) => (f.kind === 'field' ? f.values : [])), [['refreshToken', 'primaryRefreshToken'], ['ropc']]);
    const replaced = INTENTS.find((i) => i.id === 'deviceCode')!.apply(both);
    assert.deepStrictEqual(replaced.client.map((f) => (f.kind === 'field' ? f.values : [])), [['refreshToken', 'primaryRefreshToken'], ['deviceCode']]);
  });

  it('"failures only" is a client-side filter, because Graph has no ne on status/errorCode', () => {
    const m = INTENTS.find((i) => i.id === 'failures')!.apply(EMPTY_FILTER);
    assert.deepStrictEqual(m.client, [{ kind: 'failuresOnly' }]);
    assert.deepStrictEqual(m.clauses, []);
  });

  it('copies as a Graph URL, curl and Graph PowerShell', () => {
    const filter = "userPrincipalName eq 'o''brien@contoso.com'";
    const url = graphUrl('https://graph.microsoft.us', NI, `signInEventTypes/any(t: t eq 'nonInteractiveUser') and ${filter}`, 100);
    assert.ok(url.startsWith('https://graph.microsoft.us/beta/auditLogs/signIns?%24filter='));
    assert.strictEqual(new URL(url).searchParams.get('$filter'), `signInEventTypes/any(t: t eq 'nonInteractiveUser') and ${filter}`);
    assert.strictEqual(curlCommand("https://x/y?a='b'"), `curl -H "Authorization: Bearer $TOKEN" 'https://x/y?a='\\''b'\\'''`);
    assert.strictEqual(powershellCommand(SI, filter).split('\n')[1], `Get-MgBetaAuditLogSignIn -Filter 'userPrincipalName eq ''o''''brien@contoso.com''' -All`);
    // Where beta is not allowed, interactive sign-ins are read from v1.0 and copied as its cmdlet and URL.
    assert.strictEqual(powershellCommand(v1SignIns(SI), filter).split('\n')[1], `Get-MgAuditLogSignIn -Filter 'userPrincipalName eq ''o''''brien@contoso.com''' -All`);
    assert.match(graphUrl('https://graph.microsoft.com', v1SignIns(SI), filter, 100), /^https:\/\/graph\.microsoft\.com\/v1\.0\/auditLogs\/signIns\?/);
    assert.ok(!v1SignIns(SI).fields.some((f) => f.path === 'authenticationRequirement'), 'v1.0 is not offered the beta-only filter field');
    assert.strictEqual(v1SignIns(NI), NI, 'non-interactive sign-ins exist only in beta');
    assert.match(powershellCommand(NI, 'x').split('\n')[1], /^Get-MgBetaAuditLogSignIn/);
  });
});
