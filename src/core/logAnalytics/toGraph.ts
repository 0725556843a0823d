/**
 * A workspace sign-in row in Graph's shape, so the grid, the detail panel (its conditional access
 * table included) and exports read it as they read Graph's. The columns Log Analytics renamed come
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
  readonly table: WorkspaceTableName;
  /** When the workspace received the record. */
  readonly timeGenerated: string | null;
}

/** The tables whose rows are put in Graph's shape (the others keep their columns). */
export const GRAPH_SHAPED_TABLES: ReadonlySet<WorkspaceTableName> = new Set(['SigninLogs', 'AADNonInteractiveUserSignInLogs', 'AADServicePrincipalSignInLogs', 'AADManagedIdentitySignInLogs']);

/** A row of a sign-in table as a Graph signIn; rows of other tables keep their columns, with their source. */
export function toGraphShape(row: LogRecord, source: Omit<WorkspaceSource, 'timeGenerated'>): LogRecord {
  if (isUnreadable(row)) return row;
  const workspaceSource: WorkspaceSource = { ...source, timeGenerated: text(row.TimeGenerated) };
  if (!GRAPH_SHAPED_TABLES.has(source.table)) return screenRecord({ ...row, workspaceSource });
  return screenRecord(signInOf(row, workspaceSource));
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
    workspaceSource,
  };
}
