import { readable } from '../../src/core/records/untrusted';
import * as assert from 'assert';
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { AppCredential } from '../../src/core/auth/credentials';
import { createAgents, msalNetworkClient } from '../../src/core/auth/networkClient';
import { MemorySecretStore } from '../../src/core/auth/secretStore';
import { cloudById, localEndpoints } from '../../src/core/clouds';
import { allowedOrigins } from '../../src/core/http/allowlist';
import { ApiClient } from '../../src/core/http/client';
import { SYSTEM_CLOCK } from '../../src/core/http/clock';
import { Pacer } from '../../src/core/http/pacer';
import { DEFAULT_RETRY } from '../../src/core/http/retry';
import { httpTransport } from '../../src/core/http/transport';
import { NULL_LOGGER } from '../../src/core/log/redact';
import { ManageApi } from '../../src/core/o365/manageApi';
import { DEMO_APP_ID, DEMO_TENANT_ID, DemoTenant } from '../../src/vscode/demo/demoTenant';
import type { IdentityLogsApi } from '../../src/vscode/testing/testApi';
import type { ResultsPanel } from '../../src/vscode/results/resultsPanel';
import type { TimelineData } from '../../src/core/timeline/readTimeline';
import { timelineRows } from '../../src/core/timeline/timeline';
import type { PermissionReport } from '../../src/core/diagnose/report';

const EXTENSION_ID = 'identity-log-explorer.identity-log-explorer';

