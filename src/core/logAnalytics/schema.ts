/**
 * The columns of the workspace tables the extension queries, as Log Analytics documents them, in
 * the form Microsoft's KQL parser takes ("(Name:type, …)"): with them a raw KQL condition is checked
 * for unknown columns and type errors before it is sent, not only for syntax.
 */
import { type WorkspaceTableName } from './tables';

const SIGN_IN_COMMON = [
  'TenantId:string',
  'TimeGenerated:datetime',
  'OperationName:string',
  'Category:string',
  'ResultType:string',
  'ResultDescription:string',
  'Identity:string',
  'Level:string',
  'Location:string',
  'Id:string',
  'CreatedDateTime:datetime',
  'UserPrincipalName:string',
  'UserDisplayName:string',
  'UserId:string',
  'UserType:string',
  'AppId:string',
  'AppDisplayName:string',
  'IPAddress:string',
  'ClientAppUsed:string',
  'UserAgent:string',
  'CorrelationId:string',
  'ConditionalAccessStatus:string',
  'IsInteractive:bool',
  'ResourceDisplayName:string',
  'ResourceIdentity:string',
  'ResourceTenantId:string',
  'HomeTenantId:string',
  'ServicePrincipalId:string',
  'ServicePrincipalName:string',
  'RiskDetail:string',
  'RiskLevelAggregated:string',
  'RiskLevelDuringSignIn:string',
  'RiskState:string',
  'RiskEventTypes_V2:string',
  'AuthenticationRequirement:string',
  'AuthenticationProtocol:string',
  'UniqueTokenIdentifier:string',
  'CrossTenantAccessType:string',
  'OriginalTransferMethod:string',
  'IncomingTokenType:string',
  'ClientCredentialType:string',
  'SessionId:string',
  'OriginalRequestId:string',
  'AutonomousSystemNumber:string',
  'TokenIssuerType:string',
  'SignInTokenProtectionStatus:string',
  'AuthenticationDetails:string',
  'AuthenticationProcessingDetails:string',
];

/** SigninLogs keeps its nested columns as dynamic; the other sign-in tables as strings of JSON. */
const nested = (type: 'dynamic' | 'string') => ['Status', 'LocationDetails', 'DeviceDetail', 'ConditionalAccessPolicies', 'TokenProtectionStatusDetails'].map((c) => `${c}:${type}`);

/** The columns every table has (TimeGenerated is when the workspace received the row). */
const COMMON = ['TenantId:string', 'TimeGenerated:datetime', 'OperationName:string', 'Type:string'];
const LOG_RESULT = ['OperationVersion:string', 'Category:string', 'ResultType:string', 'ResultSignature:string', 'ResultDescription:string', 'DurationMs:long'];

const AUDIT = [...COMMON, ...LOG_RESULT, 'CorrelationId:string', 'Identity:string', 'Level:string', 'Location:string', 'AdditionalDetails:dynamic', 'Id:string', 'InitiatedBy:dynamic', 'LoggedByService:string', 'Result:string', 'ResultReason:string', 'TargetResources:dynamic', 'AADTenantId:string', 'ActivityDisplayName:string', 'ActivityDateTime:datetime', 'AADOperationType:string'];
const PROVISIONING = [
  ...COMMON,
  ...LOG_RESULT,
  'Id:string',
  'JobId:string',
  'CycleId:string',
  'ChangeId:string',
  'Action:string',
  'ProvisioningAction:string',
  'ActivityDateTime:datetime',
  ...['InitiatedBy', 'ServicePrincipal', 'SourceSystem', 'TargetSystem', 'SourceIdentity', 'TargetIdentity', 'ModifiedProperties', 'ProvisioningSteps', 'ProvisioningStatusInfo'].map((c) => `${c}:string`),
];
const RISK_EVENTS = [...COMMON, 'Id:string', 'RequestId:string', 'CorrelationId:string', 'RiskEventType:string', 'RiskState:string', 'RiskLevel:string', 'RiskDetail:string', 'Source:string', 'DetectionTimingType:string', 'Activity:string', 'TokenIssuerType:string', 'IpAddress:string', 'Location:dynamic', 'ActivityDateTime:datetime', 'DetectedDateTime:datetime', 'LastUpdatedDateTime:datetime', 'UserId:string', 'UserDisplayName:string', 'UserPrincipalName:string', 'AdditionalInfo:dynamic'];
const RISKY_USERS = [...COMMON, 'Id:string', 'UserDisplayName:string', 'UserPrincipalName:string', 'IsDeleted:bool', 'IsProcessing:bool', 'RiskLevel:string', 'RiskState:string', 'RiskDetail:string', 'RiskLastUpdatedDateTime:datetime'];
const RISKY_SERVICE_PRINCIPALS = [...COMMON, 'Id:string', 'AppId:string', 'DisplayName:string', 'ServicePrincipalType:string', 'AccountEnabled:bool', 'IsProcessing:bool', 'RiskLevel:string', 'RiskState:string', 'RiskDetail:string', 'RiskLastUpdatedDateTime:datetime'];

/** Every request made to Graph (the table's documented columns; the reserved ATContent ones left out). */
const GRAPH_ACTIVITY = [
  ...['TenantId', 'AadTenantId', 'Type', 'SourceSystem', 'Location', 'RequestId', 'OperationId', 'ClientRequestId', 'ApiVersion', 'RequestMethod', 'RequestUri', 'IPAddress', 'UserAgent'].map((c) => `${c}:string`),
  'TimeGenerated:datetime',
  'TokenIssuedAt:datetime',
  'ResponseStatusCode:int',
  'DurationMs:int',
  'ResponseSizeBytes:int',
  'ClientAuthMethod:int',
  ...['AppId', 'UserId', 'ServicePrincipalId', 'SignInActivityId', 'Scopes', 'Roles', 'Wids', 'IdentityProvider', 'DeviceId'].map((c) => `${c}:string`),
];

const schema = (columns: readonly string[]) => `(${columns.join(', ')})`;

export const TABLE_SCHEMAS: Partial<Readonly<Record<WorkspaceTableName, string>>> = {
  AuditLogs: schema(AUDIT),
  AADProvisioningLogs: schema(PROVISIONING),
  AADUserRiskEvents: schema(RISK_EVENTS),
  AADRiskyUsers: schema(RISKY_USERS),
  AADRiskyServicePrincipals: schema(RISKY_SERVICE_PRINCIPALS),
  MicrosoftGraphActivityLogs: schema(GRAPH_ACTIVITY),
  SigninLogs: `(${[...SIGN_IN_COMMON, ...nested('dynamic')].join(', ')})`,
  AADNonInteractiveUserSignInLogs: `(${[...SIGN_IN_COMMON, ...nested('string')].join(', ')})`,
  AADServicePrincipalSignInLogs: `(${[...SIGN_IN_COMMON, ...nested('string')].join(', ')})`,
  AADManagedIdentitySignInLogs: `(${[...SIGN_IN_COMMON, ...nested('string')].join(', ')})`,
};
