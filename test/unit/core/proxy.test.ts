import * as assert from 'assert';
import { AppCredential } from '../../../src/core/auth/credentials';
import { createAgents, msalNetworkClient } from '../../../src/core/auth/networkClient';
import { MemorySecretStore } from '../../../src/core/auth/secretStore';
import { cloudById, localEndpoints } from '../../../src/core/clouds';
import { diagnose } from '../../../src/core/diagnose/classify';
import { NetworkFailureError } from '../../../src/core/http/networkFailure';
import { type ProxySettings, proxyFor } from '../../../src/core/http/proxy';
import { NULL_LOGGER } from '../../../src/core/log/redact';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { type ConnectProxy, startConnectProxy } from '../../support/connectProxy';
import { CONTOSO, FULL_APP } from '../../support/emulatorClient';
import { emulatorApi } from '../../support/emulatorApi';

const base: ProxySettings = { proxy: '', noProxy: [], support: 'override', env: {} };
const route = (url: string, s: Partial<ProxySettings>) => proxyFor(new URL(url), { ...base, ...s });

describe('core/http proxy: which requests go through which proxy (VS Code\'s rules)', () => {
  it('http.proxy applies to every host but localhost, 127.0.0.1 and ::1', () => {
    assert.strictEqual(route('https://graph.microsoft.com/v1.0/x', { proxy: 'http://proxy.corp:3128' })?.display, 'proxy.corp:3128');
    assert.strictEqual(route('https://127.0.0.2:8443/', { proxy: 'http://proxy.corp:3128' })?.port, 3128);
    for (const local of ['https://localhost:1/', 'https://127.0.0.1:1/', 'https://[::1]:1/']) assert.strictEqual(route(local, { proxy: 'http://proxy.corp:3128' }), undefined, local);
  });
  it('the setting wins over HTTPS_PROXY, which wins over HTTP_PROXY for https', () => {
    const env = { https_proxy: 'http://env-https:1', http_proxy: 'http://env-http:2' };
    assert.strictEqual(route('https://graph.microsoft.com/', { proxy: 'http://setting:3', env })?.host, 'setting');
    assert.strictEqual(route('https://graph.microsoft.com/', { env })?.host, 'env-https');
    assert.strictEqual(route('https://graph.microsoft.com/', { env: { http_proxy: 'env-http:2' } })?.host, 'env-http');
    assert.strictEqual(route('https://graph.microsoft.com/', {}), undefined);
  });
  it('http.noProxy (when set) or NO_PROXY send matching hosts direct: exact, suffix, *., port, *', () => {
    const proxy = 'http://p:1';
    assert.strictEqual(route('https://graph.microsoft.com/', { proxy, noProxy: ['microsoft.com'] }), undefined);
    assert.strictEqual(route('https://graph.microsoft.com/', { proxy, noProxy: ['.microsoft.com'] }), undefined);
    assert.strictEqual(route('https://graph.microsoft.com/', { proxy, noProxy: ['*.microsoft.com'] }), undefined);
    assert.ok(route('https://notmicrosoft.com/', { proxy, noProxy: ['microsoft.com'] }), 'a suffix matches whole labels only');
    assert.ok(route('https://graph.microsoft.com/', { proxy, noProxy: ['graph.microsoft.com:8443'] }), 'another port is still proxied');
    assert.strictEqual(route('https://graph.microsoft.com/', { proxy, noProxy: ['graph.microsoft.com:443'] }), undefined);
    assert.strictEqual(route('https://graph.microsoft.com/', { proxy, env: { no_proxy: 'x.org, Microsoft.COM' } }), undefined);
    assert.ok(route('https://graph.microsoft.com/', { proxy, noProxy: ['x.org'], env: { no_proxy: 'microsoft.com' } }), 'http.noProxy replaces NO_PROXY');
    assert.strictEqual(route('https://graph.microsoft.com/', { proxy, env: { NO_PROXY: '*' } }), undefined);
  });
  it('http.proxySupport "off" means no proxy; credentials come from proxyAuthorization or the URL, never into the display', () => {
    assert.strictEqual(route('https://graph.microsoft.com/', { proxy: 'http://p:1', support: 'off' }), undefined);
    const fromUrl = route('https://graph.microsoft.com/', { proxy: 'http://al%40ice:s%3Acret@p:1' })!;
    assert.strictEqual(fromUrl.authorization, `Basic ${Buffer.from('al@ice:s:cret').toString('base64')}`);
    assert.ok(!fromUrl.display.includes('cret') && !fromUrl.display.includes('al'), fromUrl.display);
    assert.strictEqual(route('https://graph.microsoft.com/', { proxy: 'http://u:p@p:1', authorization: 'Negotiate abc' })?.authorization, 'Negotiate abc');
    assert.strictEqual(route('https://graph.microsoft.com/', { proxy: 'socks5://p:1080' })?.protocol, 'unsupported');
  });
});

