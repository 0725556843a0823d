/**
 * Every Entra table the fake workspaces hold (API-FACTS 8), over the same generated records Graph
 * serves: the sign-in tables (workspaceRows.ts), directory audits, provisioning, risk detections
 * and the risky users' and service principals' state changes. Each row carries the Graph record's
 * values under the workspace's own column names and types, as diagnostic settings write them: this
 * is the service's side, written apart from the extension's mapping back (core/logAnalytics), so a
 * test that compares the two compares two readings of the documentation, not one with itself.
 */
import { mix32 } from '../random';
import { type TenantData } from './dataset';
import { GRAPH_ACTIVITY_COLUMNS, graphActivityRows } from './graphActivity';
import { signInColumns, signInRow, TABLE_OF_EVENT, type WorkspaceColumn } from './workspaceRows';

export interface WorkspaceTableData {
  readonly columns: readonly WorkspaceColumn[];
  /** The rows the workspace received in [fromMs, toMs] (by TimeGenerated); datetimes as epoch milliseconds. */
  rows(fromMs: number, toMs: number): Generator<Record<string, unknown>>;
}

/** TimeGenerated trails the event by 20 s to 5 min, the same for the same record. */
export const MAX_INGESTION_LAG_MS = 300_000;
export function ingestionLagMs(seed: number, salt: number, key: number): number {
  return 20_000 + (mix32(seed, salt, key >>> 0) % 280_000);
}

/** The per-table salt of the ingestion lag (the sign-in tables' is workspaceRows' receivedMs). */
export const LAG_SALT = { audit: 0x7a6f, provisioning: 0x7a70, riskDetection: 0x7a71, riskyUser: 0x7a72, riskyServicePrincipal: 0x7a73 } as const;

const s = (name: string): WorkspaceColumn => ({ name, type: 'string' });
const dt = (name: string): WorkspaceColumn => ({ name, type: 'datetime' });
const dyn = (name: string): WorkspaceColumn => ({ name, type: 'dynamic' });
const b = (name: string): WorkspaceColumn => ({ name, type: 'bool' });
const long = (name: string): WorkspaceColumn => ({ name, type: 'long' });

const text = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const ms = (v: unknown): number => Date.parse(text(v));

const AUDIT_COLUMNS: readonly WorkspaceColumn[] = [
  s('TenantId'), dt('TimeGenerated'), s('OperationName'), s('OperationVersion'), s('Category'), s('ResultType'), s('ResultSignature'), s('ResultDescription'), long('DurationMs'),
  s('CorrelationId'), s('Identity'), s('Level'), dyn('AdditionalDetails'), s('Id'), dyn('InitiatedBy'), s('LoggedByService'), s('Result'), s('ResultReason'), dyn('TargetResources'),
  s('AADTenantId'), s('ActivityDisplayName'), dt('ActivityDateTime'), s('AADOperationType'),
];

/** AADProvisioningLogs keeps its nested values as strings of JSON, like the non-interactive sign-ins. */
const PROVISIONING_JSON = ['InitiatedBy', 'ServicePrincipal', 'SourceSystem', 'TargetSystem', 'SourceIdentity', 'TargetIdentity', 'ModifiedProperties', 'ProvisioningSteps', 'ProvisioningStatusInfo'];
const PROVISIONING_COLUMNS: readonly WorkspaceColumn[] = [
  s('TenantId'), dt('TimeGenerated'), s('OperationName'), s('OperationVersion'), s('Category'), s('ResultType'), s('ResultSignature'), s('ResultDescription'), long('DurationMs'),
  s('Id'), s('JobId'), s('CycleId'), s('ChangeId'), s('Action'), s('ProvisioningAction'), dt('ActivityDateTime'), ...PROVISIONING_JSON.map(s),
];

const RISK_EVENT_COLUMNS: readonly WorkspaceColumn[] = [
  s('TenantId'), dt('TimeGenerated'), s('OperationName'), s('Id'), s('RequestId'), s('CorrelationId'), s('RiskEventType'), s('RiskState'), s('RiskLevel'), s('RiskDetail'), s('Source'),
  s('DetectionTimingType'), s('Activity'), s('TokenIssuerType'), s('IpAddress'), dyn('Location'), dt('ActivityDateTime'), dt('DetectedDateTime'), dt('LastUpdatedDateTime'),
  s('UserId'), s('UserDisplayName'), s('UserPrincipalName'), dyn('AdditionalInfo'),
];

const RISKY_USER_COLUMNS: readonly WorkspaceColumn[] = [
  s('TenantId'), dt('TimeGenerated'), s('OperationName'), s('Id'), s('UserDisplayName'), s('UserPrincipalName'), b('IsDeleted'), b('IsProcessing'), s('RiskLevel'), s('RiskState'), s('RiskDetail'), dt('RiskLastUpdatedDateTime'),
];

