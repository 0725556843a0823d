/** Enum values from the official CSDL extract (graph-identity-logs-v1.0.csdl.xml). */
export const RISK_LEVEL = ['low', 'medium', 'high', 'hidden', 'none', 'unknownFutureValue'] as const;
export const RISK_STATE = ['none', 'confirmedSafe', 'remediated', 'dismissed', 'atRisk', 'confirmedCompromised', 'unknownFutureValue'] as const;
export const RISK_DETAIL = [
  'none', 'adminGeneratedTemporaryPassword', 'userPerformedSecuredPasswordChange', 'userPerformedSecuredPasswordReset', 'adminConfirmedSigninSafe',
  'aiConfirmedSigninSafe', 'userPassedMFADrivenByRiskBasedPolicy', 'adminDismissedAllRiskForUser', 'adminConfirmedSigninCompromised', 'hidden',
  'adminConfirmedUserCompromised', 'unknownFutureValue', 'm365DAdminDismissedDetection', 'adminConfirmedServicePrincipalCompromised',
  'adminDismissedAllRiskForServicePrincipal', 'userChangedPasswordOnPremises', 'adminDismissedRiskForSignIn', 'adminConfirmedAccountSafe', 'microsoftRevokedSessions',
] as const;
export const CA_STATUS = ['success', 'failure', 'notApplied', 'unknownFutureValue'] as const;
export const CA_POLICY_RESULT = ['success', 'failure', 'notApplied', 'notEnabled', 'unknown', 'unknownFutureValue', 'reportOnlySuccess', 'reportOnlyFailure', 'reportOnlyNotApplied', 'reportOnlyInterrupted'] as const;
export const OPERATION_RESULT = ['success', 'failure', 'timeout', 'unknownFutureValue'] as const;
export const PROVISIONING_ACTION = ['other', 'create', 'delete', 'disable', 'update', 'stagedDelete', 'unknownFutureValue'] as const;
export const PROVISIONING_RESULT = ['success', 'failure', 'skipped', 'warning', 'unknownFutureValue'] as const;
export const DETECTION_TIMING = ['notDefined', 'realtime', 'nearRealtime', 'offline', 'unknownFutureValue'] as const;
export const ACTIVITY_TYPE = ['signin', 'user', 'unknownFutureValue', 'servicePrincipal'] as const;
export const TOKEN_ISSUER_TYPE = ['AzureAD', 'ADFederationServices', 'UnknownFutureValue', 'AzureADBackupAuth', 'ADFederationServicesMFAAdapter', 'NPSExtension'] as const;
export const SIGN_IN_EVENT_TYPES = ['interactiveUser', 'nonInteractiveUser', 'servicePrincipal', 'managedIdentity', 'unknownFutureValue'] as const;
