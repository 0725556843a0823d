/** Access tokens the fake STS issues, and their verification by the fake Graph and Management API. */
import * as crypto from 'crypto';
import { decodeJwt, signJwt, verifySignature } from '../jwt';

export const ROLE_TEMPLATE_IDS: Record<string, string> = {
  'Global Administrator': '62e90394-69f5-4237-9190-012177145e10',
  'Global Reader': 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  'Security Administrator': '194ae4cb-b126-40b2-bd5b-6091b380977d',
  'Security Reader': '5d6b6bb7-de71-4623-b4af-96380a352509',
  'Security Operator': '5f2222b1-57c3-48ba-8ad5-d4759f1fde6f',
  'Reports Reader': '4a5d8f65-41da-4de4-8968-e035b65339cf',
  'Conditional Access Administrator': 'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9',
};

export interface AccessClaims {
  readonly aud: string;
  readonly iss: string;
  readonly tid: string;
  readonly appid: string;
  readonly azp: string;
  readonly exp: number;
  readonly nbf: number;
  readonly iat: number;
  readonly roles?: string[];
  readonly scp?: string;
  readonly oid?: string;
  readonly upn?: string;
  readonly wids?: string[];
  readonly idtyp: 'app' | 'user';
}

export class TokenService {
  private readonly key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  readonly kid = crypto.randomBytes(8).toString('hex');

  constructor(private readonly lifetimeSeconds: number) {}

  issue(claims: Omit<AccessClaims, 'exp' | 'nbf' | 'iat'>, nowMs: number): { token: string; expiresIn: number } {
    const now = Math.floor(nowMs / 1000);
    const full: AccessClaims = { ...claims, iat: now, nbf: now - 5, exp: now + this.lifetimeSeconds };
    return { token: signJwt({ kid: this.kid }, { ...full, uti: crypto.randomBytes(12).toString('base64url'), ver: '1.0' }, this.key.privateKey), expiresIn: this.lifetimeSeconds };
  }

  /** The claims of a valid, unexpired token that this emulator issued; otherwise why not. */
  verify(token: string, nowMs: number): { claims: AccessClaims } | { problem: string } {
    const jwt = decodeJwt(token);
    if (!jwt) return { problem: 'IDX14100: JWT is not well formed.' };
    if (!verifySignature(jwt, this.key.publicKey)) return { problem: 'Access token validation failure. Invalid signature.' };
    const c = jwt.claims as unknown as AccessClaims;
    if (typeof c.exp !== 'number' || c.exp * 1000 < nowMs) return { problem: 'Lifetime validation failed, the token is expired.' };
    return { claims: c };
  }
}

export function bearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m ? m[1] : undefined;
}
