/** Minimal JWS compact handling: enough to issue RS256 access tokens and verify client assertions. */
import * as crypto from 'crypto';

export type JwtHeader = Record<string, unknown> & { alg?: string; typ?: string; kid?: string; x5t?: string; 'x5t#S256'?: string };
export type JwtClaims = Record<string, unknown>;

export function signJwt(header: JwtHeader, claims: JwtClaims, key: crypto.KeyObject): string {
  const h = Buffer.from(JSON.stringify({ typ: 'JWT', ...header, alg: 'RS256' })).toString('base64url');
  const c = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const sig = crypto.sign('sha256', Buffer.from(`${h}.${c}`), key).toString('base64url');
  return `${h}.${c}.${sig}`;
}

export interface DecodedJwt {
  readonly header: JwtHeader;
  readonly claims: JwtClaims;
  readonly signingInput: string;
  readonly signature: Buffer;
}

/** Decodes without verifying; returns undefined for anything that is not a three-part JWS. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as unknown;
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    if (typeof header !== 'object' || header === null || typeof claims !== 'object' || claims === null) return undefined;
    return { header: header as JwtHeader, claims: claims as JwtClaims, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], 'base64url') };
  } catch {
    return undefined;
  }
}

/** Verifies an RS256 or PS256 signature with the given public key. */
export function verifySignature(jwt: DecodedJwt, key: crypto.KeyObject): boolean {
  const data = Buffer.from(jwt.signingInput);
  try {
    if (jwt.header.alg === 'RS256') return crypto.verify('sha256', data, key, jwt.signature);
    if (jwt.header.alg === 'PS256') {
      return crypto.verify('sha256', data, { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, jwt.signature);
    }
  } catch {
    return false;
  }
  return false;
}
