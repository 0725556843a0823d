import { readable } from '../../src/core/records/untrusted';
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExportManifest } from '../../src/core/export/manifest';
import type { PermissionReport } from '../../src/core/diagnose/report';
import { mergeRecords } from '../../src/core/o365/browse';
import { contentWindows } from '../../src/core/o365/windows';
import type { AddTenantArgs } from '../../src/vscode/commands/tenants/addTenant';
import type { ExportJob } from '../../src/vscode/export/exportJobs';
import type { ResultsPanel } from '../../src/vscode/results/resultsPanel';
import { type ConnectProxy, startConnectProxy } from '../support/connectProxy';
import { interactiveIds } from '../support/truth';
import { ndjsonRecords } from './exportSteps';
import { CONTOSO, DEVICE_APP, FULL_APP, withFakeTenant } from './support/withFakeTenant';


const DAY = 86_400_000;
const CREDENTIALS = `Basic ${Buffer.from('CORP\\secops:proxy-pass').toString('base64')}`;

/**
 * A corporate network: the fake tenant (on 127.0.0.2) accepts only the proxy's connections (from
 * 127.0.0.3), and the proxy wants credentials. Everything a user does must get through.
 */
describe('Behind a corporate proxy inside VS Code (a real CONNECT proxy on loopback)', function () {
  this.timeout(240_000);
  const fake = withFakeTenant({ signIns: 3000, timeScale: 0.01, deviceCodeIntervalSeconds: 1, throttling: false, host: '127.0.0.2', acceptOnlyFrom: '127.0.0.3' });
  const http = () => vscode.workspace.getConfiguration('http');
  const global = vscode.ConfigurationTarget.Global;
  const report = (key: string) => vscode.commands.executeCommand<PermissionReport>('identityLogs.diagnosePermissions', key);
  const app = () => fake.emulator.info.tenants[0].apps.find((a) => a.clientId === FULL_APP)!;
  const add = async (args: AddTenantArgs, ...answers: string[]) => {
    fake.api.prompts.answer(...answers);
    const key = await vscode.commands.executeCommand<string>('identityLogs.addTenant', args);
    if (key) fake.track(key);
    return key;
  };
  let proxy: ConnectProxy;
  let secretKey: string;

  before(async () => {
    proxy = await startConnectProxy({ upstreamFrom: '127.0.0.3', requireAuthorization: CREDENTIALS });
    // "on" keeps VS Code's own proxy patch away from requests that bring their own agent (ours
    // always do), so this suite proves the extension tunnels by itself; under the default
    // "override" VS Code would route non-localhost hosts through the same proxy for us.
    await http().update('proxySupport', 'on', global);
    await http().update('proxy', proxy.url, global);
    await http().update('proxyAuthorization', CREDENTIALS, global);
  });

  after(async () => {
    for (const name of ['proxy', 'proxyAuthorization', 'proxySupport']) await http().update(name, undefined, global);
    await proxy.close();
  });

  it('signs in with a client secret, a certificate and a device code, each through the proxy', async () => {
    secretKey = await fake.addTenant('Proxy (secret)', FULL_APP);
    assert.strictEqual((await report(secretKey)).tokenError, undefined);
    const pem = path.join(os.tmpdir(), `idlog-proxy-${process.pid}.pem`);
    fs.writeFileSync(pem, fs.readFileSync(app().privateKeyPemPath!, 'utf8') + fs.readFileSync(app().certificatePemPath!, 'utf8'));
    try {
      const cert = await add({ displayName: 'Proxy (certificate)', tenant: CONTOSO, target: 'fakeTenant', signInKind: 'certificate', clientId: FULL_APP }, pem);
      assert.strictEqual((await report(cert)).tokenError, undefined);
    } finally {
      fs.rmSync(pem, { force: true });
    }
    const adding = add({ displayName: 'Proxy (me)', tenant: CONTOSO, target: 'fakeTenant', signInKind: 'deviceCode', clientId: DEVICE_APP });
    const pending = await fake.deviceCodesRequested();
    assert.strictEqual(pending.length, 1, 'a device code was requested through the proxy');
    fake.emulator.approveDeviceCode(pending[0].userCode, 'secops@contoso.onmicrosoft.com');
    const device = await adding;
    assert.strictEqual((await report(device)).claims?.upn, 'secops@contoso.onmicrosoft.com');
  });

  it('a Graph query holds exactly the fake tenant\'s sign-ins', async () => {
    const before = Date.now();
    const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runQuery', { tenantKey: secretKey, category: 'signIns.interactive', model: { time: { kind: 'last', hours: 24 }, clauses: [], client: [] } });
    await panel.loading;
    assert.strictEqual(panel.progress()?.state, 'done');
    const got = readable(await panel.loadedRecords()).map((r) => String(r.id));
    const expected = interactiveIds(fake.emulator.datasets.get(CONTOSO)!, before - DAY, before);
    assert.ok(got.length > 20, `${got.length} rows`);
    assert.deepStrictEqual(got.slice(0, 50), expected.slice(0, 50));
  });

  it('an Office 365 browse holds exactly the records of the blobs in range', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('identityLogs.o365.startSubscription', { tenantKey: secretKey, contentType: 'Audit.AzureActiveDirectory' }), 'started');
    const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.o365.browse', { tenantKey: secretKey, contentType: 'Audit.AzureActiveDirectory', hours: 24 });
    await panel.loading;
    const now = panel.query.fetchedAtMs;
    const data = fake.emulator.datasets.get(CONTOSO)!;
    const blobs = contentWindows(now - DAY, now, now).flatMap((w) => data.blobsCreatedBetween('Audit.AzureActiveDirectory', w.startMs, w.endMs, now));
    const truth = readable(mergeRecords(blobs.map((b) => data.blobRecords(b))).records).map((r) => String(r.Id));
    const got = readable(await panel.loadedRecords()).map((r) => String(r.Id));
    assert.ok(got.length > 50, `${got.length} records`);
    assert.deepStrictEqual([...got].sort(), [...truth].sort());
  });

  it('an export writes exactly the fake tenant\'s sign-ins of its range', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ile-int-proxy-'));
    try {
      const file = path.join(dir, 'signins.ndjson');
      fake.api.prompts.answer('One file', file);
      const job = await vscode.commands.executeCommand<ExportJob>('identityLogs.export', { tenantKey: secretKey, category: 'signIns.interactive', time: { kind: 'last', hours: 72 }, format: 'ndjson' });
      assert.ok(await job.done, 'the export finished');
      const manifest = JSON.parse(fs.readFileSync(`${file}.manifest.json`, 'utf8')) as ExportManifest;
      const ids = ndjsonRecords(file).map((r) => String(r.id));
      assert.ok(ids.length > 50, `${ids.length} rows`);
      assert.deepStrictEqual(ids, interactiveIds(fake.emulator.datasets.get(CONTOSO)!, Date.parse(manifest.range!.from), Date.parse(manifest.range!.to)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every request went through the proxy: the tenant refused no direct connection, and the proxy logged only tunnels to it', () => {
    assert.ok(fake.emulator.requestsServed() > 20, `${fake.emulator.requestsServed()} requests served`);
    assert.strictEqual(fake.emulator.connectionsRefused(), 0, 'nothing tried to reach the tenant directly');
    const host = new URL(fake.emulator.origin).host;
    assert.ok(proxy.log.length > 0 && proxy.log.every((e) => e.target === host && e.status === 200), JSON.stringify(proxy.log.slice(0, 5)));
    assert.strictEqual(proxy.plainRequests, 0);
  });

  it('without the proxy\'s credentials, sign-in names the proxy as the cause and says what to set', async () => {
    await http().update('proxyAuthorization', undefined, global);
    const key = await fake.addTenant('Proxy (no credentials)', FULL_APP);
    const r = await report(key);
    assert.match(r.tokenError ?? '', /^The proxy asks for credentials \(127\.0\.0\.1:\d+\): .*http\.proxy.*\(ProxyAuthRequired\)$/);
    assert.ok(proxy.log.some((e) => e.status === 407));
    await http().update('proxyAuthorization', CREDENTIALS, global);
  });
});
