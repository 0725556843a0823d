import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AddTenantArgs } from '../../src/vscode/commands/tenants/addTenant';
import type { PermissionReport } from '../../src/core/diagnose/report';
import { CONTOSO, DEVICE_APP, FULL_APP, withFakeTenant } from './support/withFakeTenant';


describe('Tenants and sign-in against the fake tenant (inside VS Code)', function () {
  this.timeout(60_000);
  const fake = withFakeTenant({ signIns: 300, deviceCodeIntervalSeconds: 1, throttling: false });
  const keys: Record<string, string> = {};
  const config = () => vscode.workspace.getConfiguration('identityLogs.fakeTenant');
  const report = (key: string) => vscode.commands.executeCommand<PermissionReport>('identityLogs.diagnosePermissions', key);
  const app = () => fake.emulator.info.tenants[0].apps.find((a) => a.clientId === FULL_APP)!;

  /** Adds a tenant through the command as a user would; the fixture removes it when the suite ends. */
  const add = async (args: AddTenantArgs, ...answers: string[]) => {
    // The credential is never an argument: it is asked for, and the test answers.
    fake.api.prompts.answer(...answers);
    const key = await vscode.commands.executeCommand<string>('identityLogs.addTenant', args);
    if (key) fake.track(key);
    return key;
  };

  it('adds a client-secret tenant and signs in', async () => {
    const asked = fake.api.prompts.asked().length;
    keys.secret = await add({ displayName: 'Contoso (secret)', tenant: CONTOSO, target: 'fakeTenant', signInKind: 'clientSecret', clientId: FULL_APP }, app().secret!);
    assert.deepStrictEqual(
      fake.api.prompts.asked().slice(asked),
      [{ kind: 'input', message: "Paste the client secret's Value (Certificates & secrets > Client secrets > Value, shown once when created)." }],
      'the secret was asked for once, as a password input',
    );
    assert.ok(fake.api.tenants().some((t) => t.key === keys.secret && t.signInKind === 'clientSecret'));
    const r = await report(keys.secret);
    assert.strictEqual(r.tokenError, undefined);
    assert.ok(r.checks.every((c) => c.ok), JSON.stringify(r.checks.filter((c) => !c.ok).map((c) => c.requirement.id)));
    assert.ok((await fake.api.storedSecretNames(keys.secret)).some((k) => k.endsWith('.clientSecret')));
  });

  it('adds a certificate tenant from a PEM file, computing its SHA-256 thumbprint', async () => {
    const pem = path.join(os.tmpdir(), `idlog-app-${process.pid}.pem`);
    fs.writeFileSync(pem, fs.readFileSync(app().privateKeyPemPath!, 'utf8') + fs.readFileSync(app().certificatePemPath!, 'utf8'));
    try {
      keys.cert = await add({ displayName: 'Contoso (certificate)', tenant: 'contoso.onmicrosoft.com', target: 'fakeTenant', signInKind: 'certificate', clientId: FULL_APP }, pem);
    } finally {
      fs.rmSync(pem, { force: true });
    }
    // When it fails, say what the extension asked and reported: the cause is then in the CI log.
    const asked = fake.api.prompts.asked().slice(-3);
    const errors = fake.api.reportedErrors().slice(-3);
    assert.strictEqual(fake.api.tenants().find((t) => t.key === keys.cert)?.certificateThumbprint, app().thumbprintSha256, JSON.stringify({ asked, errors }));
    const r = await report(keys.cert);
    assert.ok(r.claims && !r.claims.delegated && r.claims.roles.includes('Directory.Read.All'));
  });

  it('adds a device-code tenant: the code is approved in the fake tenant and the user is signed in', async () => {
    const adding = add({ displayName: 'Contoso (me)', tenant: CONTOSO, target: 'fakeTenant', signInKind: 'deviceCode', clientId: DEVICE_APP });
    const pending = await fake.deviceCodesRequested();
    assert.strictEqual(pending.length, 1, 'a device code was requested');
    fake.emulator.approveDeviceCode(pending[0].userCode, 'secops@contoso.onmicrosoft.com');
    keys.device = await adding;
    const r = await report(keys.device);
    assert.strictEqual(r.claims?.upn, 'secops@contoso.onmicrosoft.com');
    assert.ok(r.checks.find((c) => c.requirement.id === 'riskyUsersTriage')!.ok, 'Security Administrator may triage');
    assert.ok(r.checks.find((c) => c.requirement.id === 'office365')!.needsAppCredentials);
  });

  it('keeps no secret, key or token in globalState or settings', async () => {
    const stored = JSON.stringify(fake.api.storedState()) + JSON.stringify(vscode.workspace.getConfiguration('identityLogs'));
    assert.ok(stored.includes(CONTOSO), 'the tenant configuration is there');
    assert.ok(!stored.includes(app().secret!), 'client secret');
    assert.ok(!/PRIVATE KEY|eyJ[A-Za-z0-9_-]{10,}/.test(stored), 'private key or token');
  });

  it('after the in-memory sessions are rebuilt (as on reload), the device-code tenant still gets a token silently', async () => {
    const before = fake.emulator.tokenRequests();
    // An equivalent origin string is a settings change: every token provider is rebuilt from storage.
    await config().update('origin', `${fake.emulator.origin}/`, vscode.ConfigurationTarget.Global);
    const r = await report(keys.device);
    assert.strictEqual(r.tokenError, undefined);
    assert.strictEqual(r.claims?.upn, 'secops@contoso.onmicrosoft.com');
    assert.strictEqual(fake.emulator.tokenRequests().device_code ?? 0, before.device_code ?? 0, 'no new device code sign-in');
  });

  it('a wrong client secret is refused with the mapped message and is not kept', async () => {
    keys.wrong = await add({ displayName: 'Contoso (wrong secret)', tenant: CONTOSO, target: 'fakeTenant', signInKind: 'clientSecret', clientId: FULL_APP }, '8f7e6d5c-secret-id-not-value');
    assert.deepStrictEqual(await fake.api.storedSecretNames(keys.wrong), []);
    const r = await report(keys.wrong);
    assert.match(r.tokenError ?? '', /NotSignedIn|client secret/);
  });

  it('Sign Out clears the tenant from SecretStorage', async () => {
    assert.ok((await fake.api.storedSecretNames(keys.device)).length > 0);
    await vscode.commands.executeCommand('identityLogs.signOut', keys.device);
    assert.deepStrictEqual(await fake.api.storedSecretNames(keys.device), []);
    await vscode.commands.executeCommand('identityLogs.signOut', keys.secret);
    assert.deepStrictEqual(await fake.api.storedSecretNames(keys.secret), []);
    assert.match((await report(keys.secret)).tokenError ?? '', /Not signed in|NotSignedIn|No client secret/);
  });

  it('a workspace cannot override the endpoint settings', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const dir = path.join(folder, '.vscode');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, JSON.stringify({ 'identityLogs.fakeTenant.origin': 'https://127.0.0.1:1', 'identityLogs.fakeTenant.caCertificatePath': '/tmp/evil.pem' }));
    try {
      await new Promise((r) => setTimeout(r, 1500));
      assert.strictEqual(fake.api.fakeTenantOrigin(), fake.emulator.origin);
      await assert.rejects(Promise.resolve(config().update('origin', 'https://127.0.0.1:2', vscode.ConfigurationTarget.Workspace)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
