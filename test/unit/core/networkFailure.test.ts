/**
 * A request that got no HTTP answer must be told as its true cause (DNS, a refused or timed-out
 * connection, TLS trust, a proxy), with the host it was for and whether trying again can help.
 * The catalog's wording of each code is tested in auth.test.ts; this holds the mapping itself.
 */
import * as assert from 'assert';
import { asNetworkFailure, NetworkFailureError, networkFailureCode } from '../../../src/core/http/networkFailure';

describe('core/http: a failure without an HTTP answer is named by its cause', () => {
  it('every node code a user meets maps to its own cause; a look-alike of a TLS code does not', () => {
    const table: Record<string, string> = {
      ENOTFOUND: 'NetworkDns',
      EAI_AGAIN: 'NetworkDns',
      EAI_FAIL: 'NetworkDns',
      ECONNREFUSED: 'NetworkRefused',
      ETIMEDOUT: 'NetworkTimeout',
      ESOCKETTIMEDOUT: 'NetworkTimeout',
      UND_ERR_CONNECT_TIMEOUT: 'NetworkTimeout',
      ENETUNREACH: 'NetworkUnreachable',
      EHOSTUNREACH: 'NetworkUnreachable',
      ENETDOWN: 'NetworkUnreachable',
      ECONNRESET: 'NetworkReset',
      EPIPE: 'NetworkReset',
      EPROTO: 'NetworkTls',
      HOSTNAME_MISMATCH: 'NetworkTls',
      DEPTH_ZERO_SELF_SIGNED_CERT: 'NetworkTls',
      ERR_SSL_WRONG_VERSION_NUMBER: 'NetworkTls',
      UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'NetworkTls',
      CERT_NOT_YET_VALID: 'NetworkTls',
      // The TLS pattern is anchored: a code merely containing one is something else.
      EPROTONOSUPPORT: 'NetworkError',
      X_CERT_HAS_EXPIRED: 'NetworkError',
      '': 'NetworkError',
    };
    for (const [errno, code] of Object.entries(table)) assert.strictEqual(networkFailureCode(errno), code, errno);
    assert.strictEqual(networkFailureCode(undefined), 'NetworkError');
  });

  it("the message names the host and the cause, and node's code once", () => {
    assert.strictEqual(new NetworkFailureError('graph.microsoft.com', 'ENOTFOUND', 'getaddrinfo failed').message, 'Could not reach graph.microsoft.com: getaddrinfo failed (ENOTFOUND)');
    assert.strictEqual(new NetworkFailureError('graph.microsoft.com', 'ENOTFOUND', 'getaddrinfo ENOTFOUND graph.microsoft.com').message, 'Could not reach graph.microsoft.com: getaddrinfo ENOTFOUND graph.microsoft.com');
    assert.strictEqual(new NetworkFailureError('graph.microsoft.com', undefined, 'socket hang up').message, 'Could not reach graph.microsoft.com: socket hang up');
  });

  it('says a retry cannot help where a setting or a certificate must change first, and can where the network may recover', () => {
    const retryable = (errno: string) => new NetworkFailureError('h', errno, 'x').retryable;
    for (const errno of ['CERT_HAS_EXPIRED', 'EPROXYAUTH', 'EPROXYREFUSED', 'EPROXYUNSUPPORTED']) assert.strictEqual(retryable(errno), false, errno);
    for (const errno of ['ENOTFOUND', 'ECONNREFUSED', 'ETIMEDOUT', 'ECONNRESET', 'ENETUNREACH', 'EPROXYUNREACHABLE', 'EWHATEVER']) assert.strictEqual(retryable(errno), true, errno);
  });

  describe('asNetworkFailure: wraps socket failures, passes anything else through untouched', () => {
    const url = 'https://graph.microsoft.com:8443/v1.0/users/0b7c1f5e-1111-4222-8333-444455556666?$top=1';

    it('a socket error becomes a failure naming the host (with its port, never the path), its cause and its message', () => {
      const failure = asNetworkFailure(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:8443'), { code: 'ECONNREFUSED' }), url);
      assert.ok(failure instanceof NetworkFailureError);
      assert.strictEqual(failure.host, 'graph.microsoft.com:8443');
      assert.strictEqual(failure.code, 'NetworkRefused');
      assert.strictEqual(failure.errno, 'ECONNREFUSED');
      assert.strictEqual(failure.proxy, undefined);
      assert.strictEqual(failure.message, 'Could not reach graph.microsoft.com:8443: connect ECONNREFUSED 10.0.0.1:8443');
      assert.ok(!failure.message.includes('users'), 'no path (it may carry ids)');
    });

    it('the proxy that failed is carried when it is named; a malformed one is not', () => {
      const named = asNetworkFailure({ code: 'EPROXYAUTH', message: 'the proxy asked for credentials', proxy: 'proxy.corp:3128' }, url) as NetworkFailureError;
      assert.strictEqual(named.proxy, 'proxy.corp:3128');
      assert.strictEqual(named.code, 'ProxyAuthRequired');
      const malformed = asNetworkFailure({ code: 'EPROXYAUTH', message: 'm', proxy: 3128 }, url) as NetworkFailureError;
      assert.strictEqual(malformed.proxy, undefined);
    });

    it('without a message the code stands for it; an unparsable URL is "the service"', () => {
      const bare = asNetworkFailure({ code: 'ETIMEDOUT', message: 42 }, 'not a url') as NetworkFailureError;
      assert.strictEqual(bare.message, 'Could not reach the service: ETIMEDOUT');
      assert.strictEqual(bare.host, 'the service');
    });

    it('an abort, an error without a string code, a failure already wrapped and a non-object pass through as they are', () => {
      const wrapped = new NetworkFailureError('h', 'ENOTFOUND', 'x');
      assert.strictEqual(asNetworkFailure(wrapped, url), wrapped);
      const abort = Object.assign(new Error('aborted'), { name: 'AbortError', code: 'ABORT_ERR' });
      assert.strictEqual(asNetworkFailure(abort, url), abort);
      const plain = new Error('HTTP 500');
      assert.strictEqual(asNetworkFailure(plain, url), plain);
      const numeric = { code: 500, message: 'x' };
      assert.strictEqual(asNetworkFailure(numeric, url), numeric);
      const empty = { code: '', message: 'x' };
      assert.strictEqual(asNetworkFailure(empty, url), empty);
      for (const other of [null, undefined, 'ECONNRESET', 7]) assert.strictEqual(asNetworkFailure(other, url), other);
    });
  });
});
