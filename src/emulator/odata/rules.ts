/**
 * What each endpoint accepts in `$filter`, per property (API-FACTS section 1). Anything else is a
 * 400 "Invalid filter clause", as the service answers.
 */
import { type CompareOp } from './ast';

export type ValueKind = 'string' | 'datetime' | 'int' | 'bool' | { enum: readonly string[] };
export type FilterFunction = 'startswith' | 'endswith' | 'contains';

export interface PropRule {
  readonly ops: readonly CompareOp[];
  readonly fns?: readonly FilterFunction[];
  readonly kind: ValueKind;
}

export interface LambdaRule {
  /** Rule for the item itself (`t eq 'x'`), when items are scalars. */
  readonly item?: PropRule;
  /** Rules for the item's properties (`t/id eq 'x'`), when items are objects. */
  readonly props?: Readonly<Record<string, PropRule>>;
}

export interface EndpointRules {
  readonly props: Readonly<Record<string, PropRule>>;
  readonly lambdas: Readonly<Record<string, LambdaRule>>;
  readonly allowNot: boolean;
  readonly caseSensitive: boolean;
  /** The property that retention applies to. */
  readonly timeProperty: string;
}

const RISK_LEVEL = { enum: ['low', 'medium', 'high', 'hidden', 'none', 'unknownFutureValue'] } as const;
const RISK_STATE = { enum: ['none', 'confirmedSafe', 'remediated', 'dismissed', 'atRisk', 'confirmedCompromised', 'unknownFutureValue'] } as const;
const RISK_DETAIL = {
  enum: [
    'none', 'adminGeneratedTemporaryPassword', 'userPerformedSecuredPasswordChange', 'userPerformedSecuredPasswordReset', 'adminConfirmedSigninSafe',
    'aiConfirmedSigninSafe', 'userPassedMFADrivenByRiskBasedPolicy', 'adminDismissedAllRiskForUser', 'adminConfirmedSigninCompromised', 'hidden',
    'adminConfirmedUserCompromised', 'unknownFutureValue', 'm365DAdminDismissedDetection', 'adminConfirmedServicePrincipalCompromised',
    'adminDismissedAllRiskForServicePrincipal', 'userChangedPasswordOnPremises', 'adminDismissedRiskForSignIn', 'adminConfirmedAccountSafe', 'microsoftRevokedSessions',
  ],
} as const;
const CA_STATUS = { enum: ['success', 'failure', 'notApplied', 'unknownFutureValue'] } as const;
export const SIGN_IN_EVENT_TYPES = ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity', 'unknownFutureValue'] as const;

const EQ: readonly CompareOp[] = ['eq'];
const DATE_RANGE: readonly CompareOp[] = ['eq', 'ge', 'le'];
const ALL_COMPARE: readonly CompareOp[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];

const eqString: PropRule = { ops: EQ, kind: 'string' };
const eqStartsWith: PropRule = { ops: EQ, fns: ['startswith'], kind: 'string' };

export const SIGN_IN_RULES: EndpointRules = {
  timeProperty: 'createdDateTime',
  allowNot: false,
  caseSensitive: false,
  props: {
    id: eqString,
    userId: eqString,
    appId: eqString,
    'status/errorCode': { ops: EQ, kind: 'int' },
    clientAppUsed: eqString,
    conditionalAccessStatus: { ops: EQ, kind: CA_STATUS },
    correlationId: eqString,
    riskDetail: { ops: EQ, kind: RISK_DETAIL },
    riskLevelAggregated: { ops: EQ, kind: RISK_LEVEL },
    riskLevelDuringSignIn: { ops: EQ, kind: RISK_LEVEL },
    riskState: { ops: EQ, kind: RISK_STATE },
    resourceDisplayName: eqString,
    resourceId: eqString,
    createdDateTime: { ops: DATE_RANGE, kind: 'datetime' },
    userDisplayName: eqStartsWith,
    userPrincipalName: eqStartsWith,
    appDisplayName: eqStartsWith,
    ipAddress: eqStartsWith,
    'location/city': eqStartsWith,
    'location/state': eqStartsWith,
    'location/countryOrRegion': eqStartsWith,
    'deviceDetail/browser': eqStartsWith,
    'deviceDetail/operatingSystem': eqStartsWith,
  },
  lambdas: {
    riskEventTypes_v2: { item: { ops: EQ, fns: ['startswith'], kind: 'string' } },
  },
};

/** Beta adds sign-in event types (API-FACTS 1: beta only) and the authentication requirement. */
export const SIGN_IN_BETA_RULES: EndpointRules = {
  ...SIGN_IN_RULES,
  props: { ...SIGN_IN_RULES.props, authenticationRequirement: { ops: EQ, kind: { enum: ['singleFactorAuthentication', 'multiFactorAuthentication'] } } },
  lambdas: { ...SIGN_IN_RULES.lambdas, signInEventTypes: { item: { ops: EQ, kind: { enum: SIGN_IN_EVENT_TYPES } } } },
};

