import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import forge from 'node-forge';
import type { TokenCacheContext } from '@azure/msal-node';
import { SecretCachePlugin } from '../../../src/core/auth/cachePlugin';
import { loadCertificateFile, loadPemCertificate, loadPfxCertificate } from '../../../src/core/auth/certificate';
import { readPfx } from '../../../src/core/auth/pfx';
import { AppCredential, type CredentialDeps, DeviceCodeCredential, NotSignedInError } from '../../../src/core/auth/credentials';
import { createAgents, msalNetworkClient } from '../../../src/core/auth/networkClient';
import { MemorySecretStore, secretKeys } from '../../../src/core/auth/secretStore';
import { cloudById, localEndpoints } from '../../../src/core/clouds';
import { decodeClaims } from '../../../src/core/diagnose/claims';
import { diagnose, summarize } from '../../../src/core/diagnose/classify';
import { NetworkFailureError, networkFailureCode } from '../../../src/core/http/networkFailure';
import * as net from 'net';
import { NULL_LOGGER } from '../../../src/core/log/redact';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { CONTOSO, DEVICE_APP, FULL_APP, UNCONSENTED_APP } from '../../support/emulatorClient';

describe('core/http: socket and TLS failures map to their own catalog codes', () => {
  const table: [string, string][] = [
    ['ENOTFOUND', 'NetworkDns'],
    ['EAI_AGAIN', 'NetworkDns'],
    ['ECONNREFUSED', 'NetworkRefused'],
    ['ETIMEDOUT', 'NetworkTimeout'],
    ['ENETUNREACH', 'NetworkUnreachable'],
    ['EHOSTUNREACH', 'NetworkUnreachable'],
    ['ECONNRESET', 'NetworkReset'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'NetworkTls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'NetworkTls'],
    ['CERT_HAS_EXPIRED', 'NetworkTls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'NetworkTls'],
    ['EPROXYAUTH', 'ProxyAuthRequired'],
    ['EPROXYREFUSED', 'ProxyRefused'],
    ['EPROXYUNREACHABLE', 'ProxyUnreachable'],
    ['EPROXYUNSUPPORTED', 'ProxyUnsupported'],
    ['EWHATEVER', 'NetworkError'],
  ];
  for (const [errno, code] of table) it(`${errno} → ${code}`, () => {
    assert.strictEqual(networkFailureCode(errno), code);
    const d = diagnose(new NetworkFailureError('graph.microsoft.com', errno, 'x'));
    assert.strictEqual(d.code, code);
    assert.ok(d.explanation && d.explanation.nextStep.length > 10, `${code} is in the catalog with a next step`);
  });
});

describe('core/auth against the fake tenant (real MSAL Node over HTTPS)', function () {
  this.timeout(30_000);
  let emulator: Emulator;
  let secrets: MemorySecretStore;

  before(async () => {
    emulator = await startEmulator({ signIns: 100, deviceCodeIntervalSeconds: 1 });
  });
  after(() => emulator.close());
  beforeEach(() => (secrets = new MemorySecretStore()));

  const deps = (clientId: string, tenant = CONTOSO): CredentialDeps => ({
    tenantKey: 't1',
    tenant,
    clientId,
    endpoints: localEndpoints(cloudById('global'), emulator.origin),
    secrets,
    network: msalNetworkClient(createAgents({ ca: emulator.caPem! })),
    log: NULL_LOGGER,
  });
  const app = (clientId: string) => emulator.info.tenants[0].apps.find((a) => a.clientId === clientId)!;

  it('client secret: signs in, keeps the secret only in the secret store, and gets Graph and Management API tokens', async () => {
    const cred = new AppCredential('clientSecret', deps(FULL_APP));
    assert.strictEqual(await cred.isSignedIn(), false);
    const t = await cred.signIn(app(FULL_APP).secret!);
    assert.strictEqual(decodeClaims(t.token)?.tid, CONTOSO);
    assert.strictEqual(secrets.data.get(secretKeys.clientSecret('t1')), app(FULL_APP).secret);
    const manage = await cred.getToken('manage');
    assert.strictEqual(decodeClaims(manage.token)?.aud, 'https://manage.office.com');
    assert.strictEqual(await cred.isSignedIn(), true);
  });

  it('certificate: signs in with the SHA-256 thumbprint computed from the PEM file', async () => {
    const a = app(FULL_APP);
    const pem = fs.readFileSync(a.privateKeyPemPath!, 'utf8') + fs.readFileSync(a.certificatePemPath!, 'utf8');
    const cert = loadPemCertificate(pem);
    assert.strictEqual(cert.thumbprintSha256, a.thumbprintSha256);
    const cred = new AppCredential('certificate', deps(FULL_APP), cert.thumbprintSha256);
    const t = await cred.signIn(cert.privateKeyPem);
    assert.deepStrictEqual(decodeClaims(t.token)?.roles.includes('AuditLog.Read.All'), true);
  });

  it('device code: signs in when approved and then gets tokens silently from the cache in the secret store', async () => {
    const cred = new DeviceCodeCredential(deps(DEVICE_APP));
    const never = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
    const t = await cred.signIn((p) => emulator.approveDeviceCode(p.userCode, 'reader@contoso.onmicrosoft.com'), never, 60);
    assert.strictEqual(t.account, 'reader@contoso.onmicrosoft.com');
    assert.ok(secrets.data.has(secretKeys.tokenCache('t1', DEVICE_APP)), 'the MSAL cache went to the secret store');
    // A new credential over the same store stands for a reload: it signs in silently.
    const reloaded = new DeviceCodeCredential(deps(DEVICE_APP));
    assert.strictEqual(await reloaded.isSignedIn(), true);
    const silent = await reloaded.getToken('graph', { forceRefresh: true });
    assert.strictEqual(decodeClaims(silent.token)?.upn, 'reader@contoso.onmicrosoft.com');
    await reloaded.signOut();
    assert.strictEqual(secrets.data.has(secretKeys.tokenCache('t1', DEVICE_APP)), false);
    await assert.rejects(new DeviceCodeCredential(deps(DEVICE_APP)).getToken('graph'), NotSignedInError);
  });

  it('device code: cancelling stops polling within one interval', async () => {
    const cred = new DeviceCodeCredential(deps(DEVICE_APP));
    const listeners: (() => void)[] = [];
    const signal = { isCancellationRequested: false, onCancellationRequested: (l: () => void) => (listeners.push(l), { dispose: () => undefined }) };
    const polls = () => emulator.tokenRequests().device_code ?? 0;
    const started = cred.signIn(() => setTimeout(() => listeners.forEach((l) => l()), 1500), signal, 60);
    await assert.rejects(started, (e: { errorCode?: string }) => /cancel/i.test(String(e.errorCode)));
    const atCancel = polls();
    await new Promise((r) => setTimeout(r, 2500));
    assert.ok(atCancel >= 1, 'it was polling');
    assert.strictEqual(polls(), atCancel, 'no poll after cancellation');
  });

  const failures: [string, () => Promise<unknown>, string][] = [
    ['wrong secret', () => new AppCredential('clientSecret', deps(FULL_APP)).signIn('00000000-secret-id-not-the-value'), 'AADSTS7000215'],
    ['unknown app', () => new AppCredential('clientSecret', deps('99999999-0000-4000-8000-000000000000')).signIn('whatever-secret-value'), 'AADSTS700016'],
    ['unknown tenant', () => new AppCredential('clientSecret', deps(FULL_APP, 'nosuch.onmicrosoft.com')).signIn('whatever-secret-value'), 'endpoints_resolution_error'],
    ['missing consent', () => new AppCredential('clientSecret', deps(UNCONSENTED_APP)).signIn(app(UNCONSENTED_APP).secret!), 'AADSTS65001'],
  ];
  for (const [name, run, code] of failures) {
    it(`${name} gives the mapped message (${code}) and keeps no secret`, async () => {
      let caught: unknown;
      await run().catch((e: unknown) => (caught = e));
      const d = diagnose(caught);
      assert.strictEqual(d.code, code);
      assert.ok(d.explanation, 'a plain-language explanation');
      assert.strictEqual(secrets.data.has(secretKeys.clientSecret('t1')), false);
    });
  }
  it('a network failure at sign-in names the host and the cause, is not MSAL\'s raw text, and keeps the secret for a retry', async () => {
    // A loopback port nothing listens on: the connection is refused.
    const closed = await new Promise<number>((resolve) => {
      const srv = net.createServer();
      srv.listen(0, '127.0.0.1', () => {
        const port = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(port));
      });
    });
    const offline: CredentialDeps = { ...deps(FULL_APP), endpoints: localEndpoints(cloudById('global'), `https://127.0.0.1:${closed}`) };
    const cred = new AppCredential('clientSecret', offline);
    const e = await cred.signIn(app(FULL_APP).secret!).catch((x: unknown) => x);
    assert.ok(e instanceof NetworkFailureError, `got ${String(e)}`);
    assert.strictEqual(e.code, 'NetworkRefused');
    const d = diagnose(e);
    assert.strictEqual(d.code, 'NetworkRefused');
    assert.match(d.explanation!.title, new RegExp(`Connection refused \\(127\\.0\\.0\\.1:${closed}\\)`));
    assert.doesNotMatch(summarize(d), /aka\.ms|msal/i);
    assert.strictEqual(secrets.data.get(secretKeys.clientSecret('t1')), app(FULL_APP).secret, 'the secret was not shown to be wrong: kept');

    // Back online: the stored secret signs in without being asked for again.
    const online = new AppCredential('clientSecret', deps(FULL_APP));
    const t = await online.signInWithStored();
    assert.strictEqual(decodeClaims(t!.token)?.tid, CONTOSO);
  });

  it('a stored secret the service refuses is removed, so Sign In asks for a new one', async () => {
    await secrets.store(secretKeys.clientSecret('t1'), 'an-old-secret-that-was-rotated');
    const cred = new AppCredential('clientSecret', deps(FULL_APP));
    assert.strictEqual(await cred.signInWithStored(), undefined);
    assert.strictEqual(secrets.data.has(secretKeys.clientSecret('t1')), false);
  });

  it('a TLS certificate the program does not trust (a TLS-inspecting proxy) is named as such', async () => {
    const untrusting: CredentialDeps = { ...deps(FULL_APP), network: msalNetworkClient(createAgents({})) };
    const e = await new AppCredential('clientSecret', untrusting).signIn(app(FULL_APP).secret!).catch((x: unknown) => x);
    assert.ok(e instanceof NetworkFailureError && e.code === 'NetworkTls', `got ${String(e)}`);
    assert.match(diagnose(e).explanation!.nextStep, /root CA/);
  });

  it('the wrong-secret message says the secret ID was probably pasted', async () => {
    const d = diagnose(await new AppCredential('clientSecret', deps(FULL_APP)).signIn('not-the-value-0000').catch((e: unknown) => e));
    assert.match(d.explanation!.message, /secret's ID was pasted instead of its value/);
  });
});

describe('core/auth: SecretStorage cache plugin', () => {
  const context = (data: string | undefined, changed: boolean) => {
    const state = { deserialized: [] as string[], serialized: data ?? '{}' };
    return {
      state,
      ctx: {
        cacheHasChanged: changed,
        tokenCache: { deserialize: (d: string) => state.deserialized.push(d), serialize: () => state.serialized },
      } as unknown as TokenCacheContext,
    };
  };

  it('round-trips the cache and writes only when it changed', async () => {
    const store = new MemorySecretStore();
    const plugin = new SecretCachePlugin(store, 'k');
    const a = context('{"Account":{}}', true);
    await plugin.afterCacheAccess(a.ctx);
    assert.deepStrictEqual(store.writes, ['k']);
    await plugin.afterCacheAccess(context('{"Account":{}}', false).ctx);
    await plugin.afterCacheAccess(context('{"Account":{}}', true).ctx);
    assert.deepStrictEqual(store.writes, ['k'], 'unchanged content is not written again');
    // MSAL says nothing changed: what it serializes (another window's cache read in, say) is not written back.
    await plugin.afterCacheAccess(context('{"Account":{"from-another-window":{}}}', false).ctx);
    assert.deepStrictEqual(store.writes, ['k'], 'a cache MSAL did not change is not written');
    const b = context(undefined, false);
    await plugin.beforeCacheAccess(b.ctx);
    assert.deepStrictEqual(b.state.deserialized, ['{"Account":{}}']);
  });

  it('clears a corrupt entry instead of failing', async () => {
    const store = new MemorySecretStore();
    await store.store('k', '{not json');
    const plugin = new SecretCachePlugin(store, 'k');
    const c = context(undefined, false);
    await plugin.beforeCacheAccess(c.ctx);
    assert.deepStrictEqual(c.state.deserialized, []);
    assert.strictEqual(store.data.has('k'), false);
  });

  it('sees a change made by another window before the next access', async () => {
    const store = new MemorySecretStore();
    const plugin = new SecretCachePlugin(store, 'k');
    await store.store('k', '{"from":"other window"}');
    const c = context(undefined, false);
    await plugin.beforeCacheAccess(c.ctx);
    assert.deepStrictEqual(c.state.deserialized, ['{"from":"other window"}']);
  });
});

describe('core/auth: certificate files', () => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const fkey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 1000);
  cert.validity.notAfter = new Date(Date.now() + 86_400_000);
  cert.setSubject([{ name: 'commonName', value: 'app' }]);
  cert.setIssuer([{ name: 'commonName', value: 'app' }]);
  cert.sign(fkey, forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  const expected = crypto.createHash('sha256').update(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary')).digest('hex').toUpperCase();

  it('reads a PEM with key and certificate in either order', () => {
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    assert.strictEqual(loadPemCertificate(keyPem + certPem).thumbprintSha256, expected);
    assert.strictEqual(loadPemCertificate(certPem + keyPem).thumbprintSha256, expected);
  });

  it('asks for the passphrase of an encrypted key, and opens it with the right one', () => {
    const enc = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'correct horse' }).toString();
    assert.throws(() => loadPemCertificate(enc + certPem), (e: { needsPassphrase?: boolean }) => e.needsPassphrase === true);
    assert.throws(() => loadPemCertificate(enc + certPem, 'wrong'), /passphrase does not open/);
    assert.strictEqual(loadPemCertificate(enc + certPem, 'correct horse').thumbprintSha256, expected);
  });

  it('reads a PFX with its passphrase', async () => {
    const p12 = forge.pkcs12.toPkcs12Asn1(fkey, [cert], 'pfx pass', { algorithm: '3des' });
    const bytes = Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
    assert.strictEqual(loadPfxCertificate(bytes, 'pfx pass', readPfx).thumbprintSha256, expected);
    assert.throws(() => loadPfxCertificate(bytes, 'nope', readPfx), /passphrase/);
    assert.strictEqual((await loadCertificateFile(bytes, 'app.pfx', 'pfx pass')).thumbprintSha256, expected);
  });

  it('a PFX that carries its chain before the app\'s certificate: the certificate that matches the key is the one used', () => {
    const other = forge.pki.rsa.generateKeyPair(1024);
    const ca = forge.pki.createCertificate();
    ca.publicKey = other.publicKey;
    ca.serialNumber = '02';
    ca.validity.notBefore = new Date(Date.now() - 60_000);
    ca.validity.notAfter = new Date(Date.now() + 86_400_000);
    ca.setSubject([{ name: 'commonName', value: 'issuing CA' }]);
    ca.setIssuer([{ name: 'commonName', value: 'issuing CA' }]);
    ca.sign(other.privateKey, forge.md.sha256.create());
    const p12 = forge.pkcs12.toPkcs12Asn1(fkey, [ca, cert], 'pfx pass', { algorithm: '3des' });
    const bytes = Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
    assert.strictEqual(readPfx(bytes, 'pfx pass').certificatePems.length, 2, 'the chain is in the file, CA first');
    assert.strictEqual(loadPfxCertificate(bytes, 'pfx pass', readPfx).thumbprintSha256, expected);
  });

  it('refuses a key that does not belong to the certificate', () => {
    const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    assert.throws(() => loadPemCertificate(other + certPem), /does not belong/);
  });
});
