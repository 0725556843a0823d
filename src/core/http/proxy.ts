/**
 * Which proxy a request goes through, decided the way VS Code's own proxy resolver decides it
 * (@vscode/proxy-agent), so sign-in and queries take the same route as the rest of the editor:
 * `http.proxy` first, then HTTPS_PROXY / HTTP_PROXY; `http.noProxy` when set, else NO_PROXY; and
 * localhost, 127.0.0.1 and ::1 always direct. The settings are read by the VS Code layer; this
 * file is pure so the rules are tested without an editor.
 */

export interface ProxySettings {
  /** `http.proxy`, or '' when unset. */
  readonly proxy: string;
  /** `http.proxyAuthorization`: a whole Proxy-Authorization header value, or undefined. */
  readonly authorization?: string;
  /** `http.noProxy`: when it has entries, NO_PROXY is ignored (as in VS Code). */
  readonly noProxy: readonly string[];
  /** `http.proxySupport`: 'off' means the user turned proxy support for extensions off. */
  readonly support: 'off' | 'on' | 'fallback' | 'override';
  /** The environment's proxy variables (both cases), as the extension host sees them. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface ProxyEndpoint {
  readonly protocol: 'http:' | 'https:' | 'unsupported';
  readonly host: string;
  readonly port: number;
  /** The Proxy-Authorization header, from `http.proxyAuthorization` or the URL's user info. */
  readonly authorization?: string;
  /** host:port, for messages: never the credentials. */
  readonly display: string;
}

const LOCALHOST = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '::ffff:127.0.0.1']);

function envValue(env: ProxySettings['env'], name: string): string | undefined {
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return v && v.trim() ? v.trim() : undefined;
}

/** A NO_PROXY-style entry: `*`, a host, `.suffix` or `*.suffix`, each with an optional `:port`. */
function matchesNoProxy(entry: string, host: string, port: string): boolean {
  let e = entry.trim().toLowerCase();
  if (!e) return false;
  if (e === '*') return true;
  let entryPort: string | undefined;
  // An IPv6 literal is bracketed when it has a port ([2001:db8::1]:8443); bare, its last group
  // (2001:db8::1) is not a port.
  const bracketed = /^\[([^\]]*)\](?::(\d+))?$/.exec(e);
  const m = bracketed ?? /^(.*):(\d+)$/.exec(e);
  if (m && (bracketed || m[1].includes('.') || !m[1].includes(':'))) {
    e = m[1];
    entryPort = m[2];
  }
  if (entryPort && entryPort !== port) return false;
  if (e.startsWith('*')) e = e.slice(1);
  if (e.startsWith('.')) return host.endsWith(e) || host === e.slice(1);
  return host === e || host.endsWith(`.${e}`);
}

/** The proxy URL's parts; an unparsable value or an unsupported scheme (SOCKS) is reported, not ignored. */
export function parseProxy(raw: string, authorization: string | undefined): ProxyEndpoint {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    return { protocol: 'unsupported', host: '', port: 0, display: 'the configured proxy (not a URL)' };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { protocol: 'unsupported', host, port: Number(url.port) || 0, display: `${url.protocol}//${url.host}` };
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  const fromUrl = url.username ? `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}` : undefined;
  const auth = authorization?.trim() ? authorization.trim() : fromUrl;
  return { protocol: url.protocol, host, port, display: `${url.host}`, ...(auth ? { authorization: auth } : {}) };
}

/** The proxy for one request, or undefined to connect directly. */
export function proxyFor(target: URL, settings: ProxySettings): ProxyEndpoint | undefined {
  if (settings.support === 'off') return undefined;
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (LOCALHOST.has(host)) return undefined;
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  const noProxy = settings.noProxy.length ? settings.noProxy : (envValue(settings.env, 'no_proxy') ?? '').split(',');
  if (noProxy.some((entry) => matchesNoProxy(entry, host, port))) return undefined;
  const raw =
    settings.proxy.trim() ||
    (target.protocol === 'https:'
      ? (envValue(settings.env, 'https_proxy') ?? envValue(settings.env, 'http_proxy'))
      : envValue(settings.env, 'http_proxy'));
  return raw ? parseProxy(raw, settings.authorization) : undefined;
}

export const NO_PROXY_SETTINGS: ProxySettings = { proxy: '', noProxy: [], support: 'off', env: {} };
