/**
 * The extension's Log Analytics client against the fake workspace, over real HTTPS with real MSAL
 * tokens: what comes back equals the fake tenant's own sign-ins, and every refusal is the service's.
 */
import * as assert from 'assert';
import { diagnose } from '../../../src/core/diagnose/classify';
import { ServiceError } from '../../../src/core/http/serviceError';
import { compileKql } from '../../../src/core/logAnalytics/compile';
import { LogAnalyticsApi } from '../../../src/core/logAnalytics/queryApi';
import { sliceQuery } from '../../../src/core/logAnalytics/slices';
import { workspaceTable } from '../../../src/core/logAnalytics/tables';
import { toGraphShape } from '../../../src/core/logAnalytics/toGraph';
import { betaExtras } from '../../../src/emulator/data/signInBeta';
import { isUnreadable, type SourceRecord } from '../../../src/core/records/untrusted';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { receivedMs } from '../../../src/emulator/data/workspaceRows';
import { ingestionLagMs, LAG_SALT, MAX_INGESTION_LAG_MS } from '../../../src/emulator/data/workspaceTables';
import { emulatorApi } from '../../support/emulatorApi';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const WORKSPACE = '90000000-0000-4000-8000-000000000001';
const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';
const NO_DATA_READ = 'c0000000-0000-4000-8000-00000000000b';
const NO_ROLE = 'c0000000-0000-4000-8000-00000000000c';
const DAY = 86_400_000;

