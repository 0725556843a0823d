/**
 * The national clouds and their endpoints (API-FACTS section 5). Tokens do not work across clouds,
 * so every host the extension talks to for a tenant is derived from that tenant's cloud here.
 */
export type CloudId = 'global' | 'usGovHigh' | 'usGovDod' | 'china';

export interface Cloud {
  readonly id: CloudId;
  readonly label: string;
  /** Entra ID sign-in host (the MSAL authority host). */
  readonly loginHost: string;
  /** Microsoft Graph host. */
  readonly graphHost: string;
  /** Office 365 Management Activity API host, or undefined where the API is not documented. */
  readonly manageHost: string | undefined;
  /** Identity Protection's dismiss action is not offered in every cloud. */
  readonly supportsRiskDismiss: boolean;
}

export const CLOUDS: Readonly<Record<CloudId, Cloud>> = {
  global: {
    id: 'global',
    label: 'Global (Microsoft Entra ID)',
    loginHost: 'login.microsoftonline.com',
    graphHost: 'graph.microsoft.com',
    manageHost: 'manage.office.com',
    supportsRiskDismiss: true,
  },
  usGovHigh: {
    id: 'usGovHigh',
    label: 'US Government L4 (GCC High)',
    loginHost: 'login.microsoftonline.us',
    graphHost: 'graph.microsoft.us',
    manageHost: 'manage.office365.us',
    supportsRiskDismiss: true,
  },
  usGovDod: {
    id: 'usGovDod',
    label: 'US Government L5 (DoD)',
    loginHost: 'login.microsoftonline.us',
    graphHost: 'dod-graph.microsoft.us',
    manageHost: 'manage.protection.apps.mil',
    supportsRiskDismiss: true,
  },
  china: {
    id: 'china',
    label: 'China (operated by 21Vianet)',
    loginHost: 'login.chinacloudapi.cn',
    graphHost: 'microsoftgraph.chinacloudapi.cn',
    manageHost: undefined,
    supportsRiskDismiss: false,
  },
};

/** GCC tenants use the worldwide Graph and login hosts but their own Management API host. */
export const GCC_MANAGE_HOST = 'manage-gcc.office.com';

export function isCloudId(value: unknown): value is CloudId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CLOUDS, value);
}

export function cloudById(id: CloudId): Cloud {
  return CLOUDS[id];
}

/** The admin-consent URL an administrator opens to grant an app's permissions in a tenant. */
export function adminConsentUrl(cloud: Cloud, tenant: string, clientId: string): string {
  return `https://${cloud.loginHost}/${encodeURIComponent(tenant)}/adminconsent?client_id=${encodeURIComponent(clientId)}`;
}
