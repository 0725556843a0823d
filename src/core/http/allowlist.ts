/**
 * The bearer token goes only to allowed origins (DESIGN rule 1): https and the exact host of the
 * resource the token was issued for, in the tenant's cloud, or the fake tenant's loopback origin. A
 * Graph token goes only to the Graph host, a Management API token only to the Management API host
 * a Log Analytics token only to the Log Analytics query host and an Azure Resource Manager token only to ARM: a token is a key to one service, and no other host (the login host included) needs it.
 * Links the service hands back (@odata.nextLink, NextPageUri, contentUri, redirects) pass through
 * here before anything is sent.
 */
import { type Endpoints } from '../clouds';

/** The resources the extension asks tokens for. */
export type TokenResource = 'graph' | 'manage' | 'logAnalytics' | 'arm';

/** For each resource, the origins its token may be sent to. */
export type TokenOrigins = Readonly<Record<TokenResource, readonly string[]>>;

export type LinkVerdict = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly reason: string };

export function allowedOrigins(endpoints: Endpoints): TokenOrigins {
  const origin = (o: string | undefined): string[] => (typeof o === 'string' ? [new URL(o).origin] : []);
  return { graph: origin(endpoints.graphOrigin), manage: origin(endpoints.manageOrigin), logAnalytics: origin(endpoints.logAnalyticsOrigin), arm: origin(endpoints.armOrigin) };
}

/**
 * `pathPrefix`, when given, also confines the link to one path (the Management API's feed of this
 * tenant): another tenant's feed on the same host must not receive this tenant's token.
 */
export function checkTokenUrl(url: string, origins: readonly string[], pathPrefix?: string): LinkVerdict {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: `not a valid URL: ${url.slice(0, 200)}` };
  }
  if (parsed.username || parsed.password) return { ok: false, reason: `the link carries user information (${parsed.host})` };
  const allowedHttp = origins.some((o) => o.startsWith('http://') && o === parsed.origin);
  if (parsed.protocol !== 'https:' && !allowedHttp) return { ok: false, reason: `the link is not https (${parsed.protocol}//${parsed.host})` };
  // URL normalizes case and default ports, so this is an exact scheme+host+port comparison.
  if (!origins.includes(parsed.origin)) return { ok: false, reason: `the link points to ${parsed.host}, which is not the host this token is for` };
  // URL also resolves `..` and percent-encoded dots, so a prefix test on the normalized path holds.
  // Encoded slashes and backslashes are refused too: a server that decodes them before routing would
  // see a path that the prefix test did not.
  if (pathPrefix !== undefined && (!parsed.pathname.toLowerCase().startsWith(pathPrefix.toLowerCase()) || /%2f|%5c|\\/i.test(parsed.pathname))) {
    return { ok: false, reason: `the link leaves ${pathPrefix} (it points to ${parsed.pathname.slice(0, 200)})` };
  }
  return { ok: true, url: parsed };
}

/** Raised instead of following a link that would send the token elsewhere. */
export class UnsafeLinkError extends Error {
  readonly code = 'UnsafeLink';
  constructor(
    readonly link: string,
    readonly reason: string,
  ) {
    super(`Refused to follow a link from the service without sending the token: ${reason}.`);
  }
}
