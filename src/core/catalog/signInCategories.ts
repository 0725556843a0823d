/**
 * The four sign-in reports (API-FACTS 1 and 7): one endpoint, told apart by event type, read from
 * beta, whose sign-ins carry the protocol, token, session and authentication fields.
 */
import { CA_STATUS, RISK_DETAIL, RISK_LEVEL, RISK_STATE } from './enums';
import { col, EQ, EQ_SW, en, f, guid, str, str_ } from './specBuilders';
import { type CategoryId, type ColumnSpec, type FieldSpec, type GraphCategory, type LambdaSpec } from './types';

export const SIGN_IN_FIELDS: readonly FieldSpec[] = [
  f('userPrincipalName', 'User (UPN)', { type: 'upn' }, EQ_SW),
  f('userDisplayName', 'User display name', str, EQ_SW),
  f('userId', 'User id', guid, EQ),
  f('appDisplayName', 'Application', str, EQ_SW),
  f('appId', 'Application id', guid, EQ),
  f('ipAddress', 'IP address', { type: 'ip' }, EQ_SW),
  f('status/errorCode', 'Error code', { type: 'int' }, EQ),
  f('clientAppUsed', 'Client app', en(['Browser', 'Mobile Apps and Desktop clients', 'Exchange ActiveSync', 'IMAP4', 'POP3', 'Authenticated SMTP', 'Other clients']), EQ),
  f('conditionalAccessStatus', 'Conditional access status', en(CA_STATUS), EQ),
  f('correlationId', 'Correlation id', guid, EQ),
  f('id', 'Request id', guid, EQ),
  f('location/countryOrRegion', 'Country or region', { type: 'country' }, EQ_SW),
  f('location/state', 'State', str, EQ_SW),
  f('location/city', 'City', str, EQ_SW),
  f('deviceDetail/browser', 'Browser', str, EQ_SW),
  f('deviceDetail/operatingSystem', 'Operating system', str, EQ_SW),
  f('resourceDisplayName', 'Resource', str, EQ),
  f('resourceId', 'Resource id', guid, EQ),
  f('riskState', 'Risk state', en(RISK_STATE), EQ),
  f('riskLevelDuringSignIn', 'Risk level during sign-in', en(RISK_LEVEL), EQ),
  f('riskLevelAggregated', 'Aggregated risk level', en(RISK_LEVEL), EQ),
  f('riskDetail', 'Risk detail', en(RISK_DETAIL), EQ),
  f('authenticationRequirement', 'Authentication requirement', en(['singleFactorAuthentication', 'multiFactorAuthentication']), EQ),
];

/** Filter fields only the beta endpoint knows. */
const BETA_ONLY_FIELDS = new Set(['authenticationRequirement']);

const SIGN_IN_LAMBDAS: readonly LambdaSpec[] = [{ path: 'riskEventTypes_v2', label: 'Risk event type', item: { kind: str, operators: EQ_SW } }];

const SIGN_IN_COLUMNS: readonly ColumnSpec[] = [
  col('createdDateTime', 'Time', 'createdDateTime', 170, 'datetime'),
  col('status', 'Status', 'status/errorCode', 150, 'status'),
  col('userPrincipalName', 'User', 'userPrincipalName', 220),
  col('userDisplayName', 'Display name', 'userDisplayName', 160),
  col('appDisplayName', 'Application', 'appDisplayName', 180),
  col('resourceDisplayName', 'Resource', 'resourceDisplayName', 170),
  col('ipAddress', 'IP address', 'ipAddress', 130),
  col('location', 'Location', 'location/countryOrRegion', 90),
  col('city', 'City', 'location/city', 110),
  col('clientAppUsed', 'Client app', 'clientAppUsed', 150),
  col('conditionalAccessStatus', 'Conditional access', 'conditionalAccessStatus', 130, 'enum'),
  col('failureReason', 'Failure reason', 'status/failureReason', 260),
  col('riskLevelDuringSignIn', 'Risk', 'riskLevelDuringSignIn', 80, 'enum'),
  col('riskState', 'Risk state', 'riskState', 110, 'enum'),
  col('browser', 'Browser', 'deviceDetail/browser', 120),
  col('operatingSystem', 'OS', 'deviceDetail/operatingSystem', 110),
  col('servicePrincipalName', 'Service principal', 'servicePrincipalName', 180),
  col('correlationId', 'Correlation id', 'correlationId', 280),
  col('id', 'Request id', 'id', 280),
  // Beta only (the fields that expose token theft; API-FACTS 7): empty when read from v1.0.
  col('authenticationProtocol', 'Protocol', 'authenticationProtocol', 130, 'enum'),
  col('originalTransferMethod', 'Transfer method', 'originalTransferMethod', 150, 'enum'),
  col('incomingTokenType', 'Incoming token', 'incomingTokenType', 150, 'enum'),
  col('tokenProtection', 'Token protection', 'signInTokenProtectionStatus', 120, 'enum'),
  col('authenticationRequirement', 'Authentication requirement', 'authenticationRequirement', 150, 'enum'),
  col('authMethods', 'Authentication methods', 'authMethods', 200),
  col('cae', 'CAE token', 'cae', 90),
  col('sessionId', 'Session id', 'sessionId', 280),
  col('uniqueTokenIdentifier', 'Unique token id', 'uniqueTokenIdentifier', 200),
  col('autonomousSystemNumber', 'ASN', 'autonomousSystemNumber', 80, 'number'),
  col('userType', 'User type', 'userType', 90, 'enum'),
  col('crossTenantAccessType', 'Cross-tenant access', 'crossTenantAccessType', 150, 'enum'),
  col('clientCredentialType', 'Credential type', 'clientCredentialType', 150, 'enum'),
  col('globalSecureAccess', 'Through Global Secure Access', 'isThroughGlobalSecureAccess', 110),
];

