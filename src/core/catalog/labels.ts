/**
 * Readable words for the enum values Graph and Identity Protection send (`reportOnlyFailure`,
 * `notApplied`, `newCountry`, `atRisk`, `nearRealtime` …): one table for the grid, the detail panels
 * and the filters. The raw value stays in tooltips, Copy, filters sent to Graph and every export.
 */

const LABELS: Readonly<Record<string, string>> = {
  // Outcomes (conditional access, audits, provisioning)
  success: 'Success',
  failure: 'Failure',
  timeout: 'Timeout',
  skipped: 'Skipped',
  warning: 'Warning',
  notApplied: 'Not applied',
  notEnabled: 'Not enabled',
  unknown: 'Unknown',
  reportOnlySuccess: 'Report-only: success',
  reportOnlyFailure: 'Report-only: failure',
  reportOnlyNotApplied: 'Report-only: not applied',
  reportOnlyInterrupted: 'Report-only: interrupted',
  // Provisioning actions
  other: 'Other',
  create: 'Create',
  delete: 'Delete',
  disable: 'Disable',
  update: 'Update',
  stagedDelete: 'Staged delete',
  // Risk levels and states
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  hidden: 'Hidden (needs Entra ID P2)',
  none: 'None',
  atRisk: 'At risk',
  confirmedCompromised: 'Confirmed compromised',
  confirmedSafe: 'Confirmed safe',
  remediated: 'Remediated',
  dismissed: 'Dismissed',
  // Detection timing
  notDefined: 'Not defined',
  realtime: 'Real time',
  nearRealtime: 'Near real time',
  offline: 'Offline',
  // Risk event types (the names the Entra admin center uses)
  unlikelyTravel: 'Atypical travel',
  impossibleTravel: 'Impossible travel',
  anonymizedIPAddress: 'Anonymous IP address',
  maliciousIPAddress: 'Malicious IP address',
  suspiciousIPAddress: 'Suspicious IP address',
  malwareInfectedIPAddress: 'Malware-linked IP address',
  unfamiliarFeatures: 'Unfamiliar sign-in properties',
  leakedCredentials: 'Leaked credentials',
  passwordSpray: 'Password spray',
  suspiciousInboxForwarding: 'Suspicious inbox forwarding',
  mcasSuspiciousInboxManipulationRules: 'Suspicious inbox manipulation rules',
  newCountry: 'New country',
  investigationsThreatIntelligence: 'Microsoft Entra threat intelligence',
  generic: 'Additional risk detected',
  anomalousToken: 'Anomalous token',
  tokenIssuerAnomaly: 'Token issuer anomaly',
  suspiciousBrowser: 'Suspicious browser',
  anomalousUserActivity: 'Anomalous user activity',
  userReportedSuspiciousActivity: 'User reported suspicious activity',
  attackerinTheMiddle: 'Attacker in the middle',
  adminConfirmedUserCompromised: 'Admin confirmed user compromised',
  // Risk details
  adminGeneratedTemporaryPassword: 'Admin generated a temporary password',
  userPerformedSecuredPasswordChange: 'User changed the password securely',
  userPerformedSecuredPasswordReset: 'User reset the password securely',
  adminConfirmedSigninSafe: 'Admin confirmed the sign-in safe',
  aiConfirmedSigninSafe: 'AI confirmed the sign-in safe',
  userPassedMFADrivenByRiskBasedPolicy: 'User passed MFA (risk-based policy)',
  adminDismissedAllRiskForUser: 'Admin dismissed all risk for the user',
  adminConfirmedSigninCompromised: 'Admin confirmed the sign-in compromised',
  m365DAdminDismissedDetection: 'Dismissed in Microsoft Defender',
  adminConfirmedServicePrincipalCompromised: 'Admin confirmed the service principal compromised',
  adminDismissedAllRiskForServicePrincipal: 'Admin dismissed all risk for the service principal',
  userChangedPasswordOnPremises: 'User changed the password on-premises',
  adminDismissedRiskForSignIn: 'Admin dismissed the sign-in\'s risk',
  adminConfirmedAccountSafe: 'Admin confirmed the account safe',
  microsoftRevokedSessions: 'Microsoft revoked the sessions',
  unknownFutureValue: 'Unknown (newer than this tool)',
  // Beta sign-in fields: protocol, token transfer and type, token protection, authentication
  oAuth2: 'OAuth 2.0',
  ropc: 'ROPC (password grant)',
  wsFederation: 'WS-Federation',
  saml20: 'SAML 2.0',
  saml11: 'SAML 1.1',
  deviceCode: 'Device code',
  prtGrant: 'Primary refresh token grant',
  refreshTokenGrant: 'Refresh token grant',
  onBehalfOf: 'On-behalf-of',
  nativeAuth: 'Native authentication',
  deviceCodeFlow: 'Device code flow',
  authenticationTransfer: 'Authentication transfer',
  primaryRefreshToken: 'Primary refresh token',
  refreshToken: 'Refresh token',
  remoteDesktopToken: 'Remote desktop token',
  bound: 'Bound',
  unbound: 'Unbound',
  singleFactorAuthentication: 'Single-factor',
  multiFactorAuthentication: 'Multifactor',
  member: 'Member',
  guest: 'Guest',
  b2bCollaboration: 'B2B collaboration',
  b2bDirectConnect: 'B2B direct connect',
  microsoftSupport: 'Microsoft support',
  serviceProvider: 'Service provider',
  passthrough: 'Passthrough',
  clientSecret: 'Client secret',
  clientAssertion: 'Client assertion (certificate)',
  federatedIdentityCredential: 'Federated identity credential',
  managedIdentity: 'Managed identity',
};

/** The readable label of an enum value; a value the table does not know is shown as it is. */
export function enumLabel(raw: string): string {
  return Object.prototype.hasOwnProperty.call(LABELS, raw) ? LABELS[raw] : raw;
}

/** Every value the table knows (tests check that the CSDL enums are all covered). */
export function labelledValues(): readonly string[] {
  return Object.keys(LABELS);
}
