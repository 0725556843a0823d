/**
 * What Entra's diagnostic settings write to a workspace for each sign-in (API-FACTS 8): the Graph
 * record's fields under the workspace's column names, ResultType as a string, the time the
 * workspace received it (TimeGenerated, a little after the sign-in), and the type trap: SigninLogs
 * keeps its nested columns as `dynamic`, the other three sign-in tables as strings of JSON. This is
 * the service's side, written independently of the extension's own mapping.
 */
import { betaExtras } from './signInBeta';
import { mix32 } from '../random';
import { type SignInEventType, type SignInRecord } from './signIns';

export interface WorkspaceColumn {
  readonly name: string;
  readonly type: 'string' | 'datetime' | 'bool' | 'dynamic' | 'long' | 'int';
}

export const TABLE_OF_EVENT: Readonly<Record<SignInEventType, string>> = {
  interactiveUser: 'SigninLogs',
  nonInteractiveUser: 'AADNonInteractiveUserSignInLogs',
  servicePrincipal: 'AADServicePrincipalSignInLogs',
  managedIdentity: 'AADManagedIdentitySignInLogs',
};

const CATEGORY_OF_TABLE: Readonly<Record<string, string>> = {
  SigninLogs: 'SignInLogs',
  AADNonInteractiveUserSignInLogs: 'NonInteractiveUserSignInLogs',
  AADServicePrincipalSignInLogs: 'ServicePrincipalSignInLogs',
  AADManagedIdentitySignInLogs: 'ManagedIdentitySignInLogs',
};

const NESTED = ['Status', 'LocationDetails', 'DeviceDetail', 'ConditionalAccessPolicies'];

/** The columns of a sign-in table, in the workspace's order. */
export function signInColumns(table: string): WorkspaceColumn[] {
  const nested: WorkspaceColumn['type'] = table === 'SigninLogs' ? 'dynamic' : 'string';
  const s = (name: string): WorkspaceColumn => ({ name, type: 'string' });
  return [
    { name: 'TenantId', type: 'string' },
    { name: 'TimeGenerated', type: 'datetime' },
    s('OperationName'),
    s('Category'),
    s('ResultType'),
    s('ResultDescription'),
    s('Identity'),
    s('Level'),
    s('Location'),
    s('Id'),
    { name: 'CreatedDateTime', type: 'datetime' },
    s('UserPrincipalName'),
    s('UserDisplayName'),
    s('UserId'),
    s('AppId'),
    s('AppDisplayName'),
    s('IPAddress'),
    s('ClientAppUsed'),
    s('UserAgent'),
    s('CorrelationId'),
    s('ConditionalAccessStatus'),
    { name: 'IsInteractive', type: 'bool' },
    s('ResourceDisplayName'),
    s('ResourceIdentity'),
    s('ResourceTenantId'),
    s('HomeTenantId'),
    s('ServicePrincipalId'),
    s('ServicePrincipalName'),
    s('RiskDetail'),
    s('RiskLevelAggregated'),
    s('RiskLevelDuringSignIn'),
    s('RiskState'),
    s('RiskEventTypes_V2'),
    ...NESTED.map((name) => ({ name, type: nested })),
    // The fields a token theft shows in (beta in Graph, always in the workspace): strings, and
    // lists as strings of JSON, as SigninLogs documents them.
    ...BETA_COLUMNS.map(s),
    { name: 'TokenProtectionStatusDetails', type: nested },
  ];
}

const BETA_COLUMNS = ['UserType', 'AuthenticationRequirement', 'AuthenticationProtocol', 'OriginalTransferMethod', 'IncomingTokenType', 'ClientCredentialType', 'SessionId', 'UniqueTokenIdentifier', 'OriginalRequestId', 'AutonomousSystemNumber', 'CrossTenantAccessType', 'TokenIssuerType', 'SignInTokenProtectionStatus', 'AuthenticationDetails', 'AuthenticationProcessingDetails'];

