/**
 * Reads an access token's claims without verifying it: enough to tell a user which permission,
 * role or tenant a token carries (API-FACTS 4). Never used to decide access.
 */
export interface TokenClaims {
  readonly tid?: string;
  readonly aud?: string;
  readonly appid?: string;
  readonly azp?: string;
  readonly exp?: number;
  readonly roles: readonly string[];
  readonly scopes: readonly string[];
  readonly upn?: string;
  /** Directory role template ids of a delegated user. */
  readonly wids: readonly string[];
  readonly delegated: boolean;
}

export function decodeClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const c = raw as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const scopes = typeof c.scp === 'string' ? c.scp.split(' ').filter(Boolean) : [];
  return {
    tid: str(c.tid),
    aud: str(c.aud),
    appid: str(c.appid) ?? str(c.azp),
    azp: str(c.azp),
    exp: typeof c.exp === 'number' ? c.exp : undefined,
    roles: strings(c.roles),
    scopes,
    upn: str(c.upn) ?? str(c.preferred_username),
    wids: strings(c.wids),
    delegated: typeof c.scp === 'string' || c.idtyp === 'user',
  };
}

/** Built-in directory roles that matter for reading logs, by template id. */
export const DIRECTORY_ROLES: Readonly<Record<string, string>> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  'f2ef992c-3afb-46b9-b7cf-a126ee74c451': 'Global Reader',
  '194ae4cb-b126-40b2-bd5b-6091b380977d': 'Security Administrator',
  '5d6b6bb7-de71-4623-b4af-96380a352509': 'Security Reader',
  '5f2222b1-57c3-48ba-8ad5-d4759f1fde6f': 'Security Operator',
  '4a5d8f65-41da-4de4-8968-e035b65339cf': 'Reports Reader',
  'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9': 'Conditional Access Administrator',
};

export function roleNames(claims: TokenClaims): string[] {
  return claims.wids.map((id) => DIRECTORY_ROLES[id]).filter((r): r is string => r !== undefined);
}
