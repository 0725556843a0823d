/**
 * One entry per report category (API-FACTS 1): endpoint and version, time property, filterable
 * fields with their operators and value kinds, page sizes, throttle class and columns.
 */
import { type GraphCategory } from './types';
import { ACTIVITY_TYPE, DETECTION_TIMING, OPERATION_RESULT, PROVISIONING_ACTION, PROVISIONING_RESULT, RISK_DETAIL, RISK_LEVEL, RISK_STATE, SIGN_IN_EVENT_TYPES, TOKEN_ISSUER_TYPE } from './enums';
import { SIGN_IN_CATEGORIES } from './signInCategories';
import { col, EQ, EQ_SW, en, f, guid, str, str_ } from './specBuilders';

export { col } from './specBuilders';
const at = (r: Record<string, unknown>, path: string): unknown => path.split('/').reduce<unknown>((o, k) => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined), r);

/** A category's header endpoint, from its version and path (one place, so they cannot disagree). */
const withEndpoint = (c: Omit<GraphCategory, 'endpoint'>): GraphCategory => ({ ...c, endpoint: `${c.apiVersion}${c.path}` });

export const CATEGORIES: readonly GraphCategory[] = (
  [
  ...SIGN_IN_CATEGORIES,
  {
    id: 'directoryAudits',
    source: 'graph',
    label: 'Directory audits',
    group: 'Audit',
    apiVersion: 'v1.0',
    path: '/auditLogs/directoryAudits',
    timeProperty: 'activityDateTime',
    timeOperators: ['ge', 'le'],
    fields: [
      f('activityDisplayName', 'Activity', str, EQ_SW),
      f('category', 'Category', str, EQ),
      f('loggedByService', 'Service', str, EQ),
      f('result', 'Result', en(OPERATION_RESULT), EQ),
      f('correlationId', 'Correlation id', guid, EQ),
      f('id', 'Id', str, EQ),
      f('initiatedBy/user/userPrincipalName', 'Initiated by (UPN)', { type: 'upn' }, EQ),
      f('initiatedBy/user/id', 'Initiated by (user id)', guid, EQ),
      f('initiatedBy/app/appId', 'Initiated by (app id)', guid, EQ),
    ],
    lambdas: [{ path: 'targetResources', label: 'Target', props: [f('id', 'Target id', guid, EQ), f('displayName', 'Target name', str, ['startswith'])] }],
    defaultPageSize: 1000,
    maxPageSize: 1000,
    throttle: 'reports',
    orderBy: 'activityDateTime',
    facets: ['activityDisplayName', 'result', 'category', 'initiatedByUser', 'initiatedByApp', 'target'],
    columns: [
      col('activityDateTime', 'Time', 'activityDateTime', 170, 'datetime'),
      col('activityDisplayName', 'Activity', 'activityDisplayName', 220),
      col('result', 'Result', 'result', 80, 'enum'),
      col('category', 'Category', 'category', 150),
      col('loggedByService', 'Service', 'loggedByService', 170),
      col('initiatedByUser', 'Initiated by', 'initiatedBy/user/userPrincipalName', 220),
      col('initiatedByApp', 'Initiated by app', 'initiatedBy/app/displayName', 180),
      col('target', 'Target', 'targetResources/0/displayName', 200),
      col('resultReason', 'Result reason', 'resultReason', 200),
      col('correlationId', 'Correlation id', 'correlationId', 280),
      col('id', 'Id', 'id', 280),
    ],
    defaultColumns: ['activityDateTime', 'activityDisplayName', 'result', 'category', 'loggedByService', 'initiatedByUser', 'initiatedByApp', 'target'],
    powershell: 'Get-MgAuditLogDirectoryAudit',
    requirement: 'directoryAudits',
    title: (r) => `${str_(r.activityDisplayName)} (${str_(r.activityDateTime)})`,
  },
  {
    id: 'provisioning',
    source: 'graph',
    label: 'Provisioning',
    group: 'Audit',
    apiVersion: 'v1.0',
    path: '/auditLogs/provisioning',
    timeProperty: 'activityDateTime',
    timeOperators: ['gt', 'lt'],
    fields: [
      f('provisioningAction', 'Action', en(PROVISIONING_ACTION), EQ),
      f('provisioningStatusInfo/status', 'Status', en(PROVISIONING_RESULT), EQ),
      f('targetSystem/displayName', 'Target system', str, ['eq', 'contains']),
      f('sourceIdentity/displayName', 'Source identity', str, ['eq', 'contains']),
      f('targetIdentity/displayName', 'Target identity', str, ['eq', 'contains']),
      f('jobId', 'Job id', str, ['eq', 'contains']),
      f('cycleId', 'Cycle id', str, EQ),
      f('id', 'Id', guid, EQ),
    ],
    lambdas: [],
    defaultPageSize: 1000,
    maxPageSize: 1000,
    throttle: 'reports',
    orderBy: 'activityDateTime',
    columns: [
      col('activityDateTime', 'Time', 'activityDateTime', 170, 'datetime'),
      col('status', 'Status', 'provisioningStatusInfo/status', 90, 'enum'),
      col('provisioningAction', 'Action', 'provisioningAction', 90, 'enum'),
      col('sourceIdentity', 'Source identity', 'sourceIdentity/displayName', 200),
      col('targetIdentity', 'Target identity', 'targetIdentity/displayName', 220),
      col('targetSystem', 'Target system', 'targetSystem/displayName', 180),
      col('error', 'Error', 'provisioningStatusInfo/errorInformation/reason', 260),
      col('jobId', 'Job id', 'jobId', 200),
      col('id', 'Id', 'id', 280),
    ],
    defaultColumns: ['activityDateTime', 'status', 'provisioningAction', 'sourceIdentity', 'targetIdentity', 'targetSystem', 'error'],
    powershell: 'Get-MgAuditLogProvisioning',
    requirement: 'provisioning',
    title: (r) => `${str_(r.provisioningAction)} ${str_(at(r, 'sourceIdentity/displayName'))} (${str_(r.activityDateTime)})`,
  },
  {
    id: 'riskDetections',
    source: 'graph',
    label: 'Risk detections',
    group: 'Identity Protection',
    apiVersion: 'v1.0',
    path: '/identityProtection/riskDetections',
    timeProperty: 'activityDateTime',
    timeOperators: ['ge', 'le'],
    fields: [
      f('userPrincipalName', 'User (UPN)', { type: 'upn' }, EQ_SW),
      f('userId', 'User id', guid, EQ),
      f('riskEventType', 'Risk event type', en(['unlikelyTravel', 'anonymizedIPAddress', 'maliciousIPAddress', 'unfamiliarFeatures', 'malwareInfectedIPAddress', 'suspiciousIPAddress', 'leakedCredentials', 'investigationsThreatIntelligence', 'generic', 'passwordSpray', 'suspiciousInboxForwarding', 'newCountry', 'impossibleTravel', 'mcasImpossibleTravel', 'adminConfirmedUserCompromised']), EQ),
      f('riskLevel', 'Risk level', en(RISK_LEVEL), EQ),
      f('riskState', 'Risk state', en(RISK_STATE), EQ),
      f('riskDetail', 'Risk detail', en(RISK_DETAIL), EQ),
      f('detectionTimingType', 'Detection timing', en(DETECTION_TIMING), EQ),
      f('activity', 'Activity', en(ACTIVITY_TYPE), EQ),
      f('tokenIssuerType', 'Token issuer', en(TOKEN_ISSUER_TYPE), EQ),
      f('source', 'Source', str, EQ),
      f('ipAddress', 'IP address', { type: 'ip' }, EQ),
      f('requestId', 'Request id', guid, EQ),
      f('correlationId', 'Correlation id', guid, EQ),
      f('location/countryOrRegion', 'Country or region', { type: 'country' }, EQ),
    ],
    lambdas: [],
    defaultPageSize: 500,
    maxPageSize: 500,
    throttle: 'identityProtection',
    columns: [
      col('activityDateTime', 'Time', 'activityDateTime', 170, 'datetime'),
      col('riskEventType', 'Risk event', 'riskEventType', 170, 'enum'),
      col('riskLevel', 'Level', 'riskLevel', 80, 'enum'),
      col('riskState', 'State', 'riskState', 120, 'enum'),
      col('userPrincipalName', 'User', 'userPrincipalName', 220),
      col('detectionTimingType', 'Timing', 'detectionTimingType', 110, 'enum'),
      col('ipAddress', 'IP address', 'ipAddress', 130),
      col('location', 'Location', 'location/countryOrRegion', 90),
      col('source', 'Source', 'source', 150),
      col('detectedDateTime', 'Detected', 'detectedDateTime', 170, 'datetime'),
      col('requestId', 'Request id', 'requestId', 280),
    ],
    defaultColumns: ['activityDateTime', 'riskEventType', 'riskLevel', 'riskState', 'userPrincipalName', 'detectionTimingType', 'ipAddress', 'location'],
    powershell: 'Get-MgRiskDetection',
    requirement: 'riskDetections',
    title: (r) => `${str_(r.riskEventType)} for ${str_(r.userPrincipalName)} (${str_(r.activityDateTime)})`,
  },
  {
    id: 'riskyUsers',
    source: 'graph',
    label: 'Risky users',
    group: 'Identity Protection',
    apiVersion: 'v1.0',
    path: '/identityProtection/riskyUsers',
    timeProperty: 'riskLastUpdatedDateTime',
    timeOperators: ['ge', 'le'],
    fields: [
      f('userPrincipalName', 'User (UPN)', { type: 'upn' }, EQ_SW),
      f('userDisplayName', 'Display name', str, EQ_SW),
      f('id', 'User id', guid, EQ),
      f('riskLevel', 'Risk level', en(RISK_LEVEL), EQ),
      f('riskState', 'Risk state', en(RISK_STATE), EQ),
      f('riskDetail', 'Risk detail', en(RISK_DETAIL), EQ),
      f('isDeleted', 'Deleted', { type: 'bool' }, EQ),
    ],
    lambdas: [],
    defaultPageSize: 500,
    maxPageSize: 500,
    throttle: 'identityProtection',
    columns: [
      col('riskLastUpdatedDateTime', 'Updated', 'riskLastUpdatedDateTime', 170, 'datetime'),
      col('userPrincipalName', 'User', 'userPrincipalName', 240),
      col('userDisplayName', 'Display name', 'userDisplayName', 180),
      col('riskLevel', 'Level', 'riskLevel', 80, 'enum'),
      col('riskState', 'State', 'riskState', 150, 'enum'),
      col('riskDetail', 'Detail', 'riskDetail', 240, 'enum'),
      col('id', 'User id', 'id', 280),
    ],
    defaultColumns: ['riskLastUpdatedDateTime', 'userPrincipalName', 'userDisplayName', 'riskLevel', 'riskState', 'riskDetail'],
    powershell: 'Get-MgRiskyUser',
    requirement: 'riskyUsers',
    title: (r) => `${str_(r.userPrincipalName)} (${str_(r.riskState)})`,
  },
  ] satisfies Omit<GraphCategory, 'endpoint'>[]
).map(withEndpoint);

export function categoryById(id: string): GraphCategory | undefined {
  return CATEGORIES.find((c) => c.id === id);
}

export { SIGN_IN_EVENT_TYPES };

/** Reads a `/`-separated path from a record; numeric segments index arrays. */
export function valueAt(record: Record<string, unknown>, path: string): unknown {
  return at(record, path);
}

/** The sign-in category a sign-in record belongs to, by its event type (interactive when unsaid). */
export function signInCategoryOf(record: Record<string, unknown>): GraphCategory {
  const types = Array.isArray(record.signInEventTypes) ? record.signInEventTypes.map(String) : [];
  const id = types.includes('managedIdentity') ? 'signIns.managedIdentity' : types.includes('servicePrincipal') ? 'signIns.servicePrincipal' : types.includes('nonInteractiveUser') ? 'signIns.nonInteractive' : 'signIns.interactive';
  return categoryById(id) as GraphCategory;
}
