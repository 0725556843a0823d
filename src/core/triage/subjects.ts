/**
 * What can be triaged (API-FACTS 1; Graph docs for riskyServicePrincipal): risky users and risky
 * service principals, their endpoints, the body key their actions take, the permissions each
 * needs, and what an action does to them. One table, so the tree, the pre-check and the runner
 * cannot disagree.
 */
import { type Cloud } from '../clouds';
import { type RequirementId } from '../diagnose/requirements';

export type TriageSubject = 'users' | 'servicePrincipals';
export type TriageAction = 'confirmCompromised' | 'confirmSafe' | 'dismiss';

export interface SubjectSpec {
  readonly subject: TriageSubject;
  /** "user" / "service principal", for sentences. */
  readonly noun: string;
  readonly plural: string;
  readonly path: string;
  readonly detectionsPath: string;
  /** The key of the id array in the action's body. */
  readonly idsKey: 'userIds' | 'servicePrincipalIds';
  readonly readRequirement: RequirementId;
  readonly actRequirement: RequirementId;
  /** What Graph offers for this subject (API-FACTS 7: confirm safe is for users only). */
  readonly actions: readonly TriageAction[];
}

export const SUBJECTS: Readonly<Record<TriageSubject, SubjectSpec>> = {
  users: {
    subject: 'users',
    noun: 'user',
    plural: 'users',
    path: '/identityProtection/riskyUsers',
    detectionsPath: '/identityProtection/riskDetections',
    idsKey: 'userIds',
    readRequirement: 'riskyUsers',
    actRequirement: 'riskyUsersTriage',
    actions: ['confirmCompromised', 'confirmSafe', 'dismiss'],
  },
  servicePrincipals: {
    subject: 'servicePrincipals',
    noun: 'service principal',
    plural: 'service principals',
    path: '/identityProtection/riskyServicePrincipals',
    detectionsPath: '/identityProtection/servicePrincipalRiskDetections',
    idsKey: 'servicePrincipalIds',
    readRequirement: 'riskyServicePrincipals',
    actRequirement: 'riskyServicePrincipalsTriage',
    actions: ['confirmCompromised', 'dismiss'],
  },
};

/** Dismiss takes at most 60 ids per call (API-FACTS 1); confirmCompromised is sent in the same chunks. */
export const MAX_IDS_PER_CALL = 60;

/** The state an action leaves behind: what "done" looks like when a result must be re-read. */
export const TARGET_STATE: Readonly<Record<TriageAction, string>> = {
  confirmCompromised: 'confirmedCompromised',
  confirmSafe: 'confirmedSafe',
  dismiss: 'dismissed',
};

/** The target state in words, for "already …". */
export const STATE_WORDS: Readonly<Record<TriageAction, string>> = {
  confirmCompromised: 'confirmed compromised',
  confirmSafe: 'confirmed safe',
  dismiss: 'dismissed',
};

export const ACTION_LABEL: Readonly<Record<TriageAction, { verb: string; past: string; button: string }>> = {
  confirmCompromised: { verb: 'Confirm compromised', past: 'Confirmed compromised', button: 'Confirm Compromised' },
  confirmSafe: { verb: 'Confirm safe', past: 'Confirmed safe', button: 'Confirm Safe' },
  dismiss: { verb: 'Dismiss risk', past: 'Dismissed', button: 'Dismiss Risk' },
};

/** What the action does, said before the user agrees to it. */
export function consequence(action: TriageAction, spec: SubjectSpec, actor: string): string {
  if (action === 'confirmCompromised') return `Sets their risk to high and their state to confirmed compromised. Conditional Access policies that act on ${spec.noun} risk may block them until the risk is remediated. The risk history records ${actor} as the actor.`;
  if (action === 'confirmSafe') return `Tells Identity Protection the risky activity was theirs: risk level none, state confirmed safe, and it learns from the verdict. This cannot be undone from here; the risk history records ${actor} as the actor.`;
  return `Their risk will be dismissed (risk level none, state dismissed). This cannot be undone from here; the risk history records ${actor} as the actor.`;
}

/** Whether the cloud offers the action (the China cloud has neither dismiss nor confirm safe). */
export function actionAvailable(cloud: Cloud, action: TriageAction): boolean {
  return action === 'confirmCompromised' || cloud.supportsRiskDismiss;
}

export function unavailableReason(cloud: Cloud, action: TriageAction): string | undefined {
  if (actionAvailable(cloud, action)) return undefined;
  const what = action === 'confirmSafe' ? 'Confirming a user safe' : 'Dismissing risk';
  return `${what} is not offered by Identity Protection in ${cloud.label}. Confirm compromised is available; risk there is closed by remediation (a secure password reset or MFA under a risk-based policy).`;
}
