import { type CloudId, isCloudId } from '../clouds';

/** How a tenant signs in. Secrets for the app kinds live in SecretStorage, never here. */
export type SignInKind = 'deviceCode' | 'clientSecret' | 'certificate';

/**
 * Where a tenant's requests go: its cloud; a local fake tenant named in settings (tests and
 * development); or the demo tenant the extension runs itself.
 */
export type EndpointTarget = 'cloud' | 'fakeTenant' | 'demo';

/** The label that keeps non-real tenants from being mistaken for real ones, everywhere they show. */
export function targetLabel(tenant: { readonly target: EndpointTarget }): string | undefined {
  return tenant.target === 'demo' ? 'Demo' : tenant.target === 'fakeTenant' ? 'fake tenant' : undefined;
}

/** The non-secret part of a tenant's configuration, as kept in globalState. */
export interface TenantConfig {
  /** Local identifier, stable across edits. */
  readonly key: string;
  readonly displayName: string;
  /** Tenant GUID or verified domain. */
  readonly tenant: string;
  readonly cloud: CloudId;
  /** GCC tenants use the worldwide cloud with their own Management API host. */
  readonly gcc: boolean;
  readonly target: EndpointTarget;
  readonly signInKind: SignInKind;
  readonly clientId: string;
  /** SHA-256 thumbprint of the app certificate (certificate sign-in), for display and checks. */
  readonly certificateThumbprint?: string;
}

export const SIGN_IN_KINDS: readonly SignInKind[] = ['deviceCode', 'clientSecret', 'certificate'];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** A tenant is named by its GUID or one of its verified domains (contoso.onmicrosoft.com, contoso.com). */
export function validateTenantIdentifier(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return 'Enter the tenant ID (a GUID) or a verified domain such as contoso.onmicrosoft.com.';
  if (isGuid(v)) return undefined;
  if (/^(common|organizations|consumers)$/i.test(v)) return `"${v}" is not a tenant: log queries need one specific tenant. Use its ID or domain.`;
  if (/^[0-9a-f-]{30,40}$/i.test(v)) return 'That looks like a GUID with a typo: a tenant ID has the form 00000000-0000-0000-0000-000000000000.';
  if (!DOMAIN.test(v)) return 'Use the tenant ID (GUID) or a domain such as contoso.onmicrosoft.com.';
  return undefined;
}

export function validateClientId(value: string): string | undefined {
  const v = value.trim();
  if (isGuid(v)) return undefined;
  return "The application (client) ID is a GUID, shown on the app registration's Overview page.";
}

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
        gcc: r.gcc === true,
        target: r.target === 'fakeTenant' || r.target === 'demo' ? r.target : 'cloud',
        signInKind: r.signInKind as SignInKind,
        clientId: r.clientId,
        ...(typeof r.certificateThumbprint === 'string' ? { certificateThumbprint: r.certificateThumbprint } : {}),
      });
    }
  }
  return result;
}
