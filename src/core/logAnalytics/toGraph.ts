/**
 * A workspace row in the shape of the Graph report its table mirrors (sign-ins, audits,
 * provisioning, risk detections, risky users), so the grid, the detail panels (the sign-in
 * panel's conditional access table included) and exports read it as they read Graph's. The columns Log Analytics renamed come
 * back under Graph's names; `dynamic` columns (strings of JSON in the non-interactive, service
 * principal and managed identity tables) are parsed; a value that does not parse stays as text.
 * Where the record came from is kept beside it, under `workspaceSource`.
 */
import { type LogRecord, isUnreadable, screenRecord, type SourceRecord } from '../records/untrusted';
import { type WorkspaceTableName } from './tables';

/** JSON text longer than this stays text: a record is not worth a parse of megabytes. */
const MAX_JSON_TEXT = 1_000_000;

/** A dynamic value: as sent when it is already structured, parsed when it is a string of JSON. */
function dynamic(value: unknown): unknown {
  if (typeof value !== 'string' || value.length > MAX_JSON_TEXT) return value;
  const t = value.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));

/** ResultType is a string ("0", "50126"); Graph's errorCode is a number. Anything else stays as sent. */
function errorCode(v: unknown): unknown {
  return typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : v;
}

export interface WorkspaceSource {
  readonly workspaceId: string;
  /** The name the user gave it, when known (the detail panel names it). */
  readonly workspaceName?: string;
  readonly table: WorkspaceTableName;
  /** When the workspace received the record. */
  readonly timeGenerated: string | null;
}

/** How a column becomes a Graph property's value. */
type Read = 'text' | 'dynamic' | 'bool' | 'number' | 'jsonText';
/** Graph property ← column, read as said; the first column present wins where several are listed. */
type Shape = readonly (readonly [property: string, columns: string | readonly string[], read: Read])[];

const SIGN_IN_TABLES: readonly WorkspaceTableName[] = ['SigninLogs', 'AADNonInteractiveUserSignInLogs', 'AADServicePrincipalSignInLogs', 'AADManagedIdentitySignInLogs'];

/**
 * The other tables that mirror a Graph report, property by property (API-FACTS 8 and the tables'
 * reference pages): mostly Graph's names in PascalCase, with the renames spelt out.
 */