export const DIRECTORY_AUDIT_RULES: EndpointRules = {
  timeProperty: 'activityDateTime',
  allowNot: false,
  caseSensitive: false,
  props: {
    id: eqString,
    activityDateTime: { ops: DATE_RANGE, kind: 'datetime' },
    activityDisplayName: eqStartsWith,
    category: eqString,
    correlationId: eqString,
    loggedByService: eqString,
    result: { ops: EQ, kind: { enum: ['success', 'failure', 'timeout', 'unknownFutureValue'] } },
    'initiatedBy/user/id': eqString,
    'initiatedBy/user/userPrincipalName': eqString,
    'initiatedBy/app/appId': eqString,
  },
  lambdas: {
    targetResources: { props: { id: eqString, displayName: { ops: EQ, fns: ['startswith'], kind: 'string' } } },
  },
};

const provString: PropRule = { ops: EQ, fns: ['contains'], kind: 'string' };
export const PROVISIONING_RULES: EndpointRules = {
  timeProperty: 'activityDateTime',
  // The docs list eq, contains, gt and lt; `not` around them is accepted here (emulator's choice).
  allowNot: true,
  caseSensitive: true,
  props: {
    id: provString,
    activityDateTime: { ops: ['eq', 'gt', 'lt'], kind: 'datetime' },
    jobId: provString,
    cycleId: provString,
    changeId: provString,
    tenantId: provString,
    provisioningAction: { ops: EQ, kind: { enum: ['other', 'create', 'delete', 'disable', 'update', 'stagedDelete', 'unknownFutureValue'] } },
    'provisioningStatusInfo/status': { ops: EQ, kind: { enum: ['success', 'failure', 'skipped', 'warning', 'unknownFutureValue'] } },
    'servicePrincipal/id': provString,
    'servicePrincipal/displayName': provString,
    'sourceIdentity/id': provString,
    'sourceIdentity/displayName': provString,
    'targetIdentity/id': provString,
    'targetIdentity/displayName': provString,
    'sourceSystem/displayName': provString,
    'targetSystem/displayName': provString,
    durationInMilliseconds: { ops: ['eq', 'gt', 'lt'], kind: 'int' },
  },
  lambdas: {},
};

const dateAll: PropRule = { ops: ALL_COMPARE, kind: 'datetime' };
export const RISK_DETECTION_RULES: EndpointRules = {
  timeProperty: 'activityDateTime',
  allowNot: false,
  caseSensitive: false,
  props: {
    id: eqString,
    requestId: eqString,
    correlationId: eqString,
    userId: eqString,
    userPrincipalName: eqStartsWith,
    userDisplayName: eqStartsWith,
    riskEventType: eqString,
    riskState: { ops: EQ, kind: RISK_STATE },
    riskLevel: { ops: EQ, kind: RISK_LEVEL },
    riskDetail: { ops: EQ, kind: RISK_DETAIL },
    source: eqString,
    detectionTimingType: { ops: EQ, kind: { enum: ['notDefined', 'realtime', 'nearRealtime', 'offline', 'unknownFutureValue'] } },
    activity: { ops: EQ, kind: { enum: ['signin', 'user', 'unknownFutureValue', 'servicePrincipal'] } },
    tokenIssuerType: { ops: EQ, kind: { enum: ['AzureAD', 'ADFederationServices', 'UnknownFutureValue', 'AzureADBackupAuth', 'ADFederationServicesMFAAdapter', 'NPSExtension'] } },
    ipAddress: eqString,
    'location/city': eqString,
    'location/countryOrRegion': eqString,
    activityDateTime: dateAll,
    detectedDateTime: dateAll,
    lastUpdatedDateTime: dateAll,
  },
  lambdas: {},
};

/** servicePrincipalRiskDetection: the same shape of filters, keyed by the principal instead of a user. */
export const SP_RISK_DETECTION_RULES: EndpointRules = {
  ...RISK_DETECTION_RULES,
  props: {
    ...Object.fromEntries(Object.entries(RISK_DETECTION_RULES.props).filter(([k]) => !k.startsWith('user'))),
    servicePrincipalId: eqString,
    servicePrincipalDisplayName: eqStartsWith,
    appId: eqString,
  },
};

export const RISKY_USER_RULES: EndpointRules = {
  timeProperty: 'riskLastUpdatedDateTime',
  allowNot: false,
  caseSensitive: false,
  props: {
    id: eqString,
    userPrincipalName: eqStartsWith,
    userDisplayName: eqStartsWith,
    riskLevel: { ops: EQ, kind: RISK_LEVEL },
    riskState: { ops: EQ, kind: RISK_STATE },
    riskDetail: { ops: EQ, kind: RISK_DETAIL },
    riskLastUpdatedDateTime: dateAll,
    isDeleted: { ops: EQ, kind: 'bool' },
    isProcessing: { ops: EQ, kind: 'bool' },
  },
  lambdas: {},
};

export const RISKY_SERVICE_PRINCIPAL_RULES: EndpointRules = {
  ...RISKY_USER_RULES,
  props: {
    id: eqString,
    appId: eqString,
    displayName: eqStartsWith,
    riskLevel: RISKY_USER_RULES.props.riskLevel,
    riskState: RISKY_USER_RULES.props.riskState,
    riskDetail: RISKY_USER_RULES.props.riskDetail,
    riskLastUpdatedDateTime: dateAll,
    isEnabled: { ops: EQ, kind: 'bool' },
    isProcessing: { ops: EQ, kind: 'bool' },
  },
};

export const RISKY_USER_HISTORY_RULES: EndpointRules = {
  ...RISKY_USER_RULES,
  props: { ...RISKY_USER_RULES.props, initiatedBy: eqString, userId: eqString, 'activity/detail': { ops: EQ, kind: RISK_DETAIL } },
};