describe('core/logAnalytics against the fake workspace (HTTPS, MSAL tokens)', function () {
  this.timeout(120_000);
  let emulator: Emulator;
  const api = async (clientId: string) => new LogAnalyticsApi((await emulatorApi(emulator, CONTOSO, clientId)).client, emulator.origin);

  before(async () => {
    emulator = await startEmulator({ signIns: 1500, throttling: false, workspaceRowLimit: 5000 });
  });
  after(async () => emulator?.close());

  it('failed interactive sign-ins of the last 60 days: exactly the fake tenant’s, newest first, reaching past Graph’s 7 days', async () => {
    const now = Date.now();
    const c = compileKql(workspaceTable('SigninLogs')!, { time: { kind: 'last', hours: 60 * 24 }, clauses: [], client: [{ kind: 'failuresOnly' }] }, { nowMs: now });
    const result = await (await api(FULL_APP)).query({ workspaceId: WORKSPACE, query: c.query, timespan: c.timespan });
    assert.strictEqual(result.partial, undefined);
    const data = emulator.datasets.get(CONTOSO)!;
    const truth = [...data.workspaceSignIns(c.range!.fromMs - 300_000, c.range!.toMs)]
      .filter((r) => r.eventType === 'interactiveUser' && (r.json.status as { errorCode: number }).errorCode !== 0)
      .map((r) => ({ id: String(r.json.id), received: receivedMs(r, data.seed) }))
      .filter((r) => r.received >= c.range!.fromMs && r.received <= c.range!.toMs)
      .sort((a, b) => b.received - a.received)
      .map((r) => r.id);
    const ids = result.records.map((r) => (isUnreadable(r) ? 'unreadable' : String(r.Id)));
    assert.deepStrictEqual(ids, truth);
    const oldest = Date.parse(String((result.records.at(-1) as SourceRecord).CreatedDateTime));
    assert.ok(oldest < now - 30 * DAY, `history beyond Graph's 30 days (oldest ${new Date(oldest).toISOString()})`);
  });

  it('a workspace sign-in becomes the Graph record of the same sign-in: status, location and conditional access', async () => {
    const data = emulator.datasets.get(CONTOSO)!;
    // A recent non-interactive sign-in: its table keeps the nested columns as strings of JSON.
    let index = 5;
    while (data.signIn(index).eventType !== 'nonInteractiveUser') index++;
    const recent = data.signIn(index);
    const table = 'AADNonInteractiveUserSignInLogs';
    const c = compileKql(workspaceTable(table)!, { time: { kind: 'last', hours: 24 * 8 }, clauses: [{ field: 'id', op: 'eq', values: [String(recent.json.id)] }], client: [] }, { nowMs: Date.now() });
    const result = await (await api(FULL_APP)).query({ workspaceId: WORKSPACE, query: c.query, timespan: c.timespan });
    assert.strictEqual(result.records.length, 1);
    const graph = toGraphShape(result.records[0], { workspaceId: WORKSPACE, table: workspaceTable(table)!.name }) as Record<string, unknown>;
    for (const key of ['id', 'userPrincipalName', 'appId', 'ipAddress', 'conditionalAccessStatus', 'appliedConditionalAccessPolicies', 'deviceDetail']) assert.deepStrictEqual(graph[key], recent.json[key], key);
    assert.deepStrictEqual((graph.status as Record<string, unknown>).errorCode, (recent.json.status as Record<string, unknown>).errorCode);
    assert.deepStrictEqual(graph.location, recent.json.location);
    assert.strictEqual(Date.parse(String(graph.createdDateTime)), Date.parse(String(recent.json.createdDateTime)));
    // And the fields Graph serves in beta only, which the workspace keeps as columns: a token theft reads the same.
    const beta = betaExtras(recent);
    for (const key of ['sessionId', 'incomingTokenType', 'originalTransferMethod', 'authenticationProtocol', 'authenticationRequirement', 'autonomousSystemNumber', 'authenticationDetails', 'authenticationProcessingDetails', 'tokenProtectionStatusDetails', 'signInTokenProtectionStatus', 'clientCredentialType', 'userType', 'crossTenantAccessType', 'tokenIssuerType', 'uniqueTokenIdentifier', 'originalRequestId']) {
      assert.deepStrictEqual(graph[key], beta[key], key);
    }
    assert.ok(typeof graph.sessionId === 'string' && typeof graph.autonomousSystemNumber === 'number', 'a user sign-in has a session and a network');
  });

  it('audits, provisioning, risk detections and risky users: a range of each table is the fake tenant’s Graph records of that range, in Graph’s shape', async () => {
    const data = emulator.datasets.get(CONTOSO)!;
    const nowMs = Date.now();
    const client = await api(FULL_APP);
    const read = async (name: string, days: number) => {
      const table = workspaceTable(name)!;
      const c = compileKql(table, { time: { kind: 'last', hours: 24 * days }, clauses: [], client: [] }, { nowMs });
      const result = await client.query({ workspaceId: WORKSPACE, query: c.query, timespan: c.timespan });
      assert.strictEqual(result.partial, undefined, name);
      const records = result.records.map((r) => {
        const { workspaceSource, ...graph } = toGraphShape(r, { workspaceId: WORKSPACE, table: table.name }) as Record<string, unknown>;
        assert.deepStrictEqual(workspaceSource, { workspaceId: WORKSPACE, table: name, timeGenerated: (r as SourceRecord).TimeGenerated }, `${name}: where the row came from`);
        return graph;
      });
      return { records, range: c.range! };
    };
    const inRange = (range: { fromMs: number; toMs: number }, receivedMs: number) => receivedMs >= range.fromMs && receivedMs <= range.toMs;
    const byId = (list: Record<string, unknown>[]) => [...list].sort((a, b) => String(a.id).localeCompare(String(b.id)) || String(a.riskLastUpdatedDateTime).localeCompare(String(b.riskLastUpdatedDateTime)));

    // 60 days: Graph's 7, then the history only the workspace keeps.
    const audits = await read('AuditLogs', 60);
    const auditTruth = [...data.workspaceAudits(audits.range.fromMs - MAX_INGESTION_LAG_MS, audits.range.toMs)].filter(({ key, record }) => inRange(audits.range, Date.parse(String(record.activityDateTime)) + ingestionLagMs(data.seed, LAG_SALT.audit, key))).map((x) => x.record);
    assert.ok(auditTruth.length > 300 && auditTruth.some((a) => Date.parse(String(a.activityDateTime)) < nowMs - 30 * DAY), `audits reach past Graph's span (${auditTruth.length})`);
    assert.deepStrictEqual(byId(audits.records), byId(auditTruth));

    const provisioning = await read('AADProvisioningLogs', 60);
    const provisioningTruth = [...data.workspaceProvisioning(provisioning.range.fromMs - MAX_INGESTION_LAG_MS, provisioning.range.toMs)].filter(({ key, record }) => inRange(provisioning.range, Date.parse(String(record.activityDateTime)) + ingestionLagMs(data.seed, LAG_SALT.provisioning, key))).map((x) => x.record);
    assert.ok(provisioningTruth.length > 50);
    assert.deepStrictEqual(byId(provisioning.records), byId(provisioningTruth));

    const risk = await read('AADUserRiskEvents', 30);
    const riskTruth = Array.from({ length: data.riskDetectionCount }, (_, j) => ({ j, record: data.riskDetection(j) })).filter(({ j, record }) => inRange(risk.range, Date.parse(String(record.lastUpdatedDateTime)) + ingestionLagMs(data.seed, LAG_SALT.riskDetection, j))).map((x) => x.record);
    assert.ok(riskTruth.length > 5);
    assert.deepStrictEqual(byId(risk.records), byId(riskTruth));

    // A row per change of a risky user: the newest row of each is Graph's riskyUser as it stands.
    const risky = await read('AADRiskyUsers', 30);
    const newest = new Map<string, Record<string, unknown>>();
    for (const r of risky.records) if (String(newest.get(String(r.id))?.riskLastUpdatedDateTime ?? '') < String(r.riskLastUpdatedDateTime)) newest.set(String(r.id), r);
    const current = [...data.riskyUsers.values()].map(({ history: _history, ...u }) => u);
    assert.deepStrictEqual(byId([...newest.values()]), byId(current));
    assert.strictEqual(risky.records.length, [...data.riskyUsers.values()].reduce((n, u) => n + u.history.length, 0));
  });

  it('refuses as the service does: no Data.Read, no role on the workspace, a syntax error with its place, a table it does not receive', async () => {
    const refusal = async (clientId: string, query: string) => {
      try {
        await (await api(clientId)).query({ workspaceId: WORKSPACE, query });
      } catch (e) {
        // What the user reads: the catalogued title for the exact cause.
        if (e instanceof ServiceError) return `${e.status} ${e.code}/${e.innerCode ?? ''}: ${diagnose(e).explanation?.title ?? 'no explanation'}`;
        throw e;
      }
      return 'answered';
    };
    assert.strictEqual(await refusal(NO_DATA_READ, 'SigninLogs | take 1'), '403 InsufficientAccessError/MissingPermission: Data.Read is missing');
    assert.strictEqual(await refusal(NO_ROLE, 'SigninLogs | take 1'), '403 InsufficientAccessError/AuthorizationFailed: No role on the workspace');
    assert.strictEqual(await refusal(FULL_APP, 'SigninLogs | where '), '400 BadArgumentError/SyntaxError: The KQL does not parse');
    assert.strictEqual(await refusal(FULL_APP, 'AADManagedIdentitySignInLogs | take 1'), '400 BadArgumentError/SemanticError: The query names something the workspace does not have');
    await assert.rejects((await api(FULL_APP)).query({ workspaceId: '90000000-0000-4000-8000-0000000000ff', query: 'SigninLogs' }), (e: unknown) => e instanceof ServiceError && e.status === 404 && e.code === 'WorkspaceNotFoundError');
  });

  it('an answer larger than the size limit: the rows that fit and a partial result; slicing narrows until every row comes, each once', async () => {
    const small = await startEmulator({ signIns: 1500, throttling: false, workspaceSizeLimit: 400_000 });
    try {
      const client = new LogAnalyticsApi((await emulatorApi(small, CONTOSO, FULL_APP)).client, small.origin);
      const whole = await client.query({ workspaceId: WORKSPACE, query: 'SigninLogs | sort by TimeGenerated desc' });
      assert.strictEqual(whole.partial?.code, 'PartialError');
      assert.match(whole.partial?.message ?? '', /data size limit 400000/);
      assert.ok(whole.records.length > 10, `${whole.records.length} rows fit`);
      const nowMs = Date.now();
      const range = { fromMs: nowMs - 20 * DAY, toMs: nowMs };
      const ids: string[] = [];
      const slices = sliceQuery(client, { workspaceId: WORKSPACE, table: workspaceTable('SigninLogs')!, model: { time: { kind: 'all' }, clauses: [], client: [] }, range }, { nowMs });
      let narrowed = 0;
      for (;;) {
        const next = await slices.next();
        if (next.done) {
          narrowed = next.value.narrowed;
          break;
        }
        ids.push(...next.value.records.map((r) => String((r as SourceRecord).Id)));
      }
      const data = small.datasets.get(CONTOSO)!;
      const truth = [...data.workspaceSignIns(range.fromMs - 300_000, range.toMs)]
        .filter((r) => r.eventType === 'interactiveUser')
        .map((r) => ({ id: String(r.json.id), at: receivedMs(r, data.seed) }))
        .filter((r) => r.at >= range.fromMs && r.at < range.toMs)
        .sort((a, b) => b.at - a.at)
        .map((r) => r.id);
      assert.ok(narrowed > 0, 'slices were narrowed on the size limit');
      assert.deepStrictEqual(ids, truth);
    } finally {
      await small.close();
    }
  });

  it('more rows than the cap: the rows up to it, and a partial result that says why', async () => {
    const result = await (await api(FULL_APP)).query({ workspaceId: WORKSPACE, query: 'AADNonInteractiveUserSignInLogs | project Id, TimeGenerated' });
    assert.strictEqual(result.records.length, 5000);
    assert.strictEqual(result.partial?.code, 'PartialError');
    assert.deepStrictEqual(result.columns.map((c) => c.name), ['Id', 'TimeGenerated']);
  });
});