describe('core/http proxy: sign-in and Graph through a real CONNECT proxy on loopback', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  // The fake tenant accepts only the proxy's connections (from 127.0.0.3): a direct request fails.
  before(async () => {
    emulator = await startEmulator({ signIns: 50, host: '127.0.0.2', acceptOnlyFrom: '127.0.0.3' });
  });
  after(() => emulator.close());
  let proxy: ConnectProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });
  const settings = (url: string, extra: Partial<ProxySettings> = {}): ProxySettings => ({ ...base, proxy: url, ...extra });
  const secret = () => emulator.info.tenants[0].apps.find((a) => a.clientId === FULL_APP)!.secret!;
  const credential = (s: ProxySettings) =>
    new AppCredential('clientSecret', { tenantKey: 't', tenant: CONTOSO, clientId: FULL_APP, endpoints: localEndpoints(cloudById('global'), emulator.origin), secrets: new MemorySecretStore(), network: msalNetworkClient(createAgents({ ca: emulator.caPem!, proxy: s })), log: NULL_LOGGER });

  it('without the proxy the tenant cannot be reached (the test\'s premise)', async () => {
    const before = emulator.connectionsRefused();
    await assert.rejects(credential(base).signIn(secret()));
    assert.ok(emulator.connectionsRefused() > before, 'the direct connection was refused by the fake tenant');
  });

  it('signs in and pages Graph through the tunnel; keep-alive reuses tunnels instead of opening one per request', async () => {
    proxy = await startConnectProxy({ upstreamFrom: '127.0.0.3' });
    const servedBefore = emulator.requestsServed();
    const api = await emulatorApi(emulator, CONTOSO, FULL_APP, { proxy: settings(proxy.url) });
    let rows = 0;
    for (let url: string | undefined = `${emulator.origin}/v1.0/auditLogs/signIns?$top=5`, pages = 0; url && pages < 4; pages++) {
      const page = (await api.client.request(url, { resource: 'graph', limit: 'reports' })).body as { value: unknown[]; '@odata.nextLink'?: string };
      rows += page.value.length;
      url = page['@odata.nextLink'];
    }
    assert.strictEqual(rows, 20);
    const served = emulator.requestsServed() - servedBefore;
    assert.ok(served >= 5, `token and pages were served (${served})`);
    assert.ok(proxy.log.length > 0 && proxy.log.every((e) => e.target === new URL(emulator.origin).host && e.status === 200), JSON.stringify(proxy.log));
    assert.ok(proxy.log.length < served, `${proxy.log.length} tunnels for ${served} requests`);
  });

  it('a proxy that wants credentials: 407 becomes ProxyAuthRequired at once (not retried); with http.proxyAuthorization it works', async () => {
    const expected = `Basic ${Buffer.from('corp\\alice:pw').toString('base64')}`;
    proxy = await startConnectProxy({ upstreamFrom: '127.0.0.3', requireAuthorization: expected });
    const error = await credential(settings(proxy.url)).signIn(secret()).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof NetworkFailureError, String(error));
    assert.strictEqual(error.code, 'ProxyAuthRequired');
    assert.match(error.message, /127\.0\.0\.1:\d+ asks for credentials \(407, Basic\)/);
    assert.match(diagnose(error).explanation!.nextStep, /http\.proxyAuthorization/);
    const denied = proxy.log.length;
    assert.deepStrictEqual(proxy.log.map((e) => e.status), [407], "one refused tunnel: sign-in stops at the first 407");
    const token = await credential(settings(proxy.url, { authorization: expected })).signIn(secret());
    assert.ok(token.token.length > 20);
    assert.ok(proxy.log.slice(denied).some((e) => e.status === 200));
    // The same credentials in the URL work too.
    const viaUrl = await credential(settings(proxy.url.replace('http://', `http://${encodeURIComponent('corp\\alice')}:pw@`))).signIn(secret());
    assert.ok(viaUrl.token.length > 20);
  });

  it('a proxy that refuses by policy, or is not there, each gets its own catalogued cause', async () => {
    proxy = await startConnectProxy({ refuseAll: true });
    const api = async (s: ProxySettings) => {
      const agents = createAgents({ ca: emulator.caPem!, proxy: s });
      const { httpTransport } = await import('../../../src/core/http/transport');
      return httpTransport(agents)(`${emulator.origin}/v1.0/auditLogs/signIns`, { method: 'GET', headers: {} }).then(
        () => undefined,
        (e: unknown) => e,
      );
    };
    const refused = await api(settings(proxy.url));
    assert.ok(refused instanceof NetworkFailureError && refused.code === 'ProxyRefused', String(refused));
    assert.match(refused.message, /refused the tunnel to 127\.0\.0\.2 \(403 Forbidden by policy\)/);
    const url = proxy.url;
    await proxy.close();
    proxy = undefined;
    const gone = await api(settings(url));
    assert.ok(gone instanceof NetworkFailureError && gone.code === 'ProxyUnreachable', String(gone));
    assert.match(diagnose(gone).explanation!.nextStep, /http\.proxy/);
    const socks = await api(settings('socks5://127.0.0.1:1080'));
    assert.ok(socks instanceof NetworkFailureError && socks.code === 'ProxyUnsupported', String(socks));
  });
});
