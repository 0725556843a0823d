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
      assert.ok(panel.loadedRecords().length > 0, `${category}: no rows`);
      assert.match(panel.panel.title, /\(Demo\)$/);
    });
  }
});
