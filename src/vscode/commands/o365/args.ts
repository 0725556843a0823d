import { type ContentType, isContentType } from '../../../core/o365/contentTypes';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type TenantStore } from '../../tenants/tenantStore';

/** An Office 365 content type of a tenant, and how many hours back to browse when the caller said. */
export interface ContentTarget {
  readonly tenant: TenantConfig;
  readonly contentType: ContentType;
  readonly hours?: number;
}

/** A content type node of the tree, or `{ tenantKey, contentType, hours? }` without prompts. */
export function contentTargetArg(store: TenantStore) {
  return ([arg]: readonly unknown[]): ContentTarget | undefined => {
    const a = (typeof arg === 'object' && arg !== null ? arg : {}) as { tenant?: TenantConfig; tenantKey?: unknown; contentType?: unknown; hours?: unknown };
    const tenant = a.tenant ?? (typeof a.tenantKey === 'string' ? store.get(a.tenantKey) : undefined);
    if (!tenant || !isContentType(a.contentType)) return undefined;
    return { tenant, contentType: a.contentType, hours: typeof a.hours === 'number' && a.hours > 0 ? a.hours : undefined };
  };
}
