/**
 * The edges of the HTTP layer a user meets on a bad day: the service's error envelope in every
 * shape (support needs its ids), why a link was refused (the log must say), the pacer's default
 * spacing, and the proxy rules for IPv6, unparsable settings and default ports.
 */
import * as assert from 'assert';
import { checkTokenUrl, UnsafeLinkError } from '../../../src/core/http/allowlist';
import { Pacer } from '../../../src/core/http/pacer';
import { parseProxy, type ProxySettings, proxyFor } from '../../../src/core/http/proxy';
import { ServiceError } from '../../../src/core/http/serviceError';
import { FakeClock } from '../../support/fakeClock';

const headers = (h: Record<string, string> = {}) => ({ get: (name: string) => h[name] ?? null });

describe('core/http: a service error keeps what support needs, whatever the envelope', () => {
  it("Graph's envelope: code, message, and the ids of the inner error over the headers'", () => {
    const body = { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges.', innerError: { 'request-id': 'r-inner', 'client-request-id': 'c-inner', date: '2026-12-02T10:00:00' } } };
    const e = ServiceError.fromBody('graph', 403, body, headers({ 'request-id': 'r-header', 'client-request-id': 'c-header', date: 'Wed, 02 Dec 2026 10:00:01 GMT' }));
    assert.deepStrictEqual([e.code, e.serviceMessage, e.requestId, e.clientRequestId, e.date, e.innerCode], ['Authorization_RequestDenied', 'Insufficient privileges.', 'r-inner', 'c-inner', '2026-12-02T10:00:00', undefined]);
    assert.strictEqual(e.message, 'Graph 403 Authorization_RequestDenied: Insufficient privileges.');
  });

  it("Log Analytics spells it innererror and says more in its code", () => {
    const e = ServiceError.fromBody('logAnalytics', 400, { error: { code: 'BadArgumentError', message: 'The request had some invalid properties', innererror: { code: 'SyntaxError' } } }, headers());
    assert.strictEqual(e.innerCode, 'SyntaxError');
    assert.strictEqual(e.message, 'Log Analytics 400 BadArgumentError: The request had some invalid properties');
  });

  it('a body that is not the envelope (text, null, a number for a code) falls back to the status and the headers; nothing absent reads as ""', () => {
    for (const body of [null, 'Service Unavailable', 42, { error: 'busy' }, { error: null }, { error: { code: 503, message: ['x'], innerError: 'x' } }]) {
      const e = ServiceError.fromBody('manage', 503, body, headers({ 'request-id': 'r-header' }));
      assert.deepStrictEqual([e.code, e.serviceMessage, e.requestId, e.clientRequestId, e.date, e.innerCode], ['HTTP503', 'The service answered 503.', 'r-header', undefined, undefined, undefined], JSON.stringify(body));
      assert.strictEqual(e.message, 'Management API 503 HTTP503: The service answered 503.');
    }
    const e = ServiceError.fromBody('arm', 500, { error: { innerError: { 'request-id': 7, date: 5 } } }, headers({ date: 'Wed, 02 Dec 2026 10:00:01 GMT', 'client-request-id': 'c-header' }));
    assert.strictEqual(e.requestId, undefined);
    assert.strictEqual(e.clientRequestId, 'c-header');
    assert.strictEqual(e.date, 'Wed, 02 Dec 2026 10:00:01 GMT');
  });
});

describe('core/http: a refused link says why', () => {
  const origins = ['https://graph.microsoft.com', 'http://127.0.0.1:8080'];
  const reason = (url: string, prefix?: string) => {
    const v = checkTokenUrl(url, origins, prefix);
    return v.ok ? 'ok' : v.reason;
  };
  it('each refusal names its reason, with the host and never more than 200 characters of the link', () => {
    assert.strictEqual(reason(`nonsense ${'x'.repeat(300)}`), `not a valid URL: nonsense ${'x'.repeat(191)}`);
    assert.strictEqual(reason('https://user:pw@graph.microsoft.com/v1.0/me'), 'the link carries user information (graph.microsoft.com)');
    assert.strictEqual(reason('http://graph.microsoft.com/v1.0/me'), 'the link is not https (http://graph.microsoft.com)');
    assert.strictEqual(reason('https://graph.microsoft.com.evil.example/v1.0/me'), 'the link points to graph.microsoft.com.evil.example, which is not the host this token is for');
    assert.strictEqual(reason(`https://graph.microsoft.com/other/${'y'.repeat(300)}`, '/api/'), `the link leaves /api/ (it points to /other/${'y'.repeat(193)})`);
    // Plain http only to an http origin that is allowed as such (the demo tenant on loopback).
    assert.strictEqual(reason('http://127.0.0.1:8080/v1.0/me'), 'ok');
    assert.strictEqual(reason('http://127.0.0.1:8081/v1.0/me'), 'the link is not https (http://127.0.0.1:8081)');
  });
  it('the error a refused link raises is catalogued as UnsafeLink and keeps the link and the reason', () => {
    const e = new UnsafeLinkError('https://evil.example/', 'the link points to evil.example');
    assert.deepStrictEqual([e.code, e.link, e.reason], ['UnsafeLink', 'https://evil.example/', 'the link points to evil.example']);
  });
});

describe("core/http: the pacer's default margin", () => {
  it('spaces a full window by the window plus 5% of it, at most 250 ms', async () => {
    for (const [name, key, window, margin] of [['identityProtection', 'ip', 1_000, 50], ['reports', 'r', 10_000, 250]] as const) {
      const clock = new FakeClock(1_000_000);
      const pacer = new Pacer(clock);
      const limit = name === 'reports' ? 5 : 1;
      for (let i = 0; i < limit; i++) await pacer.acquire(key, name);
      const before = clock.now();
      await pacer.acquire(key, name);
      assert.strictEqual(clock.now() - before, window + margin, name);
    }
  });
  it('a start just outside the window and its margin no longer counts; one inside it does', async () => {
    const clock = new FakeClock(1_000_000);
    const pacer = new Pacer(clock);
    await pacer.acquire('ip', 'identityProtection');
    clock.t += 1_050;
    await pacer.acquire('ip', 'identityProtection');
    assert.deepStrictEqual(clock.sleeps, [], 'at window + margin the earlier start has left');
    clock.t += 1_049;
    await pacer.acquire('ip', 'identityProtection');
    assert.deepStrictEqual(clock.sleeps, [1], 'a millisecond early waits that millisecond');
  });
});

describe('core/http proxy: the rules at their edges', () => {
  const base: ProxySettings = { proxy: 'http://proxy.corp:3128', noProxy: [], support: 'on', env: {} };
  const route = (url: string, s: Partial<ProxySettings> = {}) => proxyFor(new URL(url), { ...base, ...s });
  it('NO_PROXY takes IPv6 literals bare or bracketed with a port, and a leading dot matches the domain itself', () => {
    assert.strictEqual(route('https://[2001:db8::1]/', { noProxy: ['2001:db8::1'] }), undefined);
    assert.strictEqual(route('https://[2001:db8::1]:8443/', { noProxy: ['[2001:db8::1]:8443'] }), undefined);
    assert.ok(route('https://[2001:db8::1]/', { noProxy: ['[2001:db8::1]:8443'] }), 'another port is still proxied');
    assert.strictEqual(route('https://[2001:db8::1]/', { noProxy: ['[2001:db8::1]'] }), undefined);
    assert.strictEqual(route('https://microsoft.com/', { noProxy: ['.microsoft.com'] }), undefined);
    assert.strictEqual(route('http://intranet.corp/', { noProxy: ['intranet.corp:80'] }), undefined, 'http targets default to port 80');
    assert.ok(route('https://graph.microsoft.com/', { noProxy: ['', ' ', 'x.org'] }), 'empty entries match nothing');
    assert.ok(route('https://graph.example.org/', { noProxy: ['.microsoft.com', '*.microsoft.com'] }), 'a suffix entry leaves other domains proxied');
    assert.strictEqual(route('https://intranet:8080/', { noProxy: ['intranet:8080'] }), undefined, 'a single-label host with a port');
    // Entries with anything around the host and port are not those hosts.
    for (const entry of ['graph.microsoft.com:443x', 'x[2001:db8::1]', '[2001:db8::1]:443junk']) {
      assert.ok(route(entry.includes('[') ? 'https://[2001:db8::1]/' : 'https://graph.microsoft.com/', { noProxy: [entry] }), entry);
    }
  });
  it('blank settings and variables are unset; an http target takes HTTP_PROXY, not HTTPS_PROXY', () => {
    const env = { HTTPS_PROXY: 'http://env-https:1', HTTP_PROXY: ' http://env-http:2 ' };
    assert.strictEqual(route('https://graph.microsoft.com/', { proxy: '   ', env })?.host, 'env-https');
    assert.strictEqual(route('http://graph.microsoft.com/', { proxy: '', env })?.host, 'env-http');
    assert.strictEqual(route('https://graph.microsoft.com/', { proxy: '', env: { https_proxy: '  ', http_proxy: 'http://h:2' } })?.host, 'h');
    assert.strictEqual(route('https://graph.microsoft.com/', { proxy: 'http://u:p@p:1', authorization: '   ' })?.authorization, `Basic ${Buffer.from('u:p').toString('base64')}`);
    assert.strictEqual(route('https://graph.microsoft.com/', { proxy: 'http://p:1', authorization: ' Negotiate abc ' })?.authorization, 'Negotiate abc');
  });
  it('a proxy URL is read with its default port; one that is not a URL, or a SOCKS one, is reported as unsupported', () => {
    assert.deepStrictEqual(parseProxy('https://proxy.corp', undefined), { protocol: 'https:', host: 'proxy.corp', port: 443, display: 'proxy.corp' });
    assert.deepStrictEqual(parseProxy('proxy.corp', undefined), { protocol: 'http:', host: 'proxy.corp', port: 80, display: 'proxy.corp' });
    assert.deepStrictEqual(parseProxy('http://[2001:db8::7]:3128', undefined), { protocol: 'http:', host: '2001:db8::7', port: 3128, display: '[2001:db8::7]:3128' });
    assert.deepStrictEqual(parseProxy('http://', undefined), { protocol: 'unsupported', host: '', port: 0, display: 'the configured proxy (not a URL)' });
    assert.deepStrictEqual(parseProxy('socks5://p:1080', undefined), { protocol: 'unsupported', host: 'p', port: 1080, display: 'socks5://p:1080' });
    assert.deepStrictEqual(parseProxy('socks5://p', undefined), { protocol: 'unsupported', host: 'p', port: 0, display: 'socks5://p' });
  });
});
