/**
 * Before a triage POST: does the token carry what the action needs? A doomed request would only
 * come back as a 403 after the confirmation dialog; saying exactly what to grant is kinder and
 * sends nothing. Uses the same requirement table as Diagnose Permissions.
 */
import { roleNames, type TokenClaims } from '../diagnose/claims';
import { type WalkthroughStep } from '../diagnose/errors';
import { checkRequirement, REQUIREMENTS, type RequirementId } from '../diagnose/requirements';
import { ACTION_LABEL, SUBJECTS, type TriageAction, type TriageSubject } from './subjects';

export type Precheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** One line for the notification. */
      readonly title: string;
      /** What to do, step by step. */
      readonly steps: readonly string[];
      readonly walkthroughStep: WalkthroughStep;
    };

export function triagePrecheck(claims: TokenClaims | undefined, action: TriageAction, subject: TriageSubject): Precheck {
  const spec = SUBJECTS[subject];
  return requirementPrecheck(claims, spec.actRequirement, ACTION_LABEL[action].verb, spec.plural);
}

/** The same check for any action: what `requirementId` needs, said as "<verb> for <plural> needs …". */
export function requirementPrecheck(claims: TokenClaims | undefined, requirementId: RequirementId, verb: string, plural: string): Precheck {
  const requirement = REQUIREMENTS.find((r) => r.id === requirementId);
  if (!requirement) throw new Error(`No requirement ${requirementId}.`);
  if (!claims) {
    return { ok: false, title: `${verb} needs a token that can be read, and none could be obtained`, steps: ['Sign in to the tenant again, then retry.'], walkthroughStep: 'addTenant' };
  }
  const check = checkRequirement(requirement, claims);
  if (check.ok) return { ok: true };
  const kind = claims.delegated ? 'delegated' : 'application';
  const granted = claims.delegated ? claims.scopes : claims.roles;
  const steps: string[] = [];
  if (check.missingPermissions.length > 0) {
    const perms = check.missingPermissions.join(' + ');
    steps.push(`In the Entra admin center, open App registrations › the app ${claims.appid ?? ''} › API permissions › Add a permission › Microsoft Graph › ${kind === 'delegated' ? 'Delegated' : 'Application'} permissions, and add ${perms}.`.replace(/ {2,}/g, ' '));
    steps.push(`Click "Grant admin consent", then sign out of the tenant here and sign in again so the new token carries it.`);
    steps.push(`The token has now: ${granted.length ? granted.join(', ') : 'no permissions'}.`);
  }
  if (check.missingRole) {
    const held = roleNames(claims);
    steps.push(`With delegated sign-in the signed-in user also needs one of these directory roles: ${requirement.roles.join(' or ')}. ${claims.upn ?? 'The user'} holds ${held.length ? held.join(', ') : 'none that apply'}.`);
  }
  const what = check.missingPermissions.length > 0 ? `the ${kind} permission ${check.missingPermissions.join(' + ')}` : `the role ${requirement.roles.join(' or ')}`;
  return {
    ok: false,
    title: `${verb} for ${plural} needs ${what}, which this sign-in does not have. Nothing was sent.`,
    steps,
    walkthroughStep: check.missingPermissions.length > 0 ? 'addPermissions' : 'rolesAndLicense',
  };
}
