/**
 * What each report category needs (API-FACTS 1 and 2): permissions, the directory roles a
 * delegated user must hold, and the licence. One table, used by the permission report and by
 * checks before an action is sent.
 */
import { roleNames, type TokenClaims } from './claims';

export type RequirementId = 'signIns' | 'signInsCa' | 'directoryAudits' | 'provisioning' | 'riskDetections' | 'riskyUsers' | 'riskyUsersTriage' | 'riskyServicePrincipals' | 'riskyServicePrincipalsTriage' | 'riskySignInsTriage' | 'office365';

export interface Requirement {
  readonly id: RequirementId;
  readonly label: string;
  /** Every one of these permissions is needed (a ReadWrite permission counts for its Read). */
  readonly permissions: readonly string[];
  /** Where delegated sign-in needs other permissions than an app (risky sign-in actions). */
  readonly delegatedPermissions?: readonly string[];
  /** Delegated sign-in: the user needs one of these roles. */
  readonly roles: readonly string[];
  readonly license: string | undefined;
  /** App-only APIs cannot be used with delegated sign-in. */
  readonly appOnly: boolean;
  readonly resource: 'graph' | 'manage';
  /** Conditional access visibility comes from the user's role alone for delegated sign-in. */
  readonly delegatedByRoleOnly?: boolean;
}

const REPORT_ROLES = ['Global Administrator', 'Global Reader', 'Reports Reader', 'Security Administrator', 'Security Operator', 'Security Reader'];
const IDP_ROLES = ['Global Administrator', 'Global Reader', 'Security Operator', 'Security Reader', 'Security Administrator'];

export const REQUIREMENTS: readonly Requirement[] = [
  { id: 'signIns', label: 'Sign-ins', permissions: ['AuditLog.Read.All', 'Directory.Read.All'], roles: REPORT_ROLES, license: 'Microsoft Entra ID P1 or P2', appOnly: false, resource: 'graph' },
  { id: 'signInsCa', label: 'Conditional access details on sign-ins', permissions: ['Policy.Read.All'], roles: ['Global Administrator', 'Global Reader', 'Security Administrator', 'Security Reader', 'Conditional Access Administrator'], license: undefined, appOnly: false, resource: 'graph', delegatedByRoleOnly: true },
  { id: 'directoryAudits', label: 'Directory audits', permissions: ['AuditLog.Read.All'], roles: REPORT_ROLES, license: undefined, appOnly: false, resource: 'graph' },
  { id: 'provisioning', label: 'Provisioning', permissions: ['AuditLog.Read.All'], roles: REPORT_ROLES, license: undefined, appOnly: false, resource: 'graph' },
  { id: 'riskDetections', label: 'Risk detections', permissions: ['IdentityRiskEvent.Read.All'], roles: IDP_ROLES, license: 'Microsoft Entra ID P1 (P2 for risk details)', appOnly: false, resource: 'graph' },
  { id: 'riskyUsers', label: 'Risky users', permissions: ['IdentityRiskyUser.Read.All'], roles: IDP_ROLES, license: 'Microsoft Entra ID P2', appOnly: false, resource: 'graph' },
  { id: 'riskyUsersTriage', label: 'Risky users triage (confirm compromised, confirm safe, dismiss)', permissions: ['IdentityRiskyUser.ReadWrite.All'], roles: ['Global Administrator', 'Security Administrator'], license: 'Microsoft Entra ID P2', appOnly: false, resource: 'graph' },
  { id: 'riskyServicePrincipals', label: 'Risky service principals', permissions: ['IdentityRiskyServicePrincipal.Read.All'], roles: IDP_ROLES, license: 'Microsoft Entra Workload ID Premium', appOnly: false, resource: 'graph' },
  { id: 'riskyServicePrincipalsTriage', label: 'Risky service principals triage (confirm compromised, dismiss)', permissions: ['IdentityRiskyServicePrincipal.ReadWrite.All'], roles: ['Global Administrator', 'Security Administrator'], license: 'Microsoft Entra Workload ID Premium', appOnly: false, resource: 'graph' },
  { id: 'riskySignInsTriage', label: 'Risky sign-ins triage (confirm compromised, confirm safe, dismiss)', permissions: ['IdentityRiskEvent.ReadWrite.All'], delegatedPermissions: ['IdentityRiskyUser.ReadWrite.All'], roles: ['Global Administrator', 'Security Administrator'], license: 'Microsoft Entra ID P2', appOnly: false, resource: 'graph' },
  { id: 'office365', label: 'Office 365 activity (Management Activity API)', permissions: ['ActivityFeed.Read'], roles: [], license: 'unified audit logging turned on', appOnly: true, resource: 'manage' },
];

/** Alternatives that satisfy a permission (API-FACTS 1). */
const SATISFIED_BY: Record<string, readonly string[]> = {
  'Policy.Read.All': ['Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess', 'Policy.Read.ConditionalAccess'],
  'IdentityRiskyUser.Read.All': ['IdentityRiskyUser.Read.All', 'IdentityRiskyUser.ReadWrite.All'],
  'IdentityRiskyServicePrincipal.Read.All': ['IdentityRiskyServicePrincipal.Read.All', 'IdentityRiskyServicePrincipal.ReadWrite.All'],
  'AuditLog.Read.All': ['AuditLog.Read.All'],
  'Directory.Read.All': ['Directory.Read.All', 'Directory.ReadWrite.All'],
};

export interface RequirementCheck {
  readonly requirement: Requirement;
  readonly ok: boolean;
  readonly missingPermissions: readonly string[];
  /** Delegated only: none of the user's roles is in the list. */
  readonly missingRole: boolean;
  /** App-only API and a delegated token. */
  readonly needsAppCredentials: boolean;
}

export function checkRequirement(requirement: Requirement, claims: TokenClaims | undefined): RequirementCheck {
  if (!claims) return { requirement, ok: false, missingPermissions: [...requirement.permissions], missingRole: false, needsAppCredentials: false };
  if (requirement.appOnly && claims.delegated) return { requirement, ok: false, missingPermissions: [], missingRole: false, needsAppCredentials: true };
  const granted = new Set(claims.delegated ? claims.scopes : claims.roles);
  const byRoleOnly = claims.delegated && requirement.delegatedByRoleOnly === true;
  const needed = claims.delegated ? (requirement.delegatedPermissions ?? requirement.permissions) : requirement.permissions;
  const missingPermissions = byRoleOnly ? [] : needed.filter((p) => !(SATISFIED_BY[p] ?? [p]).some((alt) => granted.has(alt)));
  const roles = new Set(roleNames(claims));
  const missingRole = claims.delegated && requirement.roles.length > 0 && !requirement.roles.some((r) => roles.has(r));
  return { requirement, ok: missingPermissions.length === 0 && !missingRole, missingPermissions, missingRole, needsAppCredentials: false };
}