const SHAPES: Partial<Readonly<Record<WorkspaceTableName, Shape>>> = {
  AuditLogs: [
    ['id', 'Id', 'text'],
    ['category', 'Category', 'text'],
    ['correlationId', 'CorrelationId', 'text'],
    ['result', 'Result', 'text'],
    ['resultReason', 'ResultReason', 'text'],
    ['activityDisplayName', ['ActivityDisplayName', 'OperationName'], 'text'],
    ['activityDateTime', 'ActivityDateTime', 'text'],
    ['loggedByService', 'LoggedByService', 'text'],
    ['operationType', 'AADOperationType', 'text'],
    ['initiatedBy', 'InitiatedBy', 'dynamic'],
    ['targetResources', 'TargetResources', 'dynamic'],
    ['additionalDetails', 'AdditionalDetails', 'dynamic'],
  ],
  AADProvisioningLogs: [
    ['id', 'Id', 'text'],
    ['activityDateTime', 'ActivityDateTime', 'text'],
    ['tenantId', 'TenantId', 'text'],
    ['jobId', 'JobId', 'text'],
    ['cycleId', 'CycleId', 'text'],
    ['changeId', 'ChangeId', 'text'],
    ['durationInMilliseconds', 'DurationMs', 'number'],
    ['provisioningAction', 'ProvisioningAction', 'text'],
    ['initiatedBy', 'InitiatedBy', 'dynamic'],
    ['servicePrincipal', 'ServicePrincipal', 'dynamic'],
    ['sourceSystem', 'SourceSystem', 'dynamic'],
    ['targetSystem', 'TargetSystem', 'dynamic'],
    ['sourceIdentity', 'SourceIdentity', 'dynamic'],
    ['targetIdentity', 'TargetIdentity', 'dynamic'],
    ['modifiedProperties', 'ModifiedProperties', 'dynamic'],
    ['provisioningSteps', 'ProvisioningSteps', 'dynamic'],
    ['provisioningStatusInfo', 'ProvisioningStatusInfo', 'dynamic'],
  ],
  AADUserRiskEvents: [
    ['id', 'Id', 'text'],
    // The request id of the sign-in the detection is about.
    ['requestId', 'RequestId', 'text'],
    ['correlationId', 'CorrelationId', 'text'],
    ['riskEventType', 'RiskEventType', 'text'],
    ['riskState', 'RiskState', 'text'],
    ['riskLevel', 'RiskLevel', 'text'],
    ['riskDetail', 'RiskDetail', 'text'],
    ['source', 'Source', 'text'],
    ['detectionTimingType', 'DetectionTimingType', 'text'],
    ['activity', 'Activity', 'text'],
    ['tokenIssuerType', 'TokenIssuerType', 'text'],
    ['ipAddress', 'IpAddress', 'text'],
    ['location', 'Location', 'dynamic'],
    ['activityDateTime', 'ActivityDateTime', 'text'],
    ['detectedDateTime', 'DetectedDateTime', 'text'],
    ['lastUpdatedDateTime', 'LastUpdatedDateTime', 'text'],
    ['userId', 'UserId', 'text'],
    ['userDisplayName', 'UserDisplayName', 'text'],
    ['userPrincipalName', 'UserPrincipalName', 'text'],
    // Graph sends it as a string of JSON; the workspace as dynamic.
    ['additionalInfo', 'AdditionalInfo', 'jsonText'],
  ],
  AADRiskyUsers: [
    ['id', 'Id', 'text'],
    ['userDisplayName', 'UserDisplayName', 'text'],
    ['userPrincipalName', 'UserPrincipalName', 'text'],
    ['isDeleted', 'IsDeleted', 'bool'],
    ['isProcessing', 'IsProcessing', 'bool'],
    ['riskLevel', 'RiskLevel', 'text'],
    ['riskState', 'RiskState', 'text'],
    ['riskDetail', 'RiskDetail', 'text'],
    ['riskLastUpdatedDateTime', 'RiskLastUpdatedDateTime', 'text'],
  ],
  // Graph activity has no Graph report: its own columns under camelCase names (graphActivity.ts).
  MicrosoftGraphActivityLogs: [
    // A request's own id is its record's id (the grid and the detail panel key rows by it).
    ['id', 'RequestId', 'text'],
    ['activityDateTime', 'TimeGenerated', 'text'],
    ['requestId', 'RequestId', 'text'],
    ['operationId', 'OperationId', 'text'],
    ['clientRequestId', 'ClientRequestId', 'text'],
    ['apiVersion', 'ApiVersion', 'text'],
    ['requestMethod', 'RequestMethod', 'text'],
    ['requestUri', 'RequestUri', 'text'],
    ['responseStatusCode', 'ResponseStatusCode', 'number'],
    ['durationMs', 'DurationMs', 'number'],
    ['responseSizeBytes', 'ResponseSizeBytes', 'number'],
    ['ipAddress', 'IPAddress', 'text'],
    ['userAgent', 'UserAgent', 'text'],
    ['appId', 'AppId', 'text'],
    ['userId', 'UserId', 'text'],
    ['servicePrincipalId', 'ServicePrincipalId', 'text'],
    ['signInActivityId', 'SignInActivityId', 'text'],
    ['tokenIssuedAt', 'TokenIssuedAt', 'text'],
    ['scopes', 'Scopes', 'text'],
    ['roles', 'Roles', 'text'],
    ['wids', 'Wids', 'text'],
    ['identityProvider', 'IdentityProvider', 'text'],
    ['clientAuthMethod', 'ClientAuthMethod', 'number'],
    ['deviceId', 'DeviceId', 'text'],
    // The region that served the request (a name, not a sign-in's location object).
    ['region', 'Location', 'text'],
  ],
};

/** The tables whose rows are put in Graph's shape (the others keep their columns). */
export const GRAPH_SHAPED_TABLES: ReadonlySet<WorkspaceTableName> = new Set([...SIGN_IN_TABLES, ...(Object.keys(SHAPES) as WorkspaceTableName[])]);

function read(value: unknown, how: Read): unknown {
  switch (how) {
    case 'text':
      return text(value);
    case 'dynamic':
      return value === undefined ? null : dynamic(value);
    case 'bool':
      return typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : null;
    case 'number':
      return typeof value === 'number' ? value : typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : null;
    case 'jsonText':
      return typeof value === 'string' || value === null || value === undefined ? (value ?? null) : JSON.stringify(value);
  }
}

function shaped(r: SourceRecord, shape: Shape, workspaceSource: WorkspaceSource): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [property, columns, how] of shape) {
    const column = typeof columns === 'string' ? columns : (columns.find((c) => r[c] !== undefined && r[c] !== null && r[c] !== '') ?? columns[0]);
    out[property] = read(r[column], how);
  }
  out.workspaceSource = workspaceSource;
  return out;
}