const RISKY_SP_COLUMNS: readonly WorkspaceColumn[] = [
  s('TenantId'), dt('TimeGenerated'), s('OperationName'), s('Id'), s('AppId'), s('DisplayName'), s('ServicePrincipalType'), b('AccountEnabled'), b('IsProcessing'), s('RiskLevel'), s('RiskState'), s('RiskDetail'), dt('RiskLastUpdatedDateTime'),
];

function auditRow(a: Record<string, unknown>, tenantId: string, received: number): Record<string, unknown> {
  const by = (a.initiatedBy ?? {}) as { user?: { userPrincipalName?: unknown } | null; app?: { displayName?: unknown } | null };
  return {
    TenantId: tenantId,
    TimeGenerated: received,
    OperationName: text(a.activityDisplayName),
    OperationVersion: '1.0',
    Category: text(a.category),
    ResultType: '',
    ResultSignature: 'None',
    ResultDescription: '',
    DurationMs: 0,
    CorrelationId: text(a.correlationId),
    Identity: text(by.user?.userPrincipalName ?? by.app?.displayName),
    Level: 'Informational',
    AdditionalDetails: a.additionalDetails ?? [],
    Id: text(a.id),
    InitiatedBy: a.initiatedBy ?? {},
    LoggedByService: text(a.loggedByService),
    Result: text(a.result),
    ResultReason: text(a.resultReason),
    TargetResources: a.targetResources ?? [],
    AADTenantId: tenantId,
    ActivityDisplayName: text(a.activityDisplayName),
    ActivityDateTime: ms(a.activityDateTime),
    AADOperationType: text(a.operationType),
  };
}

const capital = (v: string) => v.charAt(0).toUpperCase() + v.slice(1);

function provisioningRow(p: Record<string, unknown>, tenantId: string, received: number): Record<string, unknown> {
  const info = (p.provisioningStatusInfo ?? {}) as { status?: unknown; errorInformation?: { reason?: unknown } | null };
  const json = (v: unknown) => JSON.stringify(v ?? null);
  return {
    TenantId: tenantId,
    TimeGenerated: received,
    OperationName: 'Provisioning activity',
    OperationVersion: '1.0',
    Category: 'ProvisioningLogs',
    ResultType: capital(text(info.status)),
    ResultSignature: 'None',
    ResultDescription: text(info.errorInformation?.reason),
    DurationMs: typeof p.durationInMilliseconds === 'number' ? p.durationInMilliseconds : 0,
    Id: text(p.id),
    JobId: text(p.jobId),
    CycleId: text(p.cycleId),
    ChangeId: text(p.changeId),
    Action: capital(text(p.provisioningAction)),
    ProvisioningAction: text(p.provisioningAction),
    ActivityDateTime: ms(p.activityDateTime),
    InitiatedBy: json(p.initiatedBy),
    ServicePrincipal: json(p.servicePrincipal),
    SourceSystem: json(p.sourceSystem),
    TargetSystem: json(p.targetSystem),
    SourceIdentity: json(p.sourceIdentity),
    TargetIdentity: json(p.targetIdentity),
    ModifiedProperties: json(p.modifiedProperties),
    ProvisioningSteps: json(p.provisioningSteps),
    ProvisioningStatusInfo: json(p.provisioningStatusInfo),
  };
}

function riskEventRow(r: Record<string, unknown>, tenantId: string, received: number): Record<string, unknown> {
  let additional: unknown = r.additionalInfo;
  try {
    additional = typeof additional === 'string' ? JSON.parse(additional) : additional;
  } catch {
    // Kept as sent.
  }
  return {
    TenantId: tenantId,
    TimeGenerated: received,
    OperationName: 'User Risk Detection',
    Id: text(r.id),
    RequestId: text(r.requestId),
    CorrelationId: text(r.correlationId),
    RiskEventType: text(r.riskEventType),
    RiskState: text(r.riskState),
    RiskLevel: text(r.riskLevel),
    RiskDetail: text(r.riskDetail),
    Source: text(r.source),
    DetectionTimingType: text(r.detectionTimingType),
    Activity: text(r.activity),
    TokenIssuerType: text(r.tokenIssuerType),
    IpAddress: text(r.ipAddress),
    Location: r.location ?? {},
    ActivityDateTime: ms(r.activityDateTime),
    DetectedDateTime: ms(r.detectedDateTime),
    LastUpdatedDateTime: ms(r.lastUpdatedDateTime),
    UserId: text(r.userId),
    UserDisplayName: text(r.userDisplayName),
    UserPrincipalName: text(r.userPrincipalName),
    AdditionalInfo: additional ?? [],
  };
}

