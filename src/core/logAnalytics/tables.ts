/**
 * The Entra tables a Log Analytics workspace receives (API-FACTS 8), and for each one how a Graph
 * property reads there: the same name in PascalCase, a renamed column (status/errorCode is
 * ResultType, a string), or a path inside a `dynamic` column, which the non-interactive, service
 * principal and managed identity sign-in tables hold as a string of JSON instead. A declarative
 * table: one row per table, one entry per Graph property the filter builder offers.
 */
import { type CategoryId, type FilterSpec } from '../catalog/types';
import { GRAPH_ACTIVITY_FILTER } from './graphActivity';

export type WorkspaceTableName =
  | 'SigninLogs'
  | 'AADNonInteractiveUserSignInLogs'
  | 'AADServicePrincipalSignInLogs'
  | 'AADManagedIdentitySignInLogs'
  | 'AuditLogs'
  | 'AADProvisioningLogs'
  | 'AADRiskyUsers'
  | 'AADUserRiskEvents'
  | 'AADRiskyServicePrincipals'
  | 'AADServicePrincipalRiskEvents'
  | 'MicrosoftGraphActivityLogs'
  | 'OfficeActivity';

/** How a Graph property is read in a table. */
export type ColumnRef =
  /** A column of its own; `type` is the column's, which may differ from Graph's (ResultType is a string). */
  | { readonly column: string; readonly type: 'string' | 'int' | 'bool' | 'datetime' }
  /** A property inside a dynamic column (or a string of JSON, `json: true`), read as a string. */
  | { readonly column: string; readonly type: 'dynamic'; readonly path: readonly string[]; readonly json: boolean };

export interface WorkspaceTable {
  readonly name: WorkspaceTableName;
  readonly label: string;
  /** The diagnostic-settings category that fills it (or where else it comes from). */
  readonly source: string;
  /** The Graph report its rows mirror: its filter fields and detail panel apply. */
  readonly graphCategory?: CategoryId;
  /** What a table that mirrors no Graph report can be filtered on (its own report's fields). */
  readonly filter?: FilterSpec;
  /** When the event happened (Graph's time property); TimeGenerated is when the workspace received it. */
  readonly eventTime?: string;
  /** Graph property path → its column. Properties missing here are not offered for this table. */
  readonly fields: Readonly<Record<string, ColumnRef>>;
}

const s = (column: string): ColumnRef => ({ column, type: 'string' });
const inside = (column: string, path: string, json: boolean): ColumnRef => ({ column, type: 'dynamic', path: path.split('/'), json });

/** A user's side of a sign-in: offered, as in Graph, for user sign-ins only. */
const USER_FIELDS = new Set(['userPrincipalName', 'userDisplayName', 'userId', 'clientAppUsed', 'riskState', 'riskLevelDuringSignIn', 'riskLevelAggregated', 'riskDetail', 'riskEventTypes_v2']);

/** The sign-in tables share their columns; only SigninLogs keeps the nested ones as dynamic. */
function signInFields(json: boolean, users: boolean): Readonly<Record<string, ColumnRef>> {
  const all: Record<string, ColumnRef> = {
    id: s('Id'),
    correlationId: s('CorrelationId'),
    userPrincipalName: s('UserPrincipalName'),
    userDisplayName: s('UserDisplayName'),
    userId: s('UserId'),
    appDisplayName: s('AppDisplayName'),
    appId: s('AppId'),
    ipAddress: s('IPAddress'),
    // A string in every sign-in table: "0" for success, "50126" …
    'status/errorCode': s('ResultType'),
    clientAppUsed: s('ClientAppUsed'),
    conditionalAccessStatus: s('ConditionalAccessStatus'),
    'location/countryOrRegion': s('Location'),
    'location/state': inside('LocationDetails', 'state', json),
    'location/city': inside('LocationDetails', 'city', json),
    'deviceDetail/browser': inside('DeviceDetail', 'browser', json),
    'deviceDetail/operatingSystem': inside('DeviceDetail', 'operatingSystem', json),
    resourceDisplayName: s('ResourceDisplayName'),
    resourceId: s('ResourceIdentity'),
    riskState: s('RiskState'),
    riskLevelDuringSignIn: s('RiskLevelDuringSignIn'),
    riskLevelAggregated: s('RiskLevelAggregated'),
    riskDetail: s('RiskDetail'),
    riskEventTypes_v2: s('RiskEventTypes_V2'),
    authenticationRequirement: s('AuthenticationRequirement'),
    servicePrincipalName: s('ServicePrincipalName'),
    servicePrincipalId: s('ServicePrincipalId'),
    // Beta fields Graph cannot filter on, which the workspace keeps as columns: a token's sign-in is found by them.
    uniqueTokenIdentifier: s('UniqueTokenIdentifier'),
    sessionId: s('SessionId'),
  };
  return Object.fromEntries(Object.entries(all).filter(([path]) => users || !USER_FIELDS.has(path)));
}

