/**
 * The bearer token goes only to allowed origins (DESIGN rule 1): https, the exact Graph,
 * Management API or login host of the tenant's cloud, or the fake tenant's loopback origin. Links
 * the service hands back (@odata.nextLink, NextPageUri, contentUri, redirects) pass through here
 * before anything is sent.
 */
import { Endpoints } from '../clouds';

export type LinkVerdict = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly reason: string };

export function allowedOrigins(endpoints: Endpoints): string[] {
  return [...new Set([endpoints.graphOrigin, endpoints.manageOrigin, endpoints.loginOrigin].filter((o): o is string => typeof o === 'string').map((o) => new URL(o).origin))];
}

export function checkTokenUrl(url: string, origins: readonly string[]): LinkVerdict {
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
  if (!origins.includes(parsed.origin)) return { ok: false, reason: `the link points to ${parsed.host}, which is not this tenant's service host` };
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
