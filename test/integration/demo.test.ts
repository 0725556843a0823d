import { readable } from '../../src/core/records/untrusted';
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IdentityLogsApi } from '../../src/vscode/api';
import type { ResultsPanel } from '../../src/vscode/results/resultsPanel';
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
    if (key) await vscode.commands.executeCommand('identityLogs.removeTenant', key, { confirm: false });
  });

  it('adds a signed-in tenant labelled as the demo', async () => {
    key = await vscode.commands.executeCommand<string>('identityLogs.addDemoTenant');
    const tenant = api.tenants().find((t) => t.key === key);
    assert.strictEqual(tenant?.target, 'demo');
    const report = await vscode.commands.executeCommand<PermissionReport>('identityLogs.diagnosePermissions', key);
    assert.strictEqual(report.tokenError, undefined);
    assert.ok(report.checks.every((c) => c.ok));
  });

  for (const category of ['signIns.interactive', 'signIns.nonInteractive', 'signIns.servicePrincipal', 'signIns.managedIdentity', 'directoryAudits', 'provisioning', 'riskDetections', 'riskyUsers']) {
    it(`${category} returns rows from the demo tenant`, async () => {
      const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runQuery', { tenantKey: key, category, model: { time: { kind: 'all' }, clauses: [], client: [] } });
      await panel.loading;
      assert.ok(readable(panel.loadedRecords()).length > 0, `${category}: no rows`);
      assert.match(panel.panel.title, /\(Demo\)$/);
    });
  }

  it('triage on the demo tenant lasts until "Reset Demo Tenant", which brings the starting data back', async () => {
    const atRisk = async () => {
      const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runQuery', { tenantKey: key, category: 'riskyUsers', model: { time: { kind: 'all' }, clauses: [], client: [] } });
      await panel.loading;
      return readable(panel.loadedRecords()).filter((r) => r.riskState === 'atRisk').map((r) => String(r.id));
    };
    const before = await atRisk();
    assert.ok(before.length > 3, `${before.length} users at risk`);
    await vscode.commands.executeCommand('identityLogs.triage.dismiss', { tenantKey: key, subject: 'users', ids: [before[0]], confirm: false });
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
    assert.ok(readable(panel.loadedRecords()).length > 50, `${readable(panel.loadedRecords()).length} records`);
    assert.match(panel.panel.title, /\(Demo\)$/);
  });
});
