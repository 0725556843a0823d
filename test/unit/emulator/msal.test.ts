import * as assert from 'assert';
import * as fs from 'fs';
import { type AuthError, ConfidentialClientApplication, type DeviceCodeRequest, PublicClientApplication } from '@azure/msal-node';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { decodeJwt } from '../../../src/emulator/jwt';
import { CONTOSO, DEVICE_APP, FULL_APP, request, UNCONSENTED_APP } from '../../support/emulatorClient';
import { caTrustingNetworkClient } from '../../support/msalNetwork';

/** Real, unmodified MSAL Node against the fake tenant over HTTPS on loopback. */
describe('fake tenant: sign-in with MSAL Node', function () {
  this.timeout(30_000);
  let emulator: Emulator;

  before(async () => {
    emulator = await startEmulator({ signIns: 200, deviceCodeIntervalSeconds: 1, deviceCodeLifetimeSeconds: 4 });
  });
  after(() => emulator.close());

  const authOptions = (tenant: string, clientId: string) => {
    const host = new URL(emulator.origin).host;
    return { clientId, authority: `${emulator.origin}/${tenant}`, knownAuthorities: [host] };
  };
  const system = () => ({ networkClient: caTrustingNetworkClient(emulator.caPem as string) });
  const claims = (token: string) => decodeJwt(token)?.claims ?? {};
  const app = (clientId: string) => emulator.info.tenants[0].apps.find((a) => a.clientId === clientId)!;

  it('gets an app-only Graph token with a client secret', async () => {
    const cca = new ConfidentialClientApplication({ auth: { ...authOptions(CONTOSO, FULL_APP), clientSecret: app(FULL_APP).secret! }, system: system() });
    const result = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    const c = claims(result!.accessToken);
    assert.strictEqual(c.tid, CONTOSO);
    assert.strictEqual(c.aud, 'https://graph.microsoft.com');
    assert.strictEqual(c.appid, FULL_APP);
    assert.ok((c.roles as string[]).includes('AuditLog.Read.All'));
    assert.ok(!(c.roles as string[]).includes('ActivityFeed.Read'), 'Management API roles must not be in a Graph token');
  });

  it('gets a Management API token with a certificate (SHA-256 thumbprint, PS256 assertion)', async () => {
    const a = app(FULL_APP);
    const cca = new ConfidentialClientApplication({
      auth: { ...authOptions(CONTOSO, FULL_APP), clientCertificate: { thumbprintSha256: a.thumbprintSha256!, privateKey: fs.readFileSync(a.privateKeyPemPath!, 'utf8') } },
      system: system(),
    });
    const result = await cca.acquireTokenByClientCredential({ scopes: ['https://manage.office.com/.default'] });
    const c = claims(result!.accessToken);
    assert.strictEqual(c.aud, 'https://manage.office.com');
    assert.deepStrictEqual(c.roles, ['ActivityFeed.Read']);
  });

  it('refuses a certificate whose key does not match the registered one (AADSTS700027)', async () => {
    const a = app(FULL_APP);
    const other = emulator.info.tenants[0].apps.find((x) => x.clientId !== FULL_APP && x.privateKeyPemPath)!;
    const cca = new ConfidentialClientApplication({
      auth: { ...authOptions(CONTOSO, FULL_APP), clientCertificate: { thumbprintSha256: a.thumbprintSha256!, privateKey: fs.readFileSync(other.privateKeyPemPath!, 'utf8') } },
      system: system(),
    });
    await assert.rejects(cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }), (e: AuthError) => e.errorCode === 'invalid_client' && /AADSTS700027/.test(e.errorMessage));
  });

  const failures: [string, () => Promise<unknown>, string, RegExp][] = [
    [
      'wrong secret: AADSTS7000215',
      () => new ConfidentialClientApplication({ auth: { ...authOptions(CONTOSO, FULL_APP), clientSecret: 'f3a1c2d4-secret-id-not-value' }, system: system() }).acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }),
      'invalid_client',
      /AADSTS7000215/,
    ],
    [
      'unknown app: AADSTS700016',
      () => new ConfidentialClientApplication({ auth: { ...authOptions(CONTOSO, '99999999-0000-4000-8000-000000000000'), clientSecret: 'x' }, system: system() }).acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }),
      'unauthorized_client',
      /AADSTS700016/,
    ],
    [
      'missing consent: AADSTS65001',
      () => new ConfidentialClientApplication({ auth: { ...authOptions(CONTOSO, UNCONSENTED_APP), clientSecret: app(UNCONSENTED_APP).secret! }, system: system() }).acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }),
      'invalid_grant',
      /AADSTS65001/,
    ],
  ];
  for (const [name, run, code, pattern] of failures) {
    it(`fails with the documented error for ${name}`, async () => {
      await assert.rejects(run(), (e: AuthError) => (code === '' || e.errorCode === code) && pattern.test(`${e.errorCode} ${e.errorMessage}`));
    });
  }

  it('fails for an unknown tenant: MSAL cannot resolve endpoints because discovery answers AADSTS90002', async () => {
    const cca = new ConfidentialClientApplication({ auth: { ...authOptions('nosuchtenant.onmicrosoft.com', FULL_APP), clientSecret: 'x' }, system: system() });
    await assert.rejects(cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }), (e: AuthError) => e.errorCode === 'endpoints_resolution_error');
    const discovery = await request(emulator, `${emulator.origin}/nosuchtenant.onmicrosoft.com/v2.0/.well-known/openid-configuration`);
    assert.strictEqual(discovery.status, 400);
    assert.deepStrictEqual((discovery.json as { error_codes: number[] }).error_codes, [90002]);
  });

  it('completes device code when a user approves, then refreshes silently', async () => {
    const pca = new PublicClientApplication({ auth: authOptions(CONTOSO, DEVICE_APP), system: system() });
    let shown = '';
    const result = await pca.acquireTokenByDeviceCode({
      scopes: ['https://graph.microsoft.com/.default'],
      deviceCodeCallback: (r) => {
        shown = r.message;
        emulator.approveDeviceCode(r.userCode, 'secops@contoso.onmicrosoft.com');
      },
    });
    assert.match(shown, /enter the code [A-Z0-9]{9}/);
    const c = claims(result!.accessToken);
    assert.strictEqual(c.upn, 'secops@contoso.onmicrosoft.com');
    assert.match(String(c.scp), /AuditLog\.Read\.All/);
    assert.ok((c.wids as string[]).includes('194ae4cb-b126-40b2-bd5b-6091b380977d'), 'Security Administrator role template id');
    const before = emulator.tokenRequests().refresh_token ?? 0;
    const silent = await pca.acquireTokenSilent({ account: result!.account!, scopes: ['https://graph.microsoft.com/.default'], forceRefresh: true });
    assert.strictEqual(claims(silent!.accessToken).upn, 'secops@contoso.onmicrosoft.com');
    assert.strictEqual((emulator.tokenRequests().refresh_token ?? 0) - before, 1);
  });

  it('reports authorization_declined when the user declines', async () => {
    const pca = new PublicClientApplication({ auth: authOptions(CONTOSO, DEVICE_APP), system: system() });
    await assert.rejects(
      pca.acquireTokenByDeviceCode({ scopes: ['https://graph.microsoft.com/.default'], deviceCodeCallback: (r) => emulator.approveDeviceCode(r.userCode, undefined, true) }),
      (e: AuthError) => /authorization_declined/.test(`${e.errorCode} ${e.errorMessage}`),
    );
  });

  it('reports expired_token when nobody approves in time', async () => {
    const pca = new PublicClientApplication({ auth: authOptions(CONTOSO, DEVICE_APP), system: system() });
    await assert.rejects(
      pca.acquireTokenByDeviceCode({ scopes: ['https://graph.microsoft.com/.default'], deviceCodeCallback: () => undefined }),
      (e: AuthError) => /expired_token|code_expired/.test(`${e.errorCode} ${e.errorMessage}`),
    );
  });

  it('stops polling when the request is cancelled', async () => {
    const pca = new PublicClientApplication({ auth: authOptions(CONTOSO, DEVICE_APP), system: system() });
    const request: DeviceCodeRequest = { scopes: ['https://graph.microsoft.com/.default'], deviceCodeCallback: () => setTimeout(() => (request.cancel = true), 100) };
    await assert.rejects(pca.acquireTokenByDeviceCode(request), (e: AuthError) => /cancel/i.test(`${e.errorCode} ${e.errorMessage}`));
  });
});
