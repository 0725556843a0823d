/**
 * What the fake tenant holds: tenants, their licences and app registrations, and users with
 * directory roles. The defaults give a useful set of tenants with no flags at all.
 */

export type License = 'free' | 'P1' | 'P2';
export type EmulatorCloud = 'global' | 'usGovHigh' | 'usGovDod' | 'china';

export interface AppConfig {
  readonly clientId: string;
  readonly displayName: string;
  /** Secret values the app accepts (client_credentials with client_secret). */
  readonly secrets: readonly string[];
  /** Whether a certificate is registered; the emulator generates it and hands the private key out. */
  readonly certificate: boolean;
  /** Granted application permissions (app-only tokens carry them as `roles`). */
  readonly roles: readonly string[];
  /** Consented delegated scopes (delegated tokens carry them as `scp`). */
  readonly scopes: readonly string[];
  /** A public client may use device code; confidential clients need a secret or certificate. */
  readonly publicClient: boolean;
  /** When false, token requests fail with AADSTS65001 (consent missing). */
  readonly consented: boolean;
}

export interface UserConfig {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly roles: readonly string[];
}

/** A Log Analytics workspace the tenant's Entra logs are routed to (diagnostic settings). */
export interface WorkspaceConfig {
  readonly id: string;
  readonly name: string;
  /** How long it keeps data: longer than Graph's 30 days, which is why people route logs here. */
  readonly retentionDays: number;
  /** The tables its diagnostic settings fill. */
  readonly tables: readonly string[];
  /** Apps (client ids) and users (object ids) with an Azure role on it (Log Analytics Reader). */
  readonly readers: readonly string[];
  /** Where it lives in Azure Resource Manager. */
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly location: string;
}

/** An Azure subscription of the tenant, and who has a role on it (Reader) that lists its resources. */
export interface SubscriptionConfig {
  readonly id: string;
  readonly displayName: string;
  readonly readers: readonly string[];
}

export interface TenantConfig {
  readonly id: string;
  readonly domain: string;
  readonly cloud: EmulatorCloud;
  readonly license: License;
  readonly unifiedAuditLogging: boolean;
  readonly apps: readonly AppConfig[];
  readonly users: readonly UserConfig[];
  readonly workspaces?: readonly WorkspaceConfig[];
  readonly subscriptions?: readonly SubscriptionConfig[];
}

/** The sign-in tables a routed workspace holds in the fake tenant. */
export const WORKSPACE_SIGN_IN_TABLES = ['SigninLogs', 'AADNonInteractiveUserSignInLogs', 'AADServicePrincipalSignInLogs', 'AADManagedIdentitySignInLogs'];
/** The audit, provisioning, risk and Graph activity tables it also holds (workspaceTables.ts). */
export const WORKSPACE_OTHER_TABLES = ['AuditLogs', 'AADProvisioningLogs', 'AADUserRiskEvents', 'AADRiskyUsers', 'AADRiskyServicePrincipals', 'MicrosoftGraphActivityLogs'];

export interface EmulatorConfig {
  readonly tenants: readonly TenantConfig[];
}

export const GRAPH_READ_ALL = [
  'AuditLog.Read.All',
  'Directory.Read.All',
  'Policy.Read.All',
  'IdentityRiskEvent.Read.All',
  'IdentityRiskEvent.ReadWrite.All',
  'IdentityRiskyUser.Read.All',
  'IdentityRiskyUser.ReadWrite.All',
  'IdentityRiskyServicePrincipal.ReadWrite.All',
];

/** Retention of sign-in and audit data, by licence (API-FACTS 1). */
export function retentionDays(license: License): number {
  return license === 'free' ? 7 : 30;
}

