import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AddTenantArgs } from '../../src/vscode/commands/tenants/addTenant';
import type { ExportJob } from '../../src/vscode/export/exportJobs';
import type { ResultsPanel } from '../../src/vscode/results/resultsPanel';
import type { TriageRunReport } from '../../src/vscode/triage/triageAction';
import { CONTOSO, DEVICE_APP, FULL_APP, withFakeTenant } from './support/withFakeTenant';


/** Every file under a folder (a missing folder has none), with its text. */
function filesUnder(dir: string | undefined): { file: string; text: string }[] {
  if (!dir || !fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

/**
 * A whole working session at trace level: three kinds of sign-in, a query, a sign-in's detail, an
 * export and a triage action; then nothing the fake tenant issued or received as a credential, no
 * key and no list of users is in the log or in any file the extension wrote.
 */
describe('Logs at trace level hold no token, secret, key or list of users', function () {
  this.timeout(240_000);
  const fake = withFakeTenant({ signIns: 3000, timeScale: 0.01, deviceCodeIntervalSeconds: 1, throttling: false });
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ile-int-logs-'));
  let level = 'info';

  before(async () => {
    level = (await vscode.commands.executeCommand<string>('_extensionTests.getLogLevel')) ?? 'info';
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'trace');
  });
  after(async () => {
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', level);
    fs.rmSync(exportDir, { recursive: true, force: true });
  });

  it('after sign-in of all three kinds, a query, a detail, an export and triage, the log and every written file hold none of them', async () => {
    const app = fake.emulator.info.tenants[0].apps.find((a) => a.clientId === FULL_APP)!;
    const add = async (args: AddTenantArgs, ...answers: string[]) => {
      fake.api.prompts.answer(...answers);
      const key = await vscode.commands.executeCommand<string>('identityLogs.addTenant', args);
      fake.track(key);
      return key;
    };
    const key = await fake.addTenant('Logs (secret)', FULL_APP);
    const pem = path.join(exportDir, 'app.pem');
    fs.writeFileSync(pem, fs.readFileSync(app.privateKeyPemPath!, 'utf8') + fs.readFileSync(app.certificatePemPath!, 'utf8'));
    await add({ displayName: 'Logs (certificate)', tenant: CONTOSO, target: 'fakeTenant', signInKind: 'certificate', clientId: FULL_APP }, pem);
    fs.rmSync(pem);
    const adding = add({ displayName: 'Logs (me)', tenant: CONTOSO, target: 'fakeTenant', signInKind: 'deviceCode', clientId: DEVICE_APP });
    const pending = await fake.deviceCodesRequested();
    fake.emulator.approveDeviceCode(pending[0].userCode, 'secops@contoso.onmicrosoft.com');
    const device = await adding;
    await vscode.commands.executeCommand('identityLogs.diagnosePermissions', device);

    const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runQuery', { tenantKey: key, category: 'signIns.interactive', model: { time: { kind: 'last', hours: 24 }, clauses: [], client: [] } });
    await panel.loading;
    const first = (await panel.loadedRecords())[0] as { id?: unknown };
    await vscode.commands.executeCommand('identityLogs.openSignInById', { tenantKey: key, id: String(first.id), asCorrelationId: false });

    const file = path.join(exportDir, 'signins.ndjson');
    fake.api.prompts.answer('One file', file);
    const job = await vscode.commands.executeCommand<ExportJob>('identityLogs.export', { tenantKey: key, category: 'signIns.interactive', time: { kind: 'last', hours: 72 }, format: 'ndjson' });
    assert.ok(await job.done, 'the export finished');

    const risky = [...fake.emulator.datasets.get(CONTOSO)!.riskyUsers.values()].filter((u) => u.riskState === 'atRisk').slice(0, 3);
    fake.api.prompts.answer(true);
    const reports = await vscode.commands.executeCommand<TriageRunReport[]>('identityLogs.triage.confirmCompromised', { tenantKey: key, ids: risky.map((u) => u.id) });
    assert.strictEqual(reports.length, 1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The log channel writes its file asynchronously.
    await new Promise((r) => setTimeout(r, 1500));

    const logs = filesUnder(fake.api.folders.log);
    const log = logs.map((f) => f.text).join('\n');
    assert.match(log, /\[trace\] GET 127\.0\.0\.1:\d+\/(v1\.0|beta)\/auditLogs\/signIns\?/, 'the log is at trace level and has one line per request');
    assert.match(log, /\[trace\] MSAL POST 127\.0\.0\.1:\d+\/[^ ]+\/oauth2\/v2\.0\/token → 200/, 'sign-in requests are traced too');

    const exports = filesUnder(exportDir);
    const written = [...logs, ...exports, ...filesUnder(fake.api.folders.globalStorage), ...filesUnder(fake.api.folders.storage)];
    const credentials = fake.emulator.credentialsSeen();
    assert.ok(credentials.length >= 8, `the fake tenant issued and received credentials (${credentials.length})`);
    const keyBody = fs.readFileSync(app.privateKeyPemPath!, 'utf8').split('\n').find((l) => l.length > 40)!;
    for (const { file, text } of written) {
      for (const c of credentials) assert.ok(!text.includes(c), `${path.basename(file)} holds a credential the fake tenant issued or received (${c.slice(0, 6)}…)`);
      assert.ok(!text.includes(app.secret!), `${path.basename(file)} holds the client secret`);
      assert.ok(!text.includes(keyBody), `${path.basename(file)} holds the private key`);
    }
    // No key of any kind in the log or the exports. (The storage folders are checked for this
    // session's secrets above, not for any PEM: the demo tenant, when a suite has started it, keeps
    // its own generated fake-app keys there.)
    for (const { file, text } of [...logs, ...exports]) assert.ok(!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text), `${path.basename(file)} holds a PEM key`);
    assert.ok(!/eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\./.test(log), 'nothing JWT-shaped in the log');
    const upns = fake.emulator.info.tenants[0].users.map((u) => u.userPrincipalName);
    const named = upns.filter((u) => log.includes(u));
    assert.ok(named.length <= 2, `the log names ${named.length} users (${named.slice(0, 4).join(', ')}…): no lists of users`);
  });
});