/** A state change of a risky user (one history entry): the workspace gets a row for each. */
function riskyUserRow(h: Record<string, unknown>, tenantId: string, received: number): Record<string, unknown> {
  return {
    TenantId: tenantId,
    TimeGenerated: received,
    OperationName: 'Risky user',
    Id: text(h.id),
    UserDisplayName: text(h.userDisplayName),
    UserPrincipalName: text(h.userPrincipalName),
    IsDeleted: h.isDeleted === true,
    IsProcessing: h.isProcessing === true,
    RiskLevel: text(h.riskLevel),
    RiskState: text(h.riskState),
    RiskDetail: text(h.riskDetail),
    RiskLastUpdatedDateTime: ms(h.riskLastUpdatedDateTime),
  };
}

function riskySpRow(h: Record<string, unknown>, tenantId: string, received: number): Record<string, unknown> {
  return {
    TenantId: tenantId,
    TimeGenerated: received,
    OperationName: 'Risky service principal',
    Id: text(h.id),
    AppId: text(h.appId),
    DisplayName: text(h.displayName),
    ServicePrincipalType: text(h.servicePrincipalType),
    AccountEnabled: h.isEnabled !== false,
    IsProcessing: h.isProcessing === true,
    RiskLevel: text(h.riskLevel),
    RiskState: text(h.riskState),
    RiskDetail: text(h.riskDetail),
    RiskLastUpdatedDateTime: ms(h.riskLastUpdatedDateTime),
  };
}

/** Every history entry of every subject, each with a key of its own (subject k, entry h). */
function* historyEntries(subjects: Iterable<{ history: Record<string, unknown>[] }>): Generator<{ key: number; record: Record<string, unknown> }> {
  let k = 0;
  for (const subject of subjects) {
    for (let h = 0; h < subject.history.length; h++) yield { key: k * 4096 + h, record: subject.history[h] };
    k++;
  }
}

/** Received in [fromMs, toMs]: the event happened at most the longest lag before. */
const within = (received: number, fromMs: number, toMs: number) => received >= fromMs && received <= toMs;

/** A table of the tenant's data, or undefined when the fake has none by that name. */
export function workspaceTableData(data: TenantData, tenantId: string, name: string): WorkspaceTableData | undefined {
  const seed = data.seed;
  const signInType = Object.entries(TABLE_OF_EVENT).find(([, table]) => table === name)?.[0];
  if (signInType) {
    return {
      columns: signInColumns(name),
      *rows(fromMs, toMs) {
        for (const record of data.workspaceSignIns(fromMs - MAX_INGESTION_LAG_MS, toMs)) {
          if (record.eventType !== signInType) continue;
          const row = signInRow(record, tenantId, seed);
          if (within(row.TimeGenerated as number, fromMs, toMs)) yield row;
        }
      },
    };
  }
  /** A table of keyed records that reach the workspace a lag after the instant in `at`. */
  const table = (
    columns: readonly WorkspaceColumn[],
    salt: number,
    records: (fromMs: number, toMs: number) => Iterable<{ readonly key: number; readonly record: Record<string, unknown> }>,
    at: string,
    toRow: (record: Record<string, unknown>, tenantId: string, received: number) => Record<string, unknown>,
  ): WorkspaceTableData => ({
    columns,
    *rows(fromMs, toMs) {
      for (const { key, record } of records(fromMs - MAX_INGESTION_LAG_MS, toMs)) {
        const received = ms(record[at]) + ingestionLagMs(seed, salt, key);
        if (within(received, fromMs, toMs)) yield toRow(record, tenantId, received);
      }
    },
  });
  const riskDetections = () => Array.from({ length: data.riskDetectionCount }, (_, j) => ({ key: j, record: data.riskDetection(j) }));
  switch (name) {
    case 'AuditLogs':
      return table(AUDIT_COLUMNS, LAG_SALT.audit, (from, to) => data.workspaceAudits(from, to), 'activityDateTime', auditRow);
    case 'AADProvisioningLogs':
      return table(PROVISIONING_COLUMNS, LAG_SALT.provisioning, (from, to) => data.workspaceProvisioning(from, to), 'activityDateTime', provisioningRow);
    case 'AADUserRiskEvents':
      return table(RISK_EVENT_COLUMNS, LAG_SALT.riskDetection, riskDetections, 'lastUpdatedDateTime', riskEventRow);
    case 'AADRiskyUsers':
      return table(RISKY_USER_COLUMNS, LAG_SALT.riskyUser, () => historyEntries(data.riskyUsers.values()), 'riskLastUpdatedDateTime', riskyUserRow);
    case 'MicrosoftGraphActivityLogs':
      return { columns: GRAPH_ACTIVITY_COLUMNS, rows: (fromMs, toMs) => graphActivityRows(data, tenantId, fromMs, toMs) };
    case 'AADRiskyServicePrincipals':
      return table(RISKY_SP_COLUMNS, LAG_SALT.riskyServicePrincipal, () => historyEntries(data.riskyServicePrincipals.values()), 'riskLastUpdatedDateTime', riskySpRow);
    default:
      return undefined;
  }
}
