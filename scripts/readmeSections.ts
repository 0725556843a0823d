/**
 * README sections generated from the tables the extension itself uses (requirements, clouds, the
 * error catalog), so the Marketplace page says exactly what Diagnose Permissions and the error
 * messages say. `npm run readme` writes them; a unit test fails when the README falls behind.
 */
import { CLOUDS, GCC_LABEL, GCC_MANAGE_HOST } from '../src/core/clouds';
import { explain } from '../src/core/diagnose/errors';
import { REQUIREMENTS } from '../src/core/diagnose/requirements';

/** The errors people meet first, in the order they meet them: sign-in, then permissions, then data. */
export const COMMON_ERRORS = [
  'NetworkDns',
  'NetworkTls',
  'ProxyAuthRequired',
  'ProxyRefused',
  'AADSTS7000215',
  'AADSTS700016',
  'AADSTS90002',
  'AADSTS65001',
  'AADSTS700027',
  'AADSTS7000218',
  'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
  'Authentication_MSGraphPermissionMissing',
  'Authorization_RequestDenied',
  'TooManyRequests',
  'GatewayTimeout',
  'AF10001',
  'AF20012',
  'AF20022',
  'AF429',
] as const;

const cell = (s: string): string => s.replace(/\|/g, '\\|');

export function permissionsTable(): string {
  const rows = REQUIREMENTS.map((r) => `| ${cell(r.label)} | ${r.permissions.join(' + ')}${r.delegatedPermissions ? ` (delegated: ${r.delegatedPermissions.join(' + ')})` : ''} | ${r.appOnly ? 'app-only: no delegated sign-in' : r.roles.length ? r.roles.join(', ') : '—'} | ${r.license ? cell(r.license) : '—'} |`);
  return ['| To use | Microsoft Graph / Office 365 permission | Delegated sign-in: one of these roles | Licence |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function cloudsTable(): string {
  const rows = Object.values(CLOUDS).flatMap((c) => {
    const row = `| ${c.label} | ${c.graphHost} | ${c.loginHost} | ${c.manageHost ?? 'not available'} |`;
    // GCC is a flag on a Global tenant: the worldwide Graph and login, its own Management API host.
    return c.id === 'global' ? [row, `| ${GCC_LABEL} | ${c.graphHost} | ${c.loginHost} | ${GCC_MANAGE_HOST} |`] : [row];
  });
  return ['| Cloud | Graph | Sign-in | Office 365 Management API |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function troubleshootingList(): string {
  return COMMON_ERRORS.map((code) => {
    const x = explain(code);
    if (!x) throw new Error(`${code} is not in the error catalog`);
    return `- **${code}: ${x.title}.** ${x.message} *Fix:* ${x.nextStep}`;
  }).join('\n');
}

export const README_SECTIONS: Readonly<Record<string, () => string>> = {
  permissions: permissionsTable,
  clouds: cloudsTable,
  troubleshooting: troubleshootingList,
};

/** Replaces each `<!-- generated:name -->…<!-- /generated:name -->` block with today's text. */
export function fillReadme(readme: string): string {
  let out = readme;
  for (const [name, make] of Object.entries(README_SECTIONS)) {
    const re = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!re.test(out)) throw new Error(`The README has no generated:${name} block.`);
    out = out.replace(re, (_m, a: string, b: string) => `${a}\n${make()}\n${b}`);
  }
  return out;
}