/** A row of a table that mirrors a Graph report in that report's shape; rows of other tables keep their columns, with their source. */
export function toGraphShape(row: LogRecord, source: Omit<WorkspaceSource, 'timeGenerated'>): LogRecord {
  if (isUnreadable(row)) return row;
  const workspaceSource: WorkspaceSource = { ...source, timeGenerated: text(row.TimeGenerated) };
  if (SIGN_IN_TABLES.includes(source.table)) return screenRecord(signInOf(row, workspaceSource));
  const shape = SHAPES[source.table];
  return screenRecord(shape ? shaped(row, shape, workspaceSource) : { ...row, workspaceSource });
}

function signInOf(r: SourceRecord, workspaceSource: WorkspaceSource): Record<string, unknown> {
  const status = dynamic(r.Status);
  const statusObject = typeof status === 'object' && status !== null && !Array.isArray(status) ? (status as Record<string, unknown>) : {};
  const location = dynamic(r.LocationDetails);
  const policies = dynamic(r.ConditionalAccessPolicies);
  const riskTypes = dynamic(r.RiskEventTypes_V2);
  return {
    id: text(r.Id),
    createdDateTime: text(r.CreatedDateTime),
    userDisplayName: text(r.UserDisplayName),
    userPrincipalName: text(r.UserPrincipalName),
    userId: text(r.UserId),
    appId: text(r.AppId),
    appDisplayName: text(r.AppDisplayName),
    ipAddress: text(r.IPAddress),
    clientAppUsed: text(r.ClientAppUsed),
    userAgent: text(r.UserAgent),
    correlationId: text(r.CorrelationId),
    conditionalAccessStatus: text(r.ConditionalAccessStatus),
    isInteractive: typeof r.IsInteractive === 'boolean' ? r.IsInteractive : workspaceSource.table === 'SigninLogs',
    resourceDisplayName: text(r.ResourceDisplayName),
    resourceId: text(r.ResourceIdentity),
    resourceTenantId: text(r.ResourceTenantId),
    homeTenantId: text(r.HomeTenantId),
    servicePrincipalId: text(r.ServicePrincipalId),
    servicePrincipalName: text(r.ServicePrincipalName),
    status: { ...statusObject, errorCode: errorCode(r.ResultType), failureReason: text(r.ResultDescription) ?? statusObject.failureReason ?? null },
    location: typeof location === 'object' && location !== null && !Array.isArray(location) ? { ...(location as Record<string, unknown>), countryOrRegion: text(r.Location) ?? (location as Record<string, unknown>).countryOrRegion } : { countryOrRegion: text(r.Location) },
    deviceDetail: dynamic(r.DeviceDetail),
    appliedConditionalAccessPolicies: Array.isArray(policies) ? policies : [],
    authenticationRequirement: text(r.AuthenticationRequirement),
    authenticationProtocol: text(r.AuthenticationProtocol),
    riskDetail: text(r.RiskDetail),
    riskLevelAggregated: text(r.RiskLevelAggregated),
    riskLevelDuringSignIn: text(r.RiskLevelDuringSignIn),
    riskState: text(r.RiskState),
    riskEventTypes_v2: Array.isArray(riskTypes) ? riskTypes : [],
    uniqueTokenIdentifier: text(r.UniqueTokenIdentifier),
    ...tokenFields(r),
    workspaceSource,
  };
}

/**
 * The fields a token theft shows in, which Graph serves in beta only: the workspace has them as
 * columns, lists as strings of JSON. A column the workspace lacks (older rows) is left out.
 */
function tokenFields(r: SourceRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const set = (key: string, v: string | null) => {
    if (v !== null && v !== '') out[key] = v;
  };
  set('userType', text(r.UserType));
  set('originalTransferMethod', text(r.OriginalTransferMethod));
  set('incomingTokenType', text(r.IncomingTokenType));
  set('clientCredentialType', text(r.ClientCredentialType));
  set('sessionId', text(r.SessionId));
  set('originalRequestId', text(r.OriginalRequestId));
  set('crossTenantAccessType', text(r.CrossTenantAccessType));
  set('tokenIssuerType', text(r.TokenIssuerType));
  set('signInTokenProtectionStatus', text(r.SignInTokenProtectionStatus));
  const asn = text(r.AutonomousSystemNumber);
  if (asn !== null && /^\d{1,10}$/.test(asn)) out.autonomousSystemNumber = Number(asn);
  for (const [column, key] of [['AuthenticationDetails', 'authenticationDetails'], ['AuthenticationProcessingDetails', 'authenticationProcessingDetails']] as const) {
    const list = dynamic(r[column]);
    if (Array.isArray(list)) out[key] = list;
  }
  const details = dynamic(r.TokenProtectionStatusDetails);
  if (typeof details === 'object' && details !== null && !Array.isArray(details)) out.tokenProtectionStatusDetails = details;
  return out;
}