describe('Demo tenant inside VS Code (no network, no settings)', function () {
  this.timeout(120_000);
  let api: IdentityLogsApi;
  let key: string;

  before(async () => {
    api = (await vscode.extensions.getExtension<IdentityLogsApi>(EXTENSION_ID)!.activate()) as IdentityLogsApi;
    assert.strictEqual(api.fakeTenantOrigin(), undefined, 'no fake-tenant settings are needed');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (!key) return;
    api.prompts.answer(true);
    await vscode.commands.executeCommand('identityLogs.removeTenant', key);
  });

  it('adds a signed-in tenant labelled as the demo', async () => {
    key = await vscode.commands.executeCommand<string>('identityLogs.addDemoTenant');
    const tenant = api.tenants().find((t) => t.key === key);
    assert.strictEqual(tenant?.target, 'demo');
    // The demo's own bundle loaded now, on first use (activation did not load it).
    const dist = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist');
    assert.ok(require.cache[path.join(dist, 'demo-tenant.js')], 'the demo tenant runs from its own bundle');
    // Signing in loaded MSAL from its own bundle too.
    assert.ok(require.cache[path.join(dist, 'msal.js')], 'MSAL runs from its own bundle');
    const report = await vscode.commands.executeCommand<PermissionReport>('identityLogs.diagnosePermissions', key);
    assert.strictEqual(report.tokenError, undefined);
    assert.ok(report.checks.every((c) => c.ok));
  });

  it('comes with its workspace: 60 days of failed sign-ins from SigninLogs, through the KQL parser loaded from its own bundle', async () => {
    const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runWorkspaceQuery', { tenantKey: key, workspaceId: '90000000-0000-4000-8000-000000000001', table: 'SigninLogs', model: { time: { kind: 'last', hours: 24 * 60 }, clauses: [], client: [{ kind: 'failuresOnly' }] } });
    assert.ok(panel, 'the demo workspace answered');
    await panel.loading;
    const rows = readable(await panel.loadedRecords());
    assert.ok(rows.length > 0, 'failed sign-ins in the workspace');
    assert.ok(rows.every((r) => (r.status as { errorCode?: unknown }).errorCode !== 0), 'failures only');
    // The fake workspace read the KQL with Microsoft's parser, which ships once, in its own bundle.
    const dist = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist');
    assert.ok(require.cache[path.join(dist, 'kusto-runtime.js')], 'the KQL parser runs from its own bundle');
  });

  for (const category of ['signIns.interactive', 'signIns.nonInteractive', 'signIns.servicePrincipal', 'signIns.managedIdentity', 'directoryAudits', 'provisioning', 'riskDetections', 'riskyUsers']) {
    it(`${category} returns rows from the demo tenant`, async () => {
      const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runQuery', { tenantKey: key, category, model: { time: { kind: 'all' }, clauses: [], client: [] } });
      await panel.loading;
      assert.ok(readable(await panel.loadedRecords()).length > 0, `${category}: no rows`);
      assert.match(panel.panel.title, /\(Demo\)$/);
    });
  }

  it('the seeded password spray is there to find: one address of its network failed against many users of the tenant', async () => {
    const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runQuery', { tenantKey: key, category: 'signIns.interactive', model: { time: { kind: 'all' }, clauses: [{ field: 'ipAddress', op: 'eq', values: ['203.0.113.17'] }], client: [] } });
    await panel.loading;
    const rows = readable(await panel.loadedRecords()) as { userId: string; userAgent: string; status: { errorCode: number } }[];
    assert.ok(rows.length >= 7, `${rows.length} sign-ins from the spray's address`);
    assert.ok(new Set(rows.map((r) => r.userId)).size >= 6, 'many users from one address');
    assert.ok(rows.every((r) => r.userAgent === 'BAV2ROPC'));
    assert.ok(rows.filter((r) => r.status.errorCode === 50126).length >= rows.length - 2, 'mostly wrong passwords');
  });

  it('leads to its seeded attack story: each beat opens where it shows (a timeline, or the attacker\'s network)', async () => {
    const story = (beat: string) => vscode.commands.executeCommand<unknown>('identityLogs.demo.showStory', { beat });
    const phish = (await story('phish')) as TimelineData;
    assert.ok(phish.records.some((r) => r.authenticationProtocol === 'deviceCode'), 'the device-code sign-in');
    assert.ok(timelineRows(phish.entries).some((r) => r.kind === 'move' && r.leg.impossible), 'the refresh from another continent is impossible travel');
    const fatigue = (await story('fatigue')) as TimelineData;
    assert.ok(fatigue.entries.filter((e) => e.title.includes('500121')).length >= 3, 'push after push denied');
    const admin = (await story('admin')) as TimelineData;
    assert.ok(admin.entries.filter((e) => e.source === 'auditsBy').length >= 2, 'the admin\'s changes from the unfamiliar address');
    assert.ok(admin.entries.some((e) => e.source === 'riskDetections'), 'and the risk detection');
    const spray = (await story('spray')) as ResultsPanel;
    await spray.loading;
    const shown = readable((await spray.resultsDocument()).value) as { autonomousSystemNumber?: number; userId: string; status: { errorCode: number } }[];
    assert.ok(shown.length >= 36 && shown.every((r) => r.autonomousSystemNumber === 64500), `${shown.length} sign-ins from the spray's network`);
    assert.ok(new Set(shown.map((r) => r.userId)).size >= 12, 'a dozen users');
    assert.strictEqual(shown.filter((r) => r.status.errorCode === 0).length >= 1, true, 'one of them fell');
  });

  it('triage on the demo tenant lasts until "Reset Demo Tenant", which brings the starting data back', async () => {
    const atRisk = async () => {
      const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runQuery', { tenantKey: key, category: 'riskyUsers', model: { time: { kind: 'all' }, clauses: [], client: [] } });
      await panel.loading;
      return readable(await panel.loadedRecords()).filter((r) => r.riskState === 'atRisk').map((r) => String(r.id));
    };
    const before = await atRisk();
    assert.ok(before.length > 3, `${before.length} users at risk`);
    api.prompts.answer(true);
    await vscode.commands.executeCommand('identityLogs.triage.dismiss', { tenantKey: key, subject: 'users', ids: [before[0]] });
    const after = await atRisk();
    assert.ok(!after.includes(before[0]), 'dismissed in the demo tenant');
    assert.strictEqual(after.length, before.length - 1);
    await vscode.commands.executeCommand('identityLogs.resetDemoTenant');
    assert.deepStrictEqual((await atRisk()).sort(), [...before].sort(), 'back to how it started');
  });

  it('Office 365 activity works on the demo tenant: a subscription starts and 24 hours of content fill the grid', async () => {
    const ref = { tenantKey: key, contentType: 'Audit.AzureActiveDirectory' };
    assert.match(String(await vscode.commands.executeCommand('identityLogs.o365.startSubscription', ref)), /^(started|alreadyEnabled|throttled)$/);
    const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.o365.browse', { ...ref, hours: 24 });
    assert.ok(panel, 'a results panel opened');
    await panel.loading;
    assert.ok(readable(await panel.loadedRecords()).length > 50, `${readable(await panel.loadedRecords()).length} records`);
    assert.match(panel.panel.title, /\(Demo\)$/);
  });
});