/**
 * Values the grid derives from nested beta fields: the methods of the authentication steps (the
 * list `authenticationMethodsUsed` is often empty), and whether the token is a continuous access
 * evaluation one (a key of `authenticationProcessingDetails`).
 */
function signInDerived(r: Record<string, unknown>): Record<string, unknown> {
  const steps = Array.isArray(r.authenticationDetails) ? r.authenticationDetails : [];
  const methods = [...new Set(steps.map((d) => (typeof d === 'object' && d !== null ? (d as Record<string, unknown>).authenticationMethod : undefined)).filter((m): m is string => typeof m === 'string' && m !== ''))];
  const processing = Array.isArray(r.authenticationProcessingDetails) ? r.authenticationProcessingDetails : [];
  const cae = processing.find((p) => typeof p === 'object' && p !== null && (p as Record<string, unknown>).key === 'Is CAE Token') as Record<string, unknown> | undefined;
  return { authMethods: methods.join(', '), cae: cae ? String(cae.value ?? '') : '' };
}

const signInTitle = (r: Record<string, unknown>) => `${str_(r.userPrincipalName) || str_(r.servicePrincipalName) || 'sign-in'} → ${str_(r.appDisplayName)} (${str_(r.createdDateTime)})`;

function signIns(id: CategoryId, label: string, eventType: string | undefined, userFields: boolean): Omit<GraphCategory, 'endpoint'> {
  return {
    id,
    label,
    group: 'Sign-ins',
    source: 'graph',
    // Interactive sign-ins are in v1.0 too, but only beta carries the protocol, token and session
    // fields an investigation needs; the identityLogExplorer.signIns.apiVersion setting picks v1.0.
    apiVersion: 'beta',
    path: '/auditLogs/signIns',
    fixedFilter: eventType ? `signInEventTypes/any(t: t eq '${eventType}')` : undefined,
    timeProperty: 'createdDateTime',
    timeOperators: ['ge', 'le'],
    fields: userFields ? SIGN_IN_FIELDS : SIGN_IN_FIELDS.filter((x) => !['userPrincipalName', 'userDisplayName', 'userId', 'riskState', 'riskLevelDuringSignIn', 'riskLevelAggregated', 'riskDetail', 'clientAppUsed'].includes(x.path)),
    lambdas: userFields ? SIGN_IN_LAMBDAS : [],
    defaultPageSize: 1000,
    maxPageSize: 1000,
    throttle: 'reports',
    orderBy: 'createdDateTime',
    columns: SIGN_IN_COLUMNS,
    defaultColumns: userFields
      ? ['createdDateTime', 'status', 'userPrincipalName', 'appDisplayName', 'ipAddress', 'location', 'clientAppUsed', 'conditionalAccessStatus', 'failureReason']
      : ['createdDateTime', 'status', 'servicePrincipalName', 'appDisplayName', 'resourceDisplayName', 'ipAddress', 'location', 'failureReason'],
    facets: userFields
      ? ['userPrincipalName', 'appDisplayName', 'ipAddress', 'autonomousSystemNumber', 'location', 'status', 'conditionalAccessStatus', 'clientAppUsed', 'authenticationProtocol']
      : ['servicePrincipalName', 'appDisplayName', 'resourceDisplayName', 'ipAddress', 'autonomousSystemNumber', 'location', 'status', 'clientCredentialType'],
    powershell: 'Get-MgBetaAuditLogSignIn',
    requirement: 'signIns',
    title: signInTitle,
    derived: signInDerived,
  };
}


export const SIGN_IN_CATEGORIES: readonly Omit<GraphCategory, 'endpoint'>[] = [
  signIns('signIns.interactive', 'Interactive sign-ins', undefined, true),
  signIns('signIns.nonInteractive', 'Non-interactive sign-ins', 'nonInteractiveUser', true),
  signIns('signIns.servicePrincipal', 'Service principal sign-ins', 'servicePrincipal', false),
  signIns('signIns.managedIdentity', 'Managed identity sign-ins', 'managedIdentity', false),
];

/**
 * Interactive sign-ins as v1.0 serves them, for a tenant or policy that allows no beta endpoint:
 * the same report without the beta-only fields. Other categories need beta (their event-type filter).
 */
export function v1SignIns(category: GraphCategory): GraphCategory {
  if (category.id !== 'signIns.interactive') return category;
  return { ...category, apiVersion: 'v1.0', endpoint: `v1.0${category.path}`, powershell: 'Get-MgAuditLogSignIn', fields: category.fields.filter((x) => !BETA_ONLY_FIELDS.has(x.path)) };
}
