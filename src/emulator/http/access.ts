/**
 * Who may read what (API-FACTS 1 and 2): application permissions or delegated scopes, the
 * directory roles a delegated user needs, and the licence. Failures carry the service's exact
 * 403 codes and messages.
 */
import { type TenantConfig } from '../config';
import type * as http from 'http';
import { type Directory } from './directory';
import { HttpError } from './graphResponse';
import { type AccessClaims, bearer, type TokenService } from './tokens';

export interface Caller {
  readonly claims: AccessClaims;
  readonly tenant: TenantConfig;
  readonly delegated: boolean;
  /** Permissions: app roles, or delegated scopes. */
  readonly permissions: ReadonlySet<string>;
  /** The signed-in user's directory roles (delegated only). */
  readonly userRoles: ReadonlySet<string>;
}

export interface Denial {
  readonly status: 403;
  readonly code: string;
  readonly message: string;
}

const REPORT_READER_ROLES = ['Global Administrator', 'Global Reader', 'Reports Reader', 'Security Administrator', 'Security Operator', 'Security Reader'];
const CA_READER_ROLES = ['Global Administrator', 'Global Reader', 'Security Administrator', 'Security Reader', 'Conditional Access Administrator'];
const IDP_READER_ROLES = ['Global Administrator', 'Global Reader', 'Security Operator', 'Security Reader', 'Security Administrator'];
const IDP_WRITER_ROLES = ['Global Administrator', 'Security Administrator'];

function missing(permission: string): Denial {
  return { status: 403, code: 'Authentication_MSGraphPermissionMissing', message: `Calling principal does not have required MSGraph permissions ${permission}` };
}

const NON_PREMIUM: Denial = { status: 403, code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', message: "Neither tenant is B2C or tenant doesn't have premium license" };
const NOT_IN_ROLE: Denial = { status: 403, code: 'Authorization_RequestDenied', message: "User isn't in the allowed roles. Insufficient privileges to complete the operation." };

function hasRole(caller: Caller, roles: readonly string[]): boolean {
  return roles.some((r) => caller.userRoles.has(r));
}

function has(caller: Caller, ...anyOf: string[]): boolean {
  return anyOf.some((p) => caller.permissions.has(p));
}

export function canReadSignIns(caller: Caller): Denial | undefined {
  if (!has(caller, 'AuditLog.Read.All')) return missing('AuditLog.Read.All');
  if (caller.tenant.license === 'free') return NON_PREMIUM;
  // The service answers a missing Directory.Read.All with the premium-licence error (API-FACTS 2).
  if (!has(caller, 'Directory.Read.All')) return NON_PREMIUM;
  if (caller.delegated && !hasRole(caller, REPORT_READER_ROLES)) return NOT_IN_ROLE;
  return undefined;
}

export function canSeeConditionalAccess(caller: Caller): boolean {
  if (caller.delegated) return hasRole(caller, CA_READER_ROLES);
  return has(caller, 'Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess', 'Policy.Read.ConditionalAccess');
}

export function canReadAudits(caller: Caller): Denial | undefined {
  if (!has(caller, 'AuditLog.Read.All')) return missing('AuditLog.Read.All');
  if (caller.delegated && !hasRole(caller, REPORT_READER_ROLES)) return NOT_IN_ROLE;
  return undefined;
}

export function canReadRiskDetections(caller: Caller): Denial | undefined {
  if (!has(caller, 'IdentityRiskEvent.Read.All')) return missing('IdentityRiskEvent.Read.All');
  if (caller.tenant.license === 'free') return NON_PREMIUM;
  if (caller.delegated && !hasRole(caller, IDP_READER_ROLES)) return NOT_IN_ROLE;
  return undefined;
}

export function canReadRiskyUsers(caller: Caller): Denial | undefined {
  if (!has(caller, 'IdentityRiskyUser.Read.All', 'IdentityRiskyUser.ReadWrite.All')) return missing('IdentityRiskyUser.Read.All');
  if (caller.tenant.license !== 'P2') return NON_PREMIUM;
  if (caller.delegated && !hasRole(caller, IDP_READER_ROLES)) return NOT_IN_ROLE;
  return undefined;
}

export function canActOnRiskyUsers(caller: Caller): Denial | undefined {
  if (!has(caller, 'IdentityRiskyUser.ReadWrite.All')) return missing('IdentityRiskyUser.ReadWrite.All');
  if (caller.tenant.license !== 'P2') return NON_PREMIUM;
  if (caller.delegated && !hasRole(caller, IDP_WRITER_ROLES)) return NOT_IN_ROLE;
  return undefined;
}

/**
 * Risky sign-ins (confirm compromised, confirm safe, dismiss by request id; API-FACTS 7): an app
 * needs IdentityRiskEvent.ReadWrite.All, a delegated caller IdentityRiskyUser.ReadWrite.All and
 * an Identity Protection writer role.
 */
export function canActOnSignInRisk(caller: Caller): Denial | undefined {
  const permission = caller.delegated ? 'IdentityRiskyUser.ReadWrite.All' : 'IdentityRiskEvent.ReadWrite.All';
  if (!has(caller, permission)) return missing(permission);
  if (caller.tenant.license !== 'P2') return NON_PREMIUM;
  if (caller.delegated && !hasRole(caller, IDP_WRITER_ROLES)) return NOT_IN_ROLE;
  return undefined;
}

/** Risky service principals: their own permissions; the Workload ID Premium licence is played by P2. */
export function canReadRiskyServicePrincipals(caller: Caller): Denial | undefined {
  if (!has(caller, 'IdentityRiskyServicePrincipal.Read.All', 'IdentityRiskyServicePrincipal.ReadWrite.All')) return missing('IdentityRiskyServicePrincipal.Read.All');
  if (caller.tenant.license !== 'P2') return NON_PREMIUM;
  if (caller.delegated && !hasRole(caller, IDP_READER_ROLES)) return NOT_IN_ROLE;
  return undefined;
}

export function canActOnRiskyServicePrincipals(caller: Caller): Denial | undefined {
  if (!has(caller, 'IdentityRiskyServicePrincipal.ReadWrite.All')) return missing('IdentityRiskyServicePrincipal.ReadWrite.All');
  if (caller.tenant.license !== 'P2') return NON_PREMIUM;
  if (caller.delegated && !hasRole(caller, IDP_WRITER_ROLES)) return NOT_IN_ROLE;
  return undefined;
}

/** Who is calling Graph: the bearer token verified (signature, lifetime, tenant, audience) and read. */
export function callerOf(req: http.IncomingMessage, tokens: TokenService, directory: Directory, nowMs: number): Caller {
  const token = bearer(req.headers.authorization);
  if (!token) throw new HttpError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
  const verified = tokens.verify(token, nowMs);
  if ('problem' in verified) throw new HttpError(401, 'InvalidAuthenticationToken', verified.problem);
  const claims = verified.claims;
  const tenant = directory.tenantById(claims.tid);
  if (!tenant) throw new HttpError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid tenant.');
  if (directory.resourceKind(tenant, claims.aud) !== 'graph') throw new HttpError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
  const delegated = claims.idtyp === 'user';
  const user = delegated && claims.oid ? directory.user(tenant, claims.oid) : undefined;
  return {
    claims,
    tenant,
    delegated,
    permissions: new Set(delegated ? (claims.scp ?? '').split(' ').filter(Boolean) : (claims.roles ?? [])),
    userRoles: new Set(user?.roles ?? []),
  };
}
