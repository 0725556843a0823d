/** Lookups shared by the STS and the resource servers: tenants by id or domain, apps, users, resources. */
import { type AppConfig, type EmulatorCloud, type TenantConfig, type UserConfig } from '../config';

/** The resource identifiers a token may be requested for, per cloud (API-FACTS 5). */
export const GRAPH_RESOURCES: Record<EmulatorCloud, string> = {
  global: 'https://graph.microsoft.com',
  usGovHigh: 'https://graph.microsoft.us',
  usGovDod: 'https://dod-graph.microsoft.us',
  china: 'https://microsoftgraph.chinacloudapi.cn',
};

export const MANAGE_RESOURCES: Record<EmulatorCloud, string[]> = {
  global: ['https://manage.office.com', 'https://manage-gcc.office.com'],
  usGovHigh: ['https://manage.office365.us'],
  usGovDod: ['https://manage.protection.apps.mil'],
  china: [],
};

/** The Log Analytics API's token audience per cloud (its query host is another name in the public cloud). */
/** Azure Resource Manager, by cloud (the older management.core.windows.net audience is accepted too). */
export const ARM_RESOURCES: Record<EmulatorCloud, string[]> = {
  global: ['https://management.azure.com', 'https://management.core.windows.net'],
  usGovHigh: ['https://management.usgovcloudapi.net', 'https://management.core.usgovcloudapi.net'],
  usGovDod: ['https://management.usgovcloudapi.net', 'https://management.core.usgovcloudapi.net'],
  china: ['https://management.chinacloudapi.cn', 'https://management.core.chinacloudapi.cn'],
};

export const LOG_ANALYTICS_RESOURCES: Record<EmulatorCloud, string> = {
  global: 'https://api.loganalytics.io',
  usGovHigh: 'https://api.loganalytics.us',
  usGovDod: 'https://api.loganalytics.us',
  china: 'https://api.loganalytics.azure.cn',
};

export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const LOG_ANALYTICS_APP_ID = 'ca7f3f0b-7d91-482c-8e09-c5d840d0eac5';
export const MANAGE_APP_ID = 'c5393580-f805-4401-95e8-94b7a6ef2fc2';
/** Windows Azure Service Management API. */
export const ARM_APP_ID = '797f4846-ba00-4fd7-ba43-dac1f8f63013';

export type ResourceKind = 'graph' | 'manage' | 'logAnalytics' | 'arm';

export class Directory {
  constructor(readonly tenants: readonly TenantConfig[]) {}

  tenant(idOrDomain: string): TenantConfig | undefined {
    const key = idOrDomain.toLowerCase();
    return this.tenants.find((t) => t.id === key || t.domain.toLowerCase() === key);
  }

  tenantById(id: string): TenantConfig | undefined {
    return this.tenants.find((t) => t.id === id);
  }

  app(tenant: TenantConfig, clientId: string): AppConfig | undefined {
    return tenant.apps.find((a) => a.clientId === clientId.toLowerCase());
  }

  user(tenant: TenantConfig, idOrUpn: string): UserConfig | undefined {
    const key = idOrUpn.toLowerCase();
    return tenant.users.find((u) => u.id === key || u.userPrincipalName.toLowerCase() === key);
  }

  /** Which service a requested resource (scope prefix or audience) names, for a tenant's cloud. */
  resourceKind(tenant: TenantConfig, resource: string): ResourceKind | undefined {
    const r = resource.replace(/\/+$/, '').toLowerCase();
    if (r === GRAPH_RESOURCES[tenant.cloud] || r === GRAPH_APP_ID) return 'graph';
    if (MANAGE_RESOURCES[tenant.cloud].includes(r) || r === MANAGE_APP_ID) return 'manage';
    if (r === LOG_ANALYTICS_RESOURCES[tenant.cloud] || r === LOG_ANALYTICS_APP_ID) return 'logAnalytics';
    if (ARM_RESOURCES[tenant.cloud].includes(r) || r === ARM_APP_ID) return 'arm';
    return undefined;
  }
}

const PERMISSIONS_OF: Readonly<Record<Exclude<ResourceKind, 'graph'>, ReadonlySet<string>>> = {
  manage: new Set(['ActivityFeed.Read', 'ActivityFeed.ReadDlp', 'ServiceHealth.Read']),
  logAnalytics: new Set(['Data.Read']),
  // Resource Manager has no app roles: access is Azure RBAC. A user's token carries this scope.
  arm: new Set(['user_impersonation']),
};

/** The permissions (application roles or delegated scopes) that belong to a resource: a token carries only its own. */
export function rolesFor(kind: ResourceKind, roles: readonly string[]): string[] {
  if (kind !== 'graph') return roles.filter((r) => PERMISSIONS_OF[kind].has(r));
  return roles.filter((r) => !PERMISSIONS_OF.manage.has(r) && !PERMISSIONS_OF.logAnalytics.has(r) && !PERMISSIONS_OF.arm.has(r));
}
