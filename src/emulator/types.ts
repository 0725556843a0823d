/** What the fake tenant is started with and what it exposes (the server builds it in server.ts). */
import { type EmulatorConfig } from './config';
import { type DatasetSizes, type TenantData } from './data/dataset';
import { type RiskyServicePrincipalState, type RiskyUserState, type SignInVerdict } from './data/risk';
import { type FaultInjector, type FaultKind } from './http/faults';
import { type RiskActionRecord } from './http/graph';
import { type Manage } from './http/manage';

export interface EmulatorOptions {
  readonly config?: EmulatorConfig;
  readonly seed?: number;
  /** Sign-ins per tenant, all event types together. */
  readonly signIns?: number;
  readonly sizes?: Partial<DatasetSizes>;
  readonly port?: number;
  /** 'https' (default) with a generated CA, or 'http' for the in-extension demo tenant. */
  readonly protocol?: 'https' | 'http';
  /** Shrinks every throttle window and service delay; 1 is real time. */
  readonly timeScale?: number;
  readonly throttling?: boolean;
  readonly latencyMs?: number;
  readonly faultRate?: number;
  readonly faultKinds?: readonly FaultKind[];
  readonly latencySpikeMs?: number;
  readonly gatewayTimeoutSeconds?: number;
  readonly wideQuerySecondsPerDay?: number;
  readonly deviceCodeIntervalSeconds?: number;
  readonly deviceCodeLifetimeSeconds?: number;
  readonly tokenLifetimeSeconds?: number;
  readonly contentPageSize?: number;
  /** Rows a workspace query returns before it is cut short as a partial result (the service's 500,000). */
  readonly workspaceRowLimit?: number;
  /** Bytes of JSON a workspace answer may hold (the service's about 100 MB). */
  readonly workspaceSizeLimit?: number;
  /** The data's "now"; default the start time. */
  readonly anchorMs?: number;
  /** Where the CA and app key files go; default a new temp dir. */
  readonly stateDir?: string;
  readonly clock?: () => number;
  /**
   * The control endpoints (`/_emulator/*`: faults, device-code approval, reset, and an info route
   * that lists the fake apps' secrets). On for tests and the CLI; the demo tenant, which runs inside
   * a user's extension host, turns them off.
   */
  readonly controlEndpoints?: boolean;
  /** The loopback address to listen on (127.0.0.0/8); default 127.0.0.1. */
  readonly host?: string;
  /**
   * Accept connections only from this loopback address, and close any other at once: a tenant
   * that only a proxy (connecting from that address) can reach, as on a corporate network.
   */
  readonly acceptOnlyFrom?: string;
}

export interface EmulatorAppInfo {
  readonly clientId: string;
  readonly displayName: string;
  readonly secret: string | null;
  readonly certificatePemPath: string | null;
  readonly privateKeyPemPath: string | null;
  readonly thumbprintSha256: string | null;
  readonly roles: readonly string[];
  readonly scopes: readonly string[];
  readonly publicClient: boolean;
  readonly consented: boolean;
}

export interface EmulatorInfo {
  readonly authorityHost: string;
  readonly graphBaseUrl: string;
  readonly manageBaseUrl: string;
  readonly caCertPath: string | null;
  readonly emulatorControlUrl: string;
  /** The data's "now": every generated time counts back from it. */
  readonly anchorMs: number;
  readonly tenants: ReadonlyArray<{
    readonly id: string;
    readonly domain: string;
    readonly cloud: string;
    readonly license: string;
    readonly unifiedAuditLogging: boolean;
    readonly apps: readonly EmulatorAppInfo[];
    readonly users: ReadonlyArray<{ readonly id: string; readonly userPrincipalName: string; readonly roles: readonly string[] }>;
  }>;
}

export interface EmulatorState {
  readonly version: 1;
  readonly riskyUsers: Record<string, RiskyUserState[]>;
  readonly riskyServicePrincipals?: Record<string, RiskyServicePrincipalState[]>;
  /** Admins' verdicts on risky sign-ins per tenant, by request id. */
  readonly signInVerdicts?: Record<string, Record<string, SignInVerdict>>;
  /** Office 365 subscriptions per tenant (started or stopped by the user). */
  readonly subscriptions?: ReturnType<Manage['exportSubscriptions']>;
}

export interface Emulator {
  readonly info: EmulatorInfo;
  readonly origin: string;
  /** PEM of the CA that signed the server certificate (https only). */
  readonly caPem: string | null;
  readonly faults: FaultInjector;
  readonly datasets: ReadonlyMap<string, TenantData>;
  approveDeviceCode(userCode: string, user?: string, decline?: boolean): void;
  pendingDeviceCodes(): { userCode: string; tenant: string; clientId: string }[];
  /** Token requests seen, by grant type. */
  tokenRequests(): Record<string, number>;
  /** The KQL queries the fake workspaces received, oldest first. */
  workspaceQueries(): readonly string[];
  /** Requests the fake services answered (its control routes aside): what a test counts to say "before any request". */
  requestsServed(): number;
  /** Every token, code, secret and assertion the fake tenant issued or received so far. */
  credentialsSeen(): readonly string[];
  /** Connections closed unanswered because they did not come from `acceptOnlyFrom`. */
  connectionsRefused(): number;
  subscriptions(tenantId: string): Record<string, string>;
  /** Risk action calls (confirmCompromised, dismiss) that passed throttling, in order. */
  riskActions(): readonly RiskActionRecord[];
  /** Restores the initial data state (risky users, subscriptions), keeping endpoints and keys. */
  reset(): void;
  /** The state users change (risky users and their history, Office 365 subscriptions), to keep across restarts. */
  exportState(): EmulatorState;
  /** Puts back a state from exportState (entries for unknown tenants or users are ignored). */
  importState(state: unknown): void;
  close(): Promise<void>;
}