describe('Demo tenant across a reload (its time anchor and its state are kept until Reset)', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idlog-demo-reload-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the demo tenant in a user\'s extension host serves no control endpoint (they list the fake apps\' secrets)', async () => {
    const demoTenant = new DemoTenant(vscode.Uri.file(dir));
    const e = await demoTenant.ensureStarted();
    // The demo serves HTTPS with its own CA: trust exactly that CA for these requests.
    const get = (route: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        https
          .get(`${e.origin}${route}`, { ca: e.caPem }, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          })
          .on('error', reject);
      });
    try {
      for (const route of ['/_emulator/info', '/_emulator/faults', '/_emulator/devicecode/pending']) {
        const res = await get(route);
        assert.notStrictEqual(res.status, 200, route);
        assert.ok(!res.body.includes(e.secret), `${route} leaks the demo app's secret`);
      }
      // The service itself answers: the endpoint is gone, not the server.
      assert.strictEqual((await get(`/${DEMO_TENANT_ID}/v2.0/.well-known/openid-configuration`)).status, 200);
    } finally {
      demoTenant.dispose();
    }
  });

  it('a second start (a reload) serves the same data: same anchor, same Office 365 subscription; Reset starts afresh', async () => {
    const storage = vscode.Uri.file(dir);
    const first = new DemoTenant(storage);
    const a = await first.ensureStarted();
    // A subscription started before the reload, through the demo's own Management API. Each start
    // of the demo has its own server certificate: a client is made for the endpoint it talks to.
    const clientFor = async (e: { origin: string; caPem: string; secret: string }) => {
      const agents = createAgents({ ca: e.caPem });
      const credential = new AppCredential('clientSecret', { tenantKey: 'reload', tenant: DEMO_TENANT_ID, clientId: DEMO_APP_ID, endpoints: localEndpoints(cloudById('global'), e.origin), secrets: new MemorySecretStore(), network: msalNetworkClient(agents), log: NULL_LOGGER });
      await credential.signIn(e.secret);
      return new ApiClient({ fetch: httpTransport(agents), tokens: async (r) => (await credential.getToken(r)).token, origins: allowedOrigins(localEndpoints(cloudById('global'), e.origin)), clock: SYSTEM_CLOCK, random: Math.random, log: NULL_LOGGER, pacer: new Pacer(SYSTEM_CLOCK), tenantKey: DEMO_TENANT_ID, appKey: DEMO_APP_ID, retry: DEFAULT_RETRY, requestTimeoutMs: 30_000 });
    };
    await new ManageApi(await clientFor(a), a.origin, DEMO_TENANT_ID, DEMO_TENANT_ID).start('Audit.SharePoint');
    first.dispose();
    await new Promise((r) => setTimeout(r, 200));

    const second = new DemoTenant(storage);
    const b = await second.ensureStarted();
    assert.strictEqual(b.anchorMs, a.anchorMs, 'the same anchor: every id and time is where it was');
    const subs = await new ManageApi(await clientFor(b), b.origin, DEMO_TENANT_ID, DEMO_TENANT_ID).list();
    assert.ok(subs.some((s) => s.contentType === 'Audit.SharePoint' && s.status === 'enabled'), JSON.stringify(subs));

    await second.reset();
    await new Promise((r) => setTimeout(r, 5));
    const c = await second.ensureStarted();
    assert.ok(c.anchorMs > a.anchorMs, 'Reset gives the demo a new anchor');
    second.dispose();
  });
});
