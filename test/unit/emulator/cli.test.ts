import * as assert from 'assert';
import { spawn } from 'child_process';
import * as path from 'path';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { TenantData, defaultSizes } from '../../../src/emulator/data/dataset';
import { defaultConfig } from '../../../src/emulator/config';
import { signInIndexFromId } from '../../../src/emulator/data/signIns';
import { request } from '../../support/emulatorClient';

describe('fake tenant: CLI contract', function () {
  this.timeout(30_000);

  it('prints one JSON object as its first stdout line, serves, and stops on SIGTERM', async () => {
    const cli = path.resolve(__dirname, '..', '..', '..', 'src', 'emulator', 'cli.js');
    const child = spawn(process.execPath, [cli, '--json', '--signins', '300', '--seed', '7'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const firstLine = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (c: Buffer) => {
        buf += c.toString();
        const nl = buf.indexOf('\n');
        if (nl >= 0) resolve(buf.slice(0, nl));
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const info = JSON.parse(firstLine) as Emulator['info'];
    for (const k of ['authorityHost', 'graphBaseUrl', 'manageBaseUrl', 'caCertPath', 'emulatorControlUrl', 'tenants'] as const) assert.ok(info[k], k);
    const [contoso, fabrikam] = info.tenants;
    assert.deepStrictEqual([contoso.license, fabrikam.license], ['P2', 'free']);
    const app = contoso.apps[0];
    for (const k of ['clientId', 'secret', 'certificatePemPath', 'privateKeyPemPath', 'thumbprintSha256', 'roles', 'scopes'] as const) assert.ok(k in app, k);
    assert.ok(contoso.apps.some((a) => a.publicClient), 'a public client for device code');
    assert.ok(contoso.apps.some((a) => !a.roles.includes('Directory.Read.All') && !a.roles.includes('Policy.Read.All') && a.roles.includes('AuditLog.Read.All')), 'an app missing Directory.Read.All and Policy.Read.All');
    assert.ok(contoso.apps.some((a) => !a.publicClient && !a.roles.some((r) => r.startsWith('IdentityRisk'))), 'an app without Identity Protection permissions');
    assert.match(info.authorityHost, /^https:\/\/127\.0\.0\.1:\d+$/);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.strictEqual(await exited, 0);
  });

  it('is deterministic for a given seed', async () => {
    const a = await startEmulator({ seed: 42, signIns: 300, throttling: false });
    const b = await startEmulator({ seed: 42, signIns: 300, throttling: false, anchorMs: a.datasets.get('11111111-1111-4111-8111-111111111111')!.anchorMs });
    try {
      const tenant = '11111111-1111-4111-8111-111111111111';
      assert.deepStrictEqual(a.datasets.get(tenant)!.signIn(123).json, b.datasets.get(tenant)!.signIn(123).json);
      const ctl = await request(a, `${a.origin}/_emulator/info`);
      assert.strictEqual((ctl.json as Emulator['info']).tenants.length, 2);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('serves a million sign-ins without holding them: any record and any time range on demand', () => {
    const tenant = defaultConfig().tenants[0];
    const anchor = Date.parse('2026-11-01T00:00:00Z');
    const data = new TenantData(1, tenant, anchor, defaultSizes(1_000_000));
    const last = data.signIn(999_999);
    assert.strictEqual(signInIndexFromId(data.seed, String(last.json.id)), 999_999);
    const [from, to] = data.signInRange(anchor - 2 * 86_400_000, anchor - 86_400_000);
    assert.ok(to - from > 130_000 && to - from < 150_000, `${to - from} sign-ins in one day of seven`);
    assert.ok(data.signIn(from).createdMs <= anchor - 86_400_000 && data.signIn(to - 1).createdMs >= anchor - 2 * 86_400_000);
    assert.ok(data.signIn(from - 1).createdMs > anchor - 86_400_000 && data.signIn(to).createdMs < anchor - 2 * 86_400_000);
  });

  it('exports and imports what users change (risky users), for the demo tenant to keep across restarts', async () => {
    const tenant = '11111111-1111-4111-8111-111111111111';
    const a = await startEmulator({ seed: 5, signIns: 200, throttling: false });
    const b = await startEmulator({ seed: 5, signIns: 200, throttling: false });
    try {
      const id = [...a.datasets.get(tenant)!.riskyUsers.values()].find((u) => u.riskState === 'atRisk')!.id;
      const { applyRiskAction } = await import('../../../src/emulator/data/risk');
      applyRiskAction(a.datasets.get(tenant)!.riskyUsers.get(id)!, 'dismiss', 'tester', Date.now());
      const saved = JSON.parse(JSON.stringify(a.exportState()));
      assert.strictEqual(b.datasets.get(tenant)!.riskyUsers.get(id)!.riskState, 'atRisk');
      b.importState(saved);
      assert.strictEqual(b.datasets.get(tenant)!.riskyUsers.get(id)!.riskState, 'dismissed');
      assert.strictEqual(b.datasets.get(tenant)!.riskyUsers.get(id)!.history.at(-1)!.initiatedBy, 'tester');
      b.importState({ version: 2, riskyUsers: {} });
      b.importState('garbage');
      assert.strictEqual(b.datasets.get(tenant)!.riskyUsers.get(id)!.riskState, 'dismissed', 'unknown formats change nothing');
      b.reset();
      assert.strictEqual(b.datasets.get(tenant)!.riskyUsers.get(id)!.riskState, 'atRisk');
    } finally {
      await a.close();
      await b.close();
    }
  });
});