/** A sign-in's beta fields as the workspace's columns. */
function betaColumns(record: SignInRecord, nested: (v: unknown) => unknown): Record<string, unknown> {
  const b = betaExtras(record);
  return {
    UserType: text(b.userType),
    AuthenticationRequirement: text(b.authenticationRequirement),
    AuthenticationProtocol: text(b.authenticationProtocol),
    OriginalTransferMethod: text(b.originalTransferMethod),
    IncomingTokenType: text(b.incomingTokenType),
    ClientCredentialType: text(b.clientCredentialType),
    SessionId: text(b.sessionId),
    UniqueTokenIdentifier: text(b.uniqueTokenIdentifier),
    OriginalRequestId: text(b.originalRequestId),
    AutonomousSystemNumber: text(b.autonomousSystemNumber),
    CrossTenantAccessType: text(b.crossTenantAccessType),
    TokenIssuerType: text(b.tokenIssuerType),
    SignInTokenProtectionStatus: text(b.signInTokenProtectionStatus),
    AuthenticationDetails: JSON.stringify(b.authenticationDetails ?? []),
    AuthenticationProcessingDetails: JSON.stringify(b.authenticationProcessingDetails ?? []),
    TokenProtectionStatusDetails: nested(b.tokenProtectionStatusDetails ?? null),
  };
}

/** When the workspace received a sign-in: 20 s to 5 min after it, the same for the same record. */
export function receivedMs(record: SignInRecord, seed: number): number {
  return record.createdMs + 20_000 + (mix32(seed, 0x7a6e, record.index) % 280_000);
}

const text = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** A sign-in as a row of its table; values keyed by column (datetimes as epoch milliseconds). */
export function signInRow(record: SignInRecord, tenantId: string, seed: number): Record<string, unknown> {
  const g = record.json;
  const table = TABLE_OF_EVENT[record.eventType];
  const nested = (v: unknown) => (table === 'SigninLogs' ? v : JSON.stringify(v ?? null));
  const status = (g.status ?? {}) as Record<string, unknown>;
  const location = (g.location ?? {}) as Record<string, unknown>;
  return {
    TenantId: tenantId,
    TimeGenerated: receivedMs(record, seed),
    OperationName: 'Sign-in activity',
    Category: CATEGORY_OF_TABLE[table],
    ResultType: text(status.errorCode),
    ResultDescription: text(status.failureReason),
    Identity: text(g.userDisplayName ?? g.servicePrincipalName),
    Level: status.errorCode === 0 ? '4' : '2',
    Location: text(location.countryOrRegion),
    Id: text(g.id),
    CreatedDateTime: record.createdMs,
    UserPrincipalName: text(g.userPrincipalName),
    UserDisplayName: text(g.userDisplayName),
    UserId: text(g.userId),
    AppId: text(g.appId),
    AppDisplayName: text(g.appDisplayName),
    IPAddress: text(g.ipAddress),
    ClientAppUsed: text(g.clientAppUsed),
    UserAgent: text(g.userAgent),
    CorrelationId: text(g.correlationId),
    ConditionalAccessStatus: text(g.conditionalAccessStatus),
    IsInteractive: g.isInteractive === true,
    ResourceDisplayName: text(g.resourceDisplayName),
    ResourceIdentity: text(g.resourceId),
    ResourceTenantId: text(g.resourceTenantId),
    HomeTenantId: text(g.homeTenantId),
    ServicePrincipalId: text(g.servicePrincipalId),
    ServicePrincipalName: text(g.servicePrincipalName),
    RiskDetail: text(g.riskDetail),
    RiskLevelAggregated: text(g.riskLevelAggregated),
    RiskLevelDuringSignIn: text(g.riskLevelDuringSignIn),
    RiskState: text(g.riskState),
    RiskEventTypes_V2: JSON.stringify(g.riskEventTypes_v2 ?? []),
    Status: nested(status),
    LocationDetails: nested(location),
    DeviceDetail: nested(g.deviceDetail),
    ConditionalAccessPolicies: nested(g.appliedConditionalAccessPolicies ?? []),
    ...betaColumns(record, nested),
  };
}
