import * as assert from 'assert';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { appToken, CONTOSO, FULL_APP, request } from '../../support/emulatorClient';

type Rec = Record<string, unknown> & { status?: { errorCode: number }; location?: Record<string, string>; deviceDetail?: Record<string, string> };
type Expect = 400 | ((r: Rec) => boolean);

/** [endpoint (v1.0 unless prefixed), $filter, expected: 400, or a check every returned record must pass]. */
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const now = Date.now();
const d1 = iso(now - 24 * HOUR);
const d2 = iso(now - 48 * HOUR);
const old = iso(now - 40 * 24 * HOUR);
const ts = (r: Rec, k: string) => Date.parse(String(r[k]));
const lower = (v: unknown) => String(v).toLowerCase();

const SI = '/auditLogs/signIns';
const BSI = 'beta:/auditLogs/signIns';
const DA = '/auditLogs/directoryAudits';
const PR = '/auditLogs/provisioning';
const RD = '/identityProtection/riskDetections';
const RU = '/identityProtection/riskyUsers';

const CASES: [string, string, Expect][] = [
  // sign-ins: eq-only properties
  [SI, 'status/errorCode eq 50126', (r) => r.status!.errorCode === 50126],
  [SI, 'status/errorCode eq 0', (r) => r.status!.errorCode === 0],
  [SI, 'status/errorCode ge 1', 400],
  [SI, 'status/errorCode ne 0', 400],
  [SI, "status/errorCode eq '50126'", 400],
  [SI, "clientAppUsed eq 'Browser'", (r) => r.clientAppUsed === 'Browser'],
  [SI, "conditionalAccessStatus eq 'failure'", (r) => r.conditionalAccessStatus === 'failure'],
  [SI, "conditionalAccessStatus eq 'blocked'", 400],
  [SI, "riskState eq 'atRisk'", (r) => r.riskState === 'atRisk'],
  [SI, "riskLevelDuringSignIn eq 'high'", (r) => r.riskLevelDuringSignIn === 'high'],
  [SI, "riskLevelAggregated eq 'medium'", (r) => r.riskLevelAggregated === 'medium'],
  [SI, "riskDetail eq 'userPassedMFADrivenByRiskBasedPolicy'", (r) => r.riskDetail === 'userPassedMFADrivenByRiskBasedPolicy'],
  [SI, "resourceDisplayName eq 'Microsoft Graph'", (r) => r.resourceDisplayName === 'Microsoft Graph'],
  [SI, "appId eq 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c'", (r) => r.appId === 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c'],
  [SI, 'appId eq c44b4083-3bb0-49c1-b47d-974e53cbdf3c', 400],
  [SI, "startswith(appId, 'c44b')", 400],
  [SI, "userId eq 'a0000000-0000-4000-8000-000000000001'", (r) => r.userId === 'a0000000-0000-4000-8000-000000000001'],
  [SI, "correlationId eq '00000000-0000-0000-0000-000000000000'", () => false],
  // sign-ins: eq and startswith
  [SI, "userPrincipalName eq 'admin@contoso.onmicrosoft.com'", (r) => r.userPrincipalName === 'admin@contoso.onmicrosoft.com'],
  [SI, "userPrincipalName eq 'ADMIN@contoso.onmicrosoft.com'", (r) => r.userPrincipalName === 'admin@contoso.onmicrosoft.com'],
  [SI, "startswith(userPrincipalName, 'admin')", (r) => lower(r.userPrincipalName).startsWith('admin')],
  [SI, "startswith(userDisplayName, 'Ada')", (r) => String(r.userDisplayName).startsWith('Ada')],
  [SI, "userPrincipalName eq 'o''brien.test@contoso.onmicrosoft.com'", (r) => r.userPrincipalName === "o'brien.test@contoso.onmicrosoft.com"],
  [SI, "userPrincipalName eq 'o'brien.test@contoso.onmicrosoft.com'", 400],
  [SI, "startswith(appDisplayName, 'Microsoft')", (r) => String(r.appDisplayName).startsWith('Microsoft')],
  [SI, "ipAddress eq '10.0.0.1'", () => false],
  [SI, "startswith(ipAddress, '185.220.')", (r) => String(r.ipAddress).startsWith('185.220.')],
  [SI, "location/countryOrRegion eq 'US'", (r) => r.location!.countryOrRegion === 'US'],
  [SI, "location/city eq 'London'", (r) => r.location!.city === 'London'],
  [SI, "startswith(location/state, 'Wash')", (r) => r.location!.state.startsWith('Wash')],
  [SI, "deviceDetail/browser eq 'Edge 131.0.0'", (r) => r.deviceDetail!.browser === 'Edge 131.0.0'],
  [SI, "startswith(deviceDetail/operatingSystem, 'Windows')", (r) => r.deviceDetail!.operatingSystem.startsWith('Windows')],
  [SI, "contains(userPrincipalName, 'admin')", 400],
  [SI, "endswith(userPrincipalName, '.com')", 400],
  [SI, "location/countryOrRegion ne 'US'", 400],
  // sign-ins: dates
  [SI, `createdDateTime ge ${d1}`, (r) => ts(r, 'createdDateTime') >= Date.parse(d1)],
  [SI, `createdDateTime le ${d1}`, (r) => ts(r, 'createdDateTime') <= Date.parse(d1)],
  [SI, `createdDateTime ge ${d2} and createdDateTime le ${d1}`, (r) => ts(r, 'createdDateTime') >= Date.parse(d2) && ts(r, 'createdDateTime') <= Date.parse(d1)],
  [SI, `createdDateTime gt ${d1}`, 400],
  [SI, `createdDateTime ge '${d1}'`, 400],
  [SI, `createdDateTime ge ${old}`, 400],
  [SI, `createdDateTime ge ${d1.slice(0, 10)}`, (r) => ts(r, 'createdDateTime') >= Date.parse(d1.slice(0, 10))],
  // sign-ins: combinations and syntax
  [SI, `status/errorCode eq 50126 and createdDateTime ge ${d2}`, (r) => r.status!.errorCode === 50126 && ts(r, 'createdDateTime') >= Date.parse(d2)],
  [SI, 'status/errorCode eq 50126 or status/errorCode eq 50053', (r) => [50126, 50053].includes(r.status!.errorCode)],
  [SI, "(status/errorCode eq 53003 or status/errorCode eq 50074) and location/countryOrRegion eq 'US'", (r) => [53003, 50074].includes(r.status!.errorCode) && r.location!.countryOrRegion === 'US'],
  [SI, "not(location/countryOrRegion eq 'US')", 400],
  [SI, 'status/errorCode eq', 400],
  [SI, "userPrincipalName eq 'unterminated", 400],
  [SI, '(status/errorCode eq 0', 400],
  [SI, 'bogusProperty eq 1', 400],
  [SI, "riskEventTypes_v2/any(t: t eq 'unlikelyTravel')", (r) => (r.riskEventTypes_v2 as string[]).includes('unlikelyTravel')],
  [SI, "riskEventTypes_v2/any(t: startswith(t, 'anonym'))", (r) => (r.riskEventTypes_v2 as string[]).some((t) => t.startsWith('anonym'))],
  [SI, "riskEventTypes_v2/all(t: t eq 'unlikelyTravel')", 400],
  [SI, "signInEventTypes/any(t: t eq 'nonInteractiveUser')", 400],
  // beta sign-in event types
  [BSI, "signInEventTypes/any(t: t eq 'nonInteractiveUser')", (r) => (r.signInEventTypes as string[])[0] === 'nonInteractiveUser'],
  [BSI, "signInEventTypes/any(t: t eq 'servicePrincipal')", (r) => (r.signInEventTypes as string[])[0] === 'servicePrincipal' && r.userId === ''],
  [BSI, "signInEventTypes/any(t: t eq 'managedIdentity')", (r) => (r.signInEventTypes as string[])[0] === 'managedIdentity'],
  [BSI, "signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'nonInteractiveUser')", (r) => ['interactiveUser', 'nonInteractiveUser'].includes((r.signInEventTypes as string[])[0])],
  [BSI, "signInEventTypes/any(t: t eq 'interactiveUser' or t eq 'servicePrincipal')", 400],
  [BSI, "signInEventTypes/any(t: t eq 'robot')", 400],
  [BSI, 'status/errorCode eq 0', (r) => (r.signInEventTypes as string[])[0] === 'interactiveUser'],
  // directory audits
  [DA, "activityDisplayName eq 'Add user'", (r) => r.activityDisplayName === 'Add user'],
  [DA, "startswith(activityDisplayName, 'Add')", (r) => String(r.activityDisplayName).startsWith('Add')],
  [DA, "category eq 'UserManagement'", (r) => r.category === 'UserManagement'],
  [DA, "loggedByService eq 'Self-service Password Management'", (r) => r.loggedByService === 'Self-service Password Management'],
  [DA, "result eq 'failure'", (r) => r.result === 'failure'],
  [DA, `activityDateTime ge ${d1}`, (r) => ts(r, 'activityDateTime') >= Date.parse(d1)],
  [DA, "initiatedBy/user/userPrincipalName eq 'admin@contoso.onmicrosoft.com'", (r) => (r.initiatedBy as { user: { userPrincipalName: string } }).user?.userPrincipalName === 'admin@contoso.onmicrosoft.com'],
  [DA, "targetResources/any(t: t/id eq 'a0000000-0000-4000-8000-000000000004')", (r) => (r.targetResources as { id: string }[]).some((t) => t.id === 'a0000000-0000-4000-8000-000000000004')],
  [DA, "targetResources/any(t: startswith(t/displayName, 'Fin'))", (r) => (r.targetResources as { displayName: string }[]).some((t) => t.displayName.startsWith('Fin'))],
  [DA, "targetResources/any(t: t/type eq 'User')", 400],
  [DA, "category ne 'UserManagement'", 400],
  [DA, `activityDateTime lt ${d1}`, 400],
  // provisioning (case-sensitive; eq, contains, gt, lt)
  [PR, "provisioningAction eq 'update'", (r) => r.provisioningAction === 'update'],
  [PR, "provisioningStatusInfo/status eq 'failure'", (r) => (r.provisioningStatusInfo as { status: string }).status === 'failure'],
  [PR, "contains(targetSystem/displayName, 'Sales')", (r) => String((r.targetSystem as { displayName: string }).displayName).includes('Sales')],
  [PR, "contains(targetSystem/displayName, 'sales')", () => false],
  [PR, `activityDateTime gt ${d1}`, (r) => ts(r, 'activityDateTime') > Date.parse(d1)],
  [PR, "not(provisioningAction eq 'update')", (r) => r.provisioningAction !== 'update'],
  [PR, "startswith(jobId, 'Sales')", 400],
  // Identity Protection
  [RD, "detectionTimingType eq 'offline'", (r) => r.detectionTimingType === 'offline'],
  [RD, "riskEventType eq 'unlikelyTravel'", (r) => r.riskEventType === 'unlikelyTravel'],
  [RD, "riskLevel eq 'high'", (r) => r.riskLevel === 'high'],
  [RD, `activityDateTime gt ${d1}`, (r) => ts(r, 'activityDateTime') > Date.parse(d1)],
  [RD, "detectionTimingType eq 'sometimes'", 400],
  [RU, "riskDetail eq 'userPassedMFADrivenByRiskBasedPolicy'", (r) => r.riskDetail === 'userPassedMFADrivenByRiskBasedPolicy'],
  [RU, "riskLevel eq 'high' and riskState eq 'atRisk'", (r) => r.riskLevel === 'high' && r.riskState === 'atRisk'],
  [RU, 'isDeleted eq false', (r) => r.isDeleted === false],
  [RU, "isDeleted eq 'false'", 400],
  [RU, "startswith(userPrincipalName, 'a')", (r) => lower(r.userPrincipalName).startsWith('a')],
];

describe('fake tenant: $filter parsing, per-property operator rules and evaluation', function () {
  this.timeout(120_000);
  let emulator: Emulator;
  let token: string;

  before(async () => {
    emulator = await startEmulator({ signIns: 20_000, throttling: false });
    token = await appToken(emulator, CONTOSO, FULL_APP);
  });
  after(() => emulator.close());

  it(`has at least 60 cases (${CASES.length})`, () => assert.ok(CASES.length >= 60));

  const matchedSomething = new Set<string>();
  for (const [endpoint, filter, expected] of CASES) {
    const [version, path] = endpoint.startsWith('beta:') ? ['beta', endpoint.slice(5)] : ['v1.0', endpoint];
    it(`${version}${path} $filter=${filter} → ${expected === 400 ? '400' : '200'}`, async () => {
      const url = `${emulator.origin}/${version}${path}?$filter=${encodeURIComponent(filter)}&$top=${path.startsWith('/identity') ? 500 : 1000}`;
      const res = await request(emulator, url, { token });
      if (expected === 400) {
        assert.strictEqual(res.status, 400, res.text.slice(0, 300));
        const err = (res.json as { error: { code: string; message: string } }).error;
        assert.strictEqual(err.code, 'BadRequest');
        assert.match(err.message, /^Invalid filter clause/);
        return;
      }
      assert.strictEqual(res.status, 200, res.text.slice(0, 300));
      const records = (res.json as { value: Rec[] }).value;
      const wrong = records.filter((r) => !expected(r));
      assert.strictEqual(wrong.length, 0, `records that do not match: ${JSON.stringify(wrong[0])?.slice(0, 300)}`);
      if (records.length > 0) matchedSomething.add(filter);
    });
  }

  it('most accepted filters select some records (the data is rich enough to test them)', () => {
    const accepted = CASES.filter(([, , e]) => e !== 400).length;
    assert.ok(matchedSomething.size >= accepted - 8, `only ${matchedSomething.size} of ${accepted} matched anything`);
  });
});
