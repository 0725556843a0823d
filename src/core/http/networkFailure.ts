/**
 * A request that never got an HTTP answer: DNS, refused or timed-out connections, TLS trust (a
 * proxy that inspects TLS presents its own certificate), an unreachable network. It names the host
 * and maps to one catalog code each, so the user sees the true cause and not "check permissions",
 * and MSAL's bare `network_error` can be traced back to what actually happened.
 */

export type NetworkFailureCode =
  | 'NetworkDns'
  | 'NetworkRefused'
  | 'NetworkTimeout'
  | 'NetworkTls'
  | 'NetworkUnreachable'
  | 'NetworkReset'
  | 'NetworkError'
  | 'ProxyAuthRequired'
  | 'ProxyRefused'
  | 'ProxyUnreachable'
  | 'ProxyUnsupported';

/** The proxy's answers (see tunnel.ts) each have their own cause and next step. */
const PROXY: Record<string, NetworkFailureCode> = { EPROXYAUTH: 'ProxyAuthRequired', EPROXYREFUSED: 'ProxyRefused', EPROXYUNREACHABLE: 'ProxyUnreachable', EPROXYUNSUPPORTED: 'ProxyUnsupported' };

/** Failures a retry cannot fix: a setting or a certificate has to change first. */
const FINAL = new Set<NetworkFailureCode>(['NetworkTls', 'ProxyAuthRequired', 'ProxyRefused', 'ProxyUnsupported']);

const TLS = /^(CERT_|UNABLE_TO_|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED_CERT|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH)/;

/** The catalog code for a node socket or TLS error code. */
export function networkFailureCode(errno: string | undefined): NetworkFailureCode {
  if (!errno) return 'NetworkError';
  if (PROXY[errno]) return PROXY[errno];
  if (errno === 'ENOTFOUND' || errno === 'EAI_AGAIN' || errno === 'EAI_FAIL') return 'NetworkDns';
  if (errno === 'ECONNREFUSED') return 'NetworkRefused';
  if (errno === 'ETIMEDOUT' || errno === 'ESOCKETTIMEDOUT' || errno === 'UND_ERR_CONNECT_TIMEOUT') return 'NetworkTimeout';
  if (errno === 'ENETUNREACH' || errno === 'EHOSTUNREACH' || errno === 'ENETDOWN') return 'NetworkUnreachable';
  if (errno === 'ECONNRESET' || errno === 'EPIPE') return 'NetworkReset';
  if (TLS.test(errno)) return 'NetworkTls';
  return 'NetworkError';
}

export class NetworkFailureError extends Error {
  readonly code: NetworkFailureCode;

  constructor(
    /** The host that could not be reached (never a path: it may carry ids). */
    readonly host: string,
    /** node's own code (ENOTFOUND, CERT_HAS_EXPIRED, …), for the log and support. */
    readonly errno: string | undefined,
    detail: string,
    /** The proxy in between, when the proxy is what failed. */
    readonly proxy?: string,
  ) {
    const code = networkFailureCode(errno);
    super(`Could not reach ${host}: ${detail}${errno && !detail.includes(errno) ? ` (${errno})` : ''}`);
    this.code = code;
  }

  /** Whether trying again, unchanged, can succeed. */
  get retryable(): boolean {
    return !FINAL.has(this.code);
  }
}

/** Wraps a socket-level failure of a request to `url`; anything else passes through. */
export function asNetworkFailure(error: unknown, url: string): unknown {
  if (error instanceof NetworkFailureError) return error;
  if (typeof error !== 'object' || error === null || (error as { name?: unknown }).name === 'AbortError') return error;
  const e = error as { code?: unknown; message?: unknown };
  const errno = typeof e.code === 'string' ? e.code : undefined;
  if (!errno) return error;
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    host = 'the service';
  }
  const proxy = typeof (e as { proxy?: unknown }).proxy === 'string' ? (e as { proxy: string }).proxy : undefined;
  return new NetworkFailureError(host, errno, typeof e.message === 'string' ? e.message : errno, proxy);
}