export function defaultConfig(): EmulatorConfig {
  const contosoUsers: UserConfig[] = [
    { id: 'a0000000-0000-4000-8000-000000000001', userPrincipalName: 'admin@contoso.onmicrosoft.com', displayName: 'Ada Admin', roles: ['Global Administrator'] },
    { id: 'a0000000-0000-4000-8000-000000000002', userPrincipalName: 'secops@contoso.onmicrosoft.com', displayName: 'Sam Secops', roles: ['Security Administrator'] },
    { id: 'a0000000-0000-4000-8000-000000000003', userPrincipalName: 'reader@contoso.onmicrosoft.com', displayName: 'Rita Reader', roles: ['Reports Reader'] },
    { id: 'a0000000-0000-4000-8000-000000000004', userPrincipalName: 'plain@contoso.onmicrosoft.com', displayName: 'Pat Plain', roles: [] },
  ];
  return {
    tenants: [
      {
        id: '11111111-1111-4111-8111-111111111111',
        domain: 'contoso.onmicrosoft.com',
        cloud: 'global',
        license: 'P2',
        unifiedAuditLogging: true,
        users: contosoUsers,
        workspaces: [
          {
            id: '90000000-0000-4000-8000-000000000001',
            name: 'contoso-sentinel',
            retentionDays: 90,
            // Managed identity sign-ins and service principal risk events are not routed here (many
            // tenants leave those categories off), nor is Office 365.
            tables: [...WORKSPACE_SIGN_IN_TABLES.filter((t) => t !== 'AADManagedIdentitySignInLogs'), ...WORKSPACE_OTHER_TABLES],
            // The full app and the security operator; the limited app has the role but not Data.Read.
            readers: ['c0000000-0000-4000-8000-00000000000a', 'c0000000-0000-4000-8000-00000000000b', 'a0000000-0000-4000-8000-000000000002'],
            subscriptionId: '00000000-0000-4000-8000-0000000000aa',
            resourceGroup: 'security',
            location: 'westeurope',
          },
        ],
        // Reader on the subscription lets the full app and the security operator find the
        // workspace through Resource Manager; the other apps must be given its ID.
        subscriptions: [{ id: '00000000-0000-4000-8000-0000000000aa', displayName: 'Contoso Security', readers: ['c0000000-0000-4000-8000-00000000000a', 'a0000000-0000-4000-8000-000000000002'] }],
        apps: [
          {
            clientId: 'c0000000-0000-4000-8000-00000000000a',
            displayName: 'Log Explorer (full)',
            secrets: ['full~secret~value~0123456789abcdef'],
            certificate: true,
            roles: [...GRAPH_READ_ALL, 'ActivityFeed.Read', 'Data.Read'],
            scopes: [],
            publicClient: false,
            consented: true,
          },
          {
            clientId: 'c0000000-0000-4000-8000-00000000000b',
            displayName: 'Log Reader (no directory, no policy)',
            secrets: ['limited~secret~value~0123456789abcd'],
            certificate: true,
            roles: ['AuditLog.Read.All', 'IdentityRiskEvent.Read.All', 'IdentityRiskyUser.Read.All'],
            scopes: [],
            publicClient: false,
            consented: true,
          },
          {
            clientId: 'c0000000-0000-4000-8000-00000000000c',
            displayName: 'Audit Reader (no Identity Protection)',
            secrets: ['noidp~secret~value~0123456789abcdef'],
            certificate: false,
            // Data.Read, but no role on the workspace.
            roles: ['AuditLog.Read.All', 'Directory.Read.All', 'Data.Read'],
            scopes: [],
            publicClient: false,
            consented: true,
          },
          {
            clientId: 'c0000000-0000-4000-8000-00000000000d',
            displayName: 'Unconsented App',
            secrets: ['unconsented~secret~value~0123456789'],
            certificate: false,
            roles: [],
            scopes: [],
            publicClient: false,
            consented: false,
          },
          {
            clientId: 'c0000000-0000-4000-8000-00000000000e',
            displayName: 'Log Explorer (device code)',
            secrets: [],
            certificate: false,
            roles: [],
            scopes: ['AuditLog.Read.All', 'Directory.Read.All', 'Policy.Read.All', 'IdentityRiskEvent.Read.All', 'IdentityRiskyUser.ReadWrite.All', 'IdentityRiskyServicePrincipal.ReadWrite.All', 'Data.Read', 'user_impersonation', 'offline_access'],
            publicClient: true,
            consented: true,
          },
        ],
      },
      {
        id: '22222222-2222-4222-8222-222222222222',
        domain: 'fabrikam.onmicrosoft.com',
        cloud: 'global',
        license: 'free',
        unifiedAuditLogging: false,
        users: [
          { id: 'b0000000-0000-4000-8000-000000000001', userPrincipalName: 'admin@fabrikam.onmicrosoft.com', displayName: 'Fay Admin', roles: ['Global Administrator'] },
        ],
        apps: [
          {
            clientId: 'd0000000-0000-4000-8000-00000000000a',
            displayName: 'Fabrikam Log Reader',
            secrets: ['fabrikam~secret~value~0123456789ab'],
            certificate: false,
            roles: [...GRAPH_READ_ALL, 'ActivityFeed.Read'],
            scopes: [],
            publicClient: false,
            consented: true,
          },
        ],
      },
    ],
  };
}
