import * as assert from 'assert';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { appToken, CONTOSO, FABRIKAM, FABRIKAM_APP, FULL_APP, type HttpResult, LIMITED_APP, NO_IDP_APP, request } from '../../support/emulatorClient';

type Page = { value: Record<string, unknown>[]; '@odata.nextLink'?: string; '@odata.context': string };
const errorOf = (r: HttpResult) => (r.json as { error: { code: string; message: string } }).error;

describe('fake tenant: Graph identity-log endpoints', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  const tokens: Record<string, string> = {};
  const get = (path: string, app = FULL_APP) => request(emulator, path.startsWith('http') ? path : `${emulator.origin}${path}`, { token: tokens[app] });

  before(async () => {
    emulator = await startEmulator({ signIns: 4000, throttling: false });
    for (const app of [FULL_APP, LIMITED_APP, NO_IDP_APP]) tokens[app] = await appToken(emulator, CONTOSO, app);
    tokens[FABRIKAM_APP] = await appToken(emulator, FABRIKAM, FABRIKAM_APP);
  });
  after(() => emulator.close());

  describe('the seed documents’ example queries', () => {
    it("riskDetections?$filter=detectionTimingType eq 'offline'", async () => {
      const res = await get("/v1.0/identityProtection/riskDetections?$filter=detectionTimingType eq 'offline'");
      assert.strictEqual(res.status, 200);
      const v = (res.json as Page).value;
      assert.ok(v.length > 0 && v.every((r) => r.detectionTimingType === 'offline'));
    });

    it("riskyUsers?$filter=riskDetail eq 'userPassedMFADrivenByRiskBasedPolicy'", async () => {
      const res = await get("/v1.0/identityProtection/riskyUsers?$filter=riskDetail eq 'userPassedMFADrivenByRiskBasedPolicy'");
      assert.strictEqual(res.status, 200);
      const v = (res.json as Page).value;
      assert.ok(v.length > 0 && v.every((r) => r.riskDetail === 'userPassedMFADrivenByRiskBasedPolicy'));
    });

    it('signIns/{id} with a GUID returns one object, not a collection', async () => {
      const first = (await get('/v1.0/auditLogs/signIns?$top=5')).json as Page;
      const id = String(first.value[3].id);
      const res = await get(`/v1.0/auditLogs/signIns/${id}`);
      assert.strictEqual(res.status, 200);
      const body = res.json as Record<string, unknown>;
      assert.strictEqual(body.id, id);
      assert.strictEqual('value' in body, false);
      assert.deepStrictEqual({ ...body, '@odata.context': undefined }, { ...first.value[3], '@odata.context': undefined });
    });

    it('signIns/{id} for an unknown GUID is 404', async () => {
      const res = await get('/v1.0/auditLogs/signIns/00000000-1111-4222-8333-444444444444');
      assert.strictEqual(res.status, 404);
      assert.strictEqual(errorOf(res).code, 'Request_ResourceNotFound');
    });
  });

  describe('paging', () => {
    it('pages newest first with absolute next links that repeat the query', async () => {
      const filter = "location/countryOrRegion eq 'US'";
      let url: string | undefined = `/v1.0/auditLogs/signIns?$top=100&$filter=${encodeURIComponent(filter)}`;
      const ids: string[] = [];
      let last = Infinity;
      let pages = 0;
      while (url) {
        const res = await get(url);
        assert.strictEqual(res.status, 200, res.text);
        const page = res.json as Page;
        for (const r of page.value) {
          const t = Date.parse(String(r.createdDateTime));
          assert.ok(t <= last, 'newest first');
          last = t;
          ids.push(String(r.id));
        }
        url = page['@odata.nextLink'];
        if (url) {
          const u = new URL(url);
          assert.strictEqual(u.origin, emulator.origin);
          assert.strictEqual(u.searchParams.get('$filter'), filter);
          assert.strictEqual(u.searchParams.get('$top'), '100');
          assert.ok(u.searchParams.get('$skiptoken'));
        }
        pages++;
      }
      assert.ok(pages > 3);
      assert.strictEqual(new Set(ids).size, ids.length, 'no duplicates');
    });

    it('caps $top at 1,000 for reports and 500 for Identity Protection; riskDetections default to 20', async () => {
      assert.strictEqual(((await get('/v1.0/auditLogs/signIns?$top=5000')).json as Page).value.length, 1000);
      assert.strictEqual(((await get('/v1.0/identityProtection/riskDetections?$top=999')).json as Page).value.length, Math.min(500, emulator.datasets.get(CONTOSO)!.riskDetectionCount));
      assert.strictEqual(((await get('/v1.0/identityProtection/riskDetections')).json as Page).value.length, 20);
    });

    it('supports $orderby createdDateTime asc and refuses other orderings', async () => {
      const asc = ((await get('/v1.0/auditLogs/signIns?$top=50&$orderby=createdDateTime asc')).json as Page).value.map((r) => Date.parse(String(r.createdDateTime)));
      assert.deepStrictEqual(asc, [...asc].sort((a, b) => a - b));
      assert.strictEqual((await get('/v1.0/auditLogs/signIns?$orderby=userPrincipalName')).status, 400);
    });

    it('supports $select on Identity Protection and refuses unknown properties', async () => {
      const v = ((await get('/v1.0/identityProtection/riskyUsers?$select=userPrincipalName,riskLevel')).json as Page).value;
      assert.deepStrictEqual(Object.keys(v[0]).sort(), ['id', 'riskLevel', 'userPrincipalName']);
      assert.strictEqual((await get('/v1.0/identityProtection/riskyUsers?$select=password')).status, 400);
    });
  });

  describe('permissions and licences (exact 403s)', () => {
    it('an app without Directory.Read.All gets the premium-licence error on sign-ins', async () => {
      const res = await get('/v1.0/auditLogs/signIns', LIMITED_APP);
      assert.strictEqual(res.status, 403);
      assert.deepStrictEqual([errorOf(res).code, errorOf(res).message], ['Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license"]);
    });

    it('a free tenant cannot read sign-ins but can read directory audits', async () => {
      const res = await get('/v1.0/auditLogs/signIns', FABRIKAM_APP);
      assert.strictEqual(errorOf(res).code, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant');
      assert.strictEqual((await get('/v1.0/auditLogs/directoryAudits?$top=3', FABRIKAM_APP)).status, 200);
    });

    it('an app without Identity Protection permissions gets Authentication_MSGraphPermissionMissing', async () => {
      const res = await get('/v1.0/identityProtection/riskDetections', NO_IDP_APP);
      assert.strictEqual(res.status, 403);
      assert.deepStrictEqual([errorOf(res).code, errorOf(res).message], ['Authentication_MSGraphPermissionMissing', 'Calling principal does not have required MSGraph permissions IdentityRiskEvent.Read.All']);
    });

    it('omits appliedConditionalAccessPolicies without a policy permission, and includes it with one', async () => {
      const withCa = ((await get('/v1.0/auditLogs/signIns?$top=20')).json as Page).value;
      assert.ok(withCa.every((r) => Array.isArray(r.appliedConditionalAccessPolicies)));
      const noCa = ((await get('/v1.0/auditLogs/signIns?$top=20', NO_IDP_APP)).json as Page).value;
      assert.strictEqual(noCa.length, 20);
      assert.ok(noCa.every((r) => !('appliedConditionalAccessPolicies' in r)));
    });

    it('generates risk details as hidden for tenants without P2', async () => {
      const res = await get('/v1.0/auditLogs/directoryAudits?$top=1', FABRIKAM_APP);
      assert.strictEqual(res.status, 200);
      const fabrikam = emulator.datasets.get(FABRIKAM)!;
      assert.strictEqual(fabrikam.signIn(5).json.riskLevelDuringSignIn, 'hidden');
    });

    it('refuses a token without the bearer scheme, a forged token, and a Management API token', async () => {
      assert.strictEqual((await request(emulator, `${emulator.origin}/v1.0/auditLogs/signIns`)).status, 401);
      const forged = tokens[FULL_APP].replace(/\.[^.]+$/, '.AAAA');
      assert.strictEqual((await request(emulator, `${emulator.origin}/v1.0/auditLogs/signIns`, { token: forged })).status, 401);
      const manage = await appToken(emulator, CONTOSO, FULL_APP, 'https://manage.office.com');
      assert.strictEqual((await request(emulator, `${emulator.origin}/v1.0/auditLogs/signIns`, { token: manage })).status, 401);
    });
  });

  describe('risky user actions', () => {
    const post = (action: string, userIds: unknown, app = FULL_APP) =>
      request(emulator, `${emulator.origin}/v1.0/identityProtection/riskyUsers/${action}`, { method: 'POST', token: tokens[app], body: JSON.stringify({ userIds }) });

    it('dismiss sets riskState dismissed and riskLevel none, and adds history', async () => {
      const users = ((await get("/v1.0/identityProtection/riskyUsers?$filter=riskState eq 'atRisk'")).json as Page).value;
      const id = String(users[0].id);
      const before = ((await get(`/v1.0/identityProtection/riskyUsers/${id}/history`)).json as Page).value.length;
      const res = await post('dismiss', [id]);
      assert.strictEqual(res.status, 204);
      const after = (await get(`/v1.0/identityProtection/riskyUsers/${id}`)).json as Record<string, unknown>;
      assert.deepStrictEqual([after.riskState, after.riskLevel, after.riskDetail], ['dismissed', 'none', 'adminDismissedAllRiskForUser']);
      const history = ((await get(`/v1.0/identityProtection/riskyUsers/${id}/history`)).json as Page).value;
      assert.strictEqual(history.length, before + 1);
      assert.strictEqual(history[0].initiatedBy, FULL_APP);
    });

    it('confirmCompromised sets riskLevel high and riskState confirmedCompromised', async () => {
      const users = ((await get("/v1.0/identityProtection/riskyUsers?$filter=riskState eq 'remediated'")).json as Page).value;
      const id = String(users[0].id);
      assert.strictEqual((await post('confirmCompromised', [id])).status, 204);
      const after = (await get(`/v1.0/identityProtection/riskyUsers/${id}`)).json as Record<string, unknown>;
      assert.deepStrictEqual([after.riskLevel, after.riskState], ['high', 'confirmedCompromised']);
    });

    it('dismiss refuses more than 60 ids', async () => {
      const ids = Array.from({ length: 61 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
      const res = await post('dismiss', ids);
      assert.strictEqual(res.status, 400);
      assert.match(errorOf(res).message, /at most 60/);
      assert.strictEqual((await post('dismiss', ids.slice(0, 60))).status, 204);
    });

    it('needs IdentityRiskyUser.ReadWrite.All', async () => {
      const res = await post('dismiss', ['a0000000-0000-4000-8000-000000000001'], LIMITED_APP);
      assert.strictEqual(res.status, 403);
      assert.strictEqual(errorOf(res).message, 'Calling principal does not have required MSGraph permissions IdentityRiskyUser.ReadWrite.All');
    });
  });

  describe('risky service principals', () => {
    const spPost = (action: string, servicePrincipalIds: unknown, app = FULL_APP) =>
      request(emulator, `${emulator.origin}/v1.0/identityProtection/riskyServicePrincipals/${action}`, { method: 'POST', token: tokens[app], body: JSON.stringify({ servicePrincipalIds }) });

    it('lists workload identities at risk, and confirmCompromised / dismiss change them with history', async () => {
      const list = ((await get('/v1.0/identityProtection/riskyServicePrincipals')).json as Page).value;
      assert.ok(list.length >= 3, `${list.length} risky service principals`);
      const target = list.find((p) => p.riskState === 'atRisk')!;
      assert.ok(target && typeof target.appId === 'string' && typeof target.displayName === 'string');
      assert.strictEqual((await spPost('confirmCompromised', [target.id])).status, 204);
      let after = (await get(`/v1.0/identityProtection/riskyServicePrincipals/${String(target.id)}`)).json as Record<string, unknown>;
      assert.deepStrictEqual([after.riskLevel, after.riskState, after.riskDetail], ['high', 'confirmedCompromised', 'adminConfirmedServicePrincipalCompromised']);
      assert.strictEqual((await spPost('dismiss', [target.id])).status, 204);
      after = (await get(`/v1.0/identityProtection/riskyServicePrincipals/${String(target.id)}`)).json as Record<string, unknown>;
      assert.deepStrictEqual([after.riskLevel, after.riskState], ['none', 'dismissed']);
      const history = ((await get(`/v1.0/identityProtection/riskyServicePrincipals/${String(target.id)}/history`)).json as Page).value;
      assert.deepStrictEqual(
        history.slice(0, 2).map((h) => h.riskState),
        ['dismissed', 'confirmedCompromised'],
      );
      assert.strictEqual(history[0].initiatedBy, FULL_APP);
    });

    it('servicePrincipalRiskDetections: each principal\'s detections by its id, naming its app; their state follows the principal\'s', async () => {
      const list = ((await get('/v1.0/identityProtection/riskyServicePrincipals')).json as Page).value;
      const target = list.find((p) => p.riskState === 'atRisk')!;
      const url = `/v1.0/identityProtection/servicePrincipalRiskDetections?$filter=${encodeURIComponent(`servicePrincipalId eq '${String(target.id)}'`)}`;
      const detections = ((await get(url)).json as Page).value;
      assert.ok(detections.length >= 1);
      for (const d of detections) {
        assert.deepStrictEqual([d.servicePrincipalId, d.appId, d.servicePrincipalDisplayName, d.activity, d.riskState], [target.id, target.appId, target.displayName, 'servicePrincipal', 'atRisk']);
        assert.ok(!('userId' in d), 'a workload detection names no user');
      }
      const all = ((await get('/v1.0/identityProtection/servicePrincipalRiskDetections?$top=500')).json as Page).value;
      assert.ok(all.some((d) => d.servicePrincipalId !== target.id), 'the unfiltered list holds the other principals too');
      assert.strictEqual((await get(`/v1.0/identityProtection/servicePrincipalRiskDetections?$filter=${encodeURIComponent("userId eq 'x'")}`)).status, 400, 'no user filter on workload detections');
      assert.strictEqual((await spPost('dismiss', [target.id])).status, 204);
      assert.ok(((await get(url)).json as Page).value.every((d) => d.riskState === 'dismissed'));
      assert.strictEqual((await get(url, LIMITED_APP)).status, 403, 'the risky service principal read permission is needed');
    });

    it('needs IdentityRiskyServicePrincipal permissions, not the risky-user ones', async () => {
      assert.strictEqual((await get('/v1.0/identityProtection/riskyServicePrincipals', LIMITED_APP)).status, 403);
      const res = await spPost('dismiss', ['8e7f6051-2b3c-4d4e-9f50-617283940516'], LIMITED_APP);
      assert.strictEqual(res.status, 403);
      assert.match(errorOf(res).message, /IdentityRiskyServicePrincipal\.ReadWrite\.All/);
    });
  });

  describe('risk actions: the log tests count calls by, and a reset after the change', () => {
    it('records each call with its ids and status; a scripted reset applies the change and drops the answer', async () => {
      const start = emulator.riskActions().length;
      const users = ((await get("/v1.0/identityProtection/riskyUsers?$filter=riskState eq 'atRisk'")).json as Page).value;
      const id = String(users[0].id);
      emulator.faults.enqueue({ kind: 'reset', pathContains: 'riskyUsers/confirmCompromised' });
      const res = await request(emulator, `${emulator.origin}/v1.0/identityProtection/riskyUsers/confirmCompromised`, { method: 'POST', token: tokens[FULL_APP], body: JSON.stringify({ userIds: [id] }) }).catch((e: unknown) => e);
      assert.ok(res instanceof Error, 'the connection was reset');
      const after = (await get(`/v1.0/identityProtection/riskyUsers/${id}`)).json as Record<string, unknown>;
      assert.strictEqual(after.riskState, 'confirmedCompromised', 'the change was made');
      const log = emulator.riskActions().slice(start);
      assert.deepStrictEqual(log, [{ collection: 'riskyUsers', action: 'confirmCompromised', ids: [id], status: -1 }]);
    });
  });

  describe('linked data', () => {
    it('risk detections share requestId and correlationId with their sign-ins', async () => {
      const detections = ((await get('/v1.0/identityProtection/riskDetections?$top=5')).json as Page).value;
      for (const d of detections) {
        const s = (await get(`/v1.0/auditLogs/signIns/${String(d.requestId)}`)).json as Record<string, unknown>;
        assert.strictEqual(s.correlationId, d.correlationId);
        assert.strictEqual(s.userId, d.userId);
        assert.ok((s.riskEventTypes_v2 as string[]).includes(String(d.riskEventType)));
      }
    });

    it('a verdict on a sign-in closes its risk detections: their state and detail follow it, updated at the verdict', async () => {
      const detections = ((await get("/v1.0/identityProtection/riskDetections?$filter=riskState eq 'atRisk'&$top=50")).json as Page).value;
      const d = detections.find((r) => r.riskDetail !== 'hidden') ?? detections[0];
      const requestId = String(d.requestId);
      const before = Date.now();
      const res = await request(emulator, `${emulator.origin}/v1.0/auditLogs/signIns/confirmSafe`, { method: 'POST', token: tokens[FULL_APP], body: JSON.stringify({ requestIds: [requestId] }) });
      assert.strictEqual(res.status, 204);
      const after = ((await get(`/v1.0/identityProtection/riskDetections?$filter=${encodeURIComponent(`requestId eq '${requestId}'`)}`)).json as Page).value;
      assert.deepStrictEqual(after.map((r) => [r.id, r.riskState, r.riskDetail]), [[d.id, 'confirmedSafe', 'adminConfirmedSigninSafe']]);
      assert.ok(Math.abs(Date.parse(String(after[0].lastUpdatedDateTime)) - before) < 30_000, `updated at the verdict, not ${String(after[0].lastUpdatedDateTime)}`);
      const closed = ((await get("/v1.0/identityProtection/riskDetections?$filter=riskState eq 'confirmedSafe'&$top=500")).json as Page).value;
      assert.ok(closed.some((r) => r.id === d.id), 'a filter on the state finds it');
    });

    it('the beta endpoint adds signInEventTypes and authentication details', async () => {
      const v = ((await get('/beta/auditLogs/signIns?$top=3')).json as Page).value;
      assert.ok(v.every((r) => Array.isArray(r.signInEventTypes) && Array.isArray(r.authenticationDetails)));
    });
  });
});

describe('fake tenant: wide sign-in queries and retention', function () {
  this.timeout(30_000);
  let emulator: Emulator;
  let token: string;
  before(async () => {
    emulator = await startEmulator({ signIns: 2000, throttling: false, timeScale: 0.001, wideQuerySecondsPerDay: 60, gatewayTimeoutSeconds: 300 });
    token = await appToken(emulator, CONTOSO, FULL_APP);
  });
  after(() => emulator.close());

  const since = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  it('times out (504) on a filtered query over a window wider than the gateway allows', async () => {
    const res = await request(emulator, `${emulator.origin}/v1.0/auditLogs/signIns?$filter=${encodeURIComponent(`createdDateTime ge ${since(6)}`)}`, { token });
    assert.strictEqual(res.status, 504);
    assert.strictEqual(errorOf(res).code, 'GatewayTimeout');
  });

  it('answers the same query over a narrow window', async () => {
    const res = await request(emulator, `${emulator.origin}/v1.0/auditLogs/signIns?$filter=${encodeURIComponent(`createdDateTime ge ${since(1)}`)}`, { token });
    assert.strictEqual(res.status, 200);
  });
});
