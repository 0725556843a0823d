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
  /** Log Analytics query API host, and the token resource (audience) it expects: not the same name in the public cloud. */
  readonly logAnalyticsHost: string;
  readonly logAnalyticsResource: string;
  /** Azure Resource Manager host (to find the workspaces a credential can read); its token audience is its origin. */
  readonly armHost: string;
  /** Identity Protection's dismiss and confirm-safe actions are not offered in every cloud (not in China). */
  readonly supportsRiskDismiss: boolean;
}

export const CLOUDS: Readonly<Record<CloudId, Cloud>> = {
  global: {
    id: 'global',
    label: 'Global (Microsoft Entra ID)',
    loginHost: 'login.microsoftonline.com',
    graphHost: 'graph.microsoft.com',
    manageHost: 'manage.office.com',
    logAnalyticsHost: 'api.loganalytics.azure.com',
    logAnalyticsResource: 'https://api.loganalytics.io',
    armHost: 'management.azure.com',
    supportsRiskDismiss: true,
  },
  usGovHigh: {
    id: 'usGovHigh',
    label: 'US Government L4 (GCC High)',
    loginHost: 'login.microsoftonline.us',
    graphHost: 'graph.microsoft.us',
    manageHost: 'manage.office365.us',
    logAnalyticsHost: 'api.loganalytics.us',
    logAnalyticsResource: 'https://api.loganalytics.us',
    armHost: 'management.usgovcloudapi.net',
    supportsRiskDismiss: true,
  },
  usGovDod: {
    id: 'usGovDod',
    label: 'US Government L5 (DoD)',
    loginHost: 'login.microsoftonline.us',
    graphHost: 'dod-graph.microsoft.us',
    manageHost: 'manage.protection.apps.mil',
    logAnalyticsHost: 'api.loganalytics.us',
    logAnalyticsResource: 'https://api.loganalytics.us',
    armHost: 'management.usgovcloudapi.net',
    supportsRiskDismiss: true,
  },
  china: {
    id: 'china',
    label: 'China (operated by 21Vianet)',
    loginHost: 'login.chinacloudapi.cn',
    graphHost: 'microsoftgraph.chinacloudapi.cn',
    manageHost: undefined,
    logAnalyticsHost: 'api.loganalytics.azure.cn',
    logAnalyticsResource: 'https://api.loganalytics.azure.cn',
    armHost: 'management.chinacloudapi.cn',
    supportsRiskDismiss: false,
  },
};

/** GCC tenants use the worldwide Graph and login hosts but their own Management API host. */
export const GCC_MANAGE_HOST = 'manage-gcc.office.com';
/** How GCC is offered when adding a tenant (a Global tenant with the GCC flag). */
export const GCC_LABEL = 'US Government GCC (worldwide Graph)';

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

/**
 * Where a tenant's requests go. For a real tenant every origin is its cloud's; for the local fake
 * tenant (tests and the demo) every origin is one loopback origin, while token audiences stay the
 * cloud's resource identifiers, exactly as a real tenant's would.
 */
export interface Endpoints {
  readonly loginOrigin: string;
  readonly graphOrigin: string;
  readonly manageOrigin: string | undefined;
  readonly logAnalyticsOrigin: string;
  readonly armOrigin: string;
  /** Resource identifiers used in scopes (`<resource>/.default`) and expected as token audience. */
  readonly graphResource: string;
  readonly manageResource: string | undefined;
  readonly logAnalyticsResource: string;
  readonly armResource: string;
  /** True when the origins are the local fake tenant's. */
  readonly local: boolean;
}

export function cloudEndpoints(cloud: Cloud, gcc = false): Endpoints {
  const manageHost = gcc && cloud.id === 'global' ? GCC_MANAGE_HOST : cloud.manageHost;
  return {
    loginOrigin: `https://${cloud.loginHost}`,
    graphOrigin: `https://${cloud.graphHost}`,
    manageOrigin: manageHost ? `https://${manageHost}` : undefined,
    graphResource: `https://${cloud.graphHost}`,
    manageResource: manageHost ? `https://${manageHost}` : undefined,
    logAnalyticsOrigin: `https://${cloud.logAnalyticsHost}`,
    logAnalyticsResource: cloud.logAnalyticsResource,
    armOrigin: `https://${cloud.armHost}`,
    armResource: `https://${cloud.armHost}`,
    local: false,
  };
}

/** Only loopback origins may stand in for a cloud: a setting must never send a token elsewhere. */
export function parseLocalOrigin(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return undefined;
  // All of 127.0.0.0/8 is loopback (the URL parser has already normalised the address).
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname) && url.hostname !== '[::1]' && url.hostname !== 'localhost') return undefined;
  return url.origin;
}

export function localEndpoints(cloud: Cloud, origin: string): Endpoints {
  const real = cloudEndpoints(cloud);
  return {
    loginOrigin: origin,
    graphOrigin: origin,
    manageOrigin: origin,
    logAnalyticsOrigin: origin,
    graphResource: real.graphResource,
    manageResource: real.manageResource ?? 'https://manage.office.com',
    logAnalyticsResource: real.logAnalyticsResource,
    armOrigin: origin,
    armResource: real.armResource,
    local: true,
  };
}