export const WORKSPACE_TABLES: readonly WorkspaceTable[] = [
  { name: 'SigninLogs', label: 'Interactive sign-ins', source: 'SignInLogs', graphCategory: 'signIns.interactive', eventTime: 'CreatedDateTime', fields: signInFields(false, true) },
  { name: 'AADNonInteractiveUserSignInLogs', label: 'Non-interactive sign-ins', source: 'NonInteractiveUserSignInLogs', graphCategory: 'signIns.nonInteractive', eventTime: 'CreatedDateTime', fields: signInFields(true, true) },
  { name: 'AADServicePrincipalSignInLogs', label: 'Service principal sign-ins', source: 'ServicePrincipalSignInLogs', graphCategory: 'signIns.servicePrincipal', eventTime: 'CreatedDateTime', fields: signInFields(true, false) },
  { name: 'AADManagedIdentitySignInLogs', label: 'Managed identity sign-ins', source: 'ManagedIdentitySignInLogs', graphCategory: 'signIns.managedIdentity', eventTime: 'CreatedDateTime', fields: signInFields(true, false) },
  {
    name: 'AuditLogs',
    label: 'Directory audits',
    source: 'AuditLogs',
    graphCategory: 'directoryAudits',
    eventTime: 'ActivityDateTime',
    fields: {
      id: s('Id'),
      activityDisplayName: s('OperationName'),
      category: s('Category'),
      loggedByService: s('LoggedByService'),
      result: s('Result'),
      correlationId: s('CorrelationId'),
      'initiatedBy/user/userPrincipalName': inside('InitiatedBy', 'user/userPrincipalName', false),
      'initiatedBy/user/id': inside('InitiatedBy', 'user/id', false),
      'initiatedBy/app/appId': inside('InitiatedBy', 'app/appId', false),
    },
  },
  {
    name: 'AADProvisioningLogs',
    label: 'Provisioning',
    source: 'ProvisioningLogs',
    graphCategory: 'provisioning',
    eventTime: 'ActivityDateTime',
    fields: {
      id: s('Id'),
      jobId: s('JobId'),
      cycleId: s('CycleId'),
      changeId: s('ChangeId'),
      provisioningAction: s('ProvisioningAction'),
      // Strings of JSON in this table, like the non-interactive sign-ins' nested columns.
      'provisioningStatusInfo/status': inside('ProvisioningStatusInfo', 'status', true),
      'targetSystem/displayName': inside('TargetSystem', 'displayName', true),
      'sourceIdentity/displayName': inside('SourceIdentity', 'displayName', true),
      'targetIdentity/displayName': inside('TargetIdentity', 'displayName', true),
    },
  },
  {
    name: 'AADRiskyUsers',
    label: 'Risky users',
    source: 'RiskyUsers',
    graphCategory: 'riskyUsers',
    eventTime: 'RiskLastUpdatedDateTime',
    fields: { id: s('Id'), userPrincipalName: s('UserPrincipalName'), userDisplayName: s('UserDisplayName'), riskLevel: s('RiskLevel'), riskState: s('RiskState'), riskDetail: s('RiskDetail'), isDeleted: { column: 'IsDeleted', type: 'bool' } },
  },
  {
    name: 'AADUserRiskEvents',
    label: 'Risk detections',
    source: 'UserRiskEvents',
    graphCategory: 'riskDetections',
    eventTime: 'ActivityDateTime',
    fields: {
      id: s('Id'),
      userPrincipalName: s('UserPrincipalName'),
      userId: s('UserId'),
      riskEventType: s('RiskEventType'),
      riskLevel: s('RiskLevel'),
      riskState: s('RiskState'),
      riskDetail: s('RiskDetail'),
      detectionTimingType: s('DetectionTimingType'),
      activity: s('Activity'),
      tokenIssuerType: s('TokenIssuerType'),
      source: s('Source'),
      ipAddress: s('IpAddress'),
      'location/countryOrRegion': inside('Location', 'countryOrRegion', false),
      // The request id of the sign-in the detection is about.
      requestId: s('RequestId'),
      correlationId: s('CorrelationId'),
    },
  },
  { name: 'AADRiskyServicePrincipals', label: 'Risky service principals', source: 'RiskyServicePrincipals', fields: { id: s('Id'), appId: s('AppId'), riskLevel: s('RiskLevel'), riskState: s('RiskState') } },
  { name: 'AADServicePrincipalRiskEvents', label: 'Service principal risk detections', source: 'ServicePrincipalRiskEvents', eventTime: 'ActivityDateTime', fields: { id: s('Id'), appId: s('AppId'), riskEventType: s('RiskEventType'), riskLevel: s('RiskLevel') } },
  {
    name: 'MicrosoftGraphActivityLogs',
    label: 'Graph activity',
    source: 'MicrosoftGraphActivityLogs',
    filter: GRAPH_ACTIVITY_FILTER,
    fields: {
      signInActivityId: s('SignInActivityId'),
      userId: s('UserId'),
      appId: s('AppId'),
      servicePrincipalId: s('ServicePrincipalId'),
      ipAddress: s('IPAddress'),
      requestMethod: s('RequestMethod'),
      requestUri: s('RequestUri'),
      responseStatusCode: { column: 'ResponseStatusCode', type: 'int' },
      requestId: s('RequestId'),
    },
  },
  { name: 'OfficeActivity', label: 'Office 365 activity', source: 'Microsoft Sentinel’s Office 365 connector', fields: { Operation: s('Operation'), UserId: s('UserId'), ClientIP: s('ClientIP'), Workload: s('OfficeWorkload') } },
];

export function workspaceTable(name: string): WorkspaceTable | undefined {
  return WORKSPACE_TABLES.find((t) => t.name === name);
}

/** The table that mirrors a Graph report (for "Run on Workspace…"). */
export function tableForCategory(category: CategoryId): WorkspaceTable | undefined {
  return WORKSPACE_TABLES.find((t) => t.graphCategory === category);
}
