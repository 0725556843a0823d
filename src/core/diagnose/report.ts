/**
 * The permission report: for each report category, whether the token allows it and exactly which
 * permission, role or licence is missing, plus the admin-consent link. Rendered as Markdown with
 * every outside value escaped.
 */
import { adminConsentUrl, type Cloud } from '../clouds';
import { roleNames, type TokenClaims } from './claims';
import { checkRequirement, type RequirementCheck, REQUIREMENTS } from './requirements';

export interface PermissionReport {
  readonly tenantName: string;
  readonly tenant: string;
  readonly clientId: string;
  readonly signInKind: string;
  readonly claims: TokenClaims | undefined;
  readonly checks: readonly RequirementCheck[];
  readonly consentUrl: string;
  /** Set when no token could be had: the cause in one line (network, proxy, TLS, secret, …). */
  readonly tokenError?: string;
  /** What to do about it, when the cause is catalogued. */
  readonly tokenNextStep?: string;
  /** The tenant's Log Analytics workspaces: whether each answers, and why not. */
  readonly workspaces?: readonly WorkspaceCheck[];
}

/** One workspace as Diagnose Permissions found it. */
export interface WorkspaceCheck {
  readonly name: string;
  readonly id: string;
  /** The Log Analytics token carries Data.Read (undefined: no token could be had). */
  readonly dataRead: boolean | undefined;
  /** It answered; or why not, in the error catalog's words. */
  readonly access: { readonly ok: true; readonly receiving: readonly string[] } | { readonly ok: false; readonly code: string; readonly summary: string };
}

export function buildReport(input: { tenantName: string; tenant: string; clientId: string; signInKind: string; cloud: Cloud; claims: TokenClaims | undefined; manageClaims?: TokenClaims; tokenError?: string; tokenNextStep?: string; workspaces?: readonly WorkspaceCheck[] }): PermissionReport {
  return {
    tenantName: input.tenantName,
    tenant: input.tenant,
    clientId: input.clientId,
    signInKind: input.signInKind,
    claims: input.claims,
    // Permissions are read from a token: without one nothing can be judged, and saying "missing"
    // would send an admin to grant what may already be granted (the cause is elsewhere).
    // The Management API has its own token (audience manage.office.com) with its own roles.
    checks: input.claims ? REQUIREMENTS.map((r) => checkRequirement(r, r.resource === 'manage' && !input.claims?.delegated ? input.manageClaims : input.claims)) : [],
    consentUrl: adminConsentUrl(input.cloud, input.tenant, input.clientId),
    tokenError: input.tokenError,
    tokenNextStep: input.tokenNextStep,
    ...(input.workspaces ? { workspaces: input.workspaces } : {}),
  };
}

/** A workspace's line in the report: allowed, or what is missing and what to do. */
function workspaceLine(w: WorkspaceCheck, delegated: boolean): string {
  const esc = escapeMarkdown;
  const name = `${esc(w.name)} (${esc(w.id)})`;
  if (w.access.ok) return `| ${name} | allowed | ${w.access.receiving.length ? esc(w.access.receiving.join(', ')) : 'no sign-in table yet'} | Nothing to do. |`;
  const todo =
    w.dataRead === false || w.access.code.endsWith('MissingPermission')
      ? `Grant the ${delegated ? 'delegated' : 'application'} permission Log Analytics API › Data.Read and admin consent.`
      : w.access.code.endsWith('AuthorizationFailed')
        ? 'On the workspace\'s Access control (IAM), assign Log Analytics Reader (or Log Analytics Data Reader, or Reader).'
        : esc(w.access.summary);
  return `| ${name} | **refused** | ${esc(w.access.code)} | ${todo} |`;
}

/**
 * Escapes outside text (tenant names, user names, granted permissions) for Markdown, so it cannot
 * become a link, an image, HTML or formatting: Markdown punctuation gets a backslash, and the
 * characters HTML cares about become entities.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#!|~]/g, (c) => `\\${c}`)
    .replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function advice(c: RequirementCheck, delegated: boolean): string {
  if (c.ok) return 'Nothing to do.';
  if (c.needsAppCredentials) return 'This API is app-only: sign in with an app secret or certificate.';
  const parts: string[] = [];
  if (c.missingPermissions.length > 0) parts.push(`Grant ${delegated ? 'the delegated permission' : 'the application permission'}${c.missingPermissions.length > 1 ? 's' : ''} ${c.missingPermissions.join(' + ')} and admin consent.`);
  if (c.missingRole) parts.push(`Ask for one of these roles: ${c.requirement.roles.join(', ')}.`);
  return parts.join(' ');
}

export function reportMarkdown(r: PermissionReport): string {
  const esc = escapeMarkdown;
  const delegated = r.claims?.delegated ?? r.signInKind === 'deviceCode';
  const lines = [
    `# Permissions for ${esc(r.tenantName)}`,
    '',
    `Tenant **${esc(r.tenant)}** · app **${esc(r.clientId)}** · ${delegated ? 'delegated sign-in (device code)' : 'app-only sign-in'}`,
    '',
  ];
  if (!r.claims) {
    lines.push(`> **No token could be obtained**: ${esc(r.tokenError ?? 'the sign-in did not return one')}`, '');
    if (r.tokenNextStep) lines.push(`**Next step:** ${esc(r.tokenNextStep)}`, '');
    lines.push('Permissions, roles and licences were **not checked**: they are read from a token, and there is none. Fix the cause above, then run Diagnose Permissions again.');
    return lines.join('\n');
  }
  if (r.claims) {
    const granted = delegated ? r.claims.scopes : r.claims.roles;
    lines.push(`**Granted ${delegated ? 'delegated permissions (scp)' : 'application permissions (roles)'}:** ${granted.length ? granted.map(esc).join(', ') : 'none'}`, '');
    if (delegated) lines.push(`**Signed-in user:** ${esc(r.claims.upn ?? 'unknown')} · **Directory roles:** ${roleNames(r.claims).map(esc).join(', ') || 'none that matter for logs'}`, '');
  }
  lines.push('| Report | Status | Needs | What to do |', '| --- | --- | --- | --- |');
  for (const c of r.checks) {
    const needs = [((delegated && c.requirement.delegatedPermissions) || c.requirement.permissions).join(' + '), delegated && c.requirement.roles.length ? `role: ${c.requirement.roles.join(' / ')}` : '', c.requirement.license ? `licence: ${c.requirement.license}` : ''].filter(Boolean).join('; ');
    lines.push(`| ${c.requirement.label} | ${c.ok ? 'allowed' : '**missing**'} | ${needs} | ${advice(c, delegated)} |`);
  }
  if (r.workspaces && r.workspaces.length > 0) {
    lines.push('', '## Log Analytics workspaces', '', '| Workspace | Status | Tables or cause | What to do |', '| --- | --- | --- | --- |', ...r.workspaces.map((w) => workspaceLine(w, delegated)));
  }
  lines.push(
    '',
    'Licences cannot be read from a token: sign-in logs need Microsoft Entra ID P1 or P2, risky users and risk details need P2, and Office 365 activity needs unified audit logging turned on.',
    '',
    `**Admin consent:** an administrator of the tenant opens [this admin-consent link](${r.consentUrl}) to grant the app's configured permissions.`,
    '',
    `\`${r.consentUrl}\``,
  );
  return lines.join('\n');
}
