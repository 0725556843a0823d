import { CloudId, isCloudId } from '../clouds';

/** How a tenant signs in. Secrets for the app kinds live in SecretStorage, never here. */
export type SignInKind = 'deviceCode' | 'clientSecret' | 'certificate';

/** The non-secret part of a tenant's configuration, as kept in globalState. */
export interface TenantConfig {
  /** Local identifier, stable across edits. */
  readonly key: string;
  readonly displayName: string;
  /** Tenant GUID or verified domain. */
  readonly tenant: string;
  readonly cloud: CloudId;
  readonly signInKind: SignInKind;
  readonly clientId: string;
}

const SIGN_IN_KINDS: readonly SignInKind[] = ['deviceCode', 'clientSecret', 'certificate'];

/**
 * Stored state may come from an older or newer version of the extension, or be hand-edited:
 * keep what is well-formed and drop the rest rather than failing activation.
 */
export function parseTenantConfigs(stored: unknown): TenantConfig[] {
  if (!Array.isArray(stored)) return [];
  const result: TenantConfig[] = [];
  for (const item of stored as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const r = item as Record<string, unknown>;
    if (
      typeof r.key === 'string' &&
      typeof r.displayName === 'string' &&
      typeof r.tenant === 'string' &&
      isCloudId(r.cloud) &&
      typeof r.signInKind === 'string' &&
      (SIGN_IN_KINDS as readonly string[]).includes(r.signInKind) &&
      typeof r.clientId === 'string'
    ) {
      result.push({
        key: r.key,
        displayName: r.displayName,
        tenant: r.tenant,
        cloud: r.cloud,
        signInKind: r.signInKind as SignInKind,
        clientId: r.clientId,
      });
    }
  }
  return result;
}
