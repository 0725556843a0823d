/**
 * Risky sign-ins (API-FACTS 7): an admin's verdict on one sign-in, by its request id: confirm
 * compromised, confirm safe or dismiss. Same chunked, reconciled run as users (runTriage), its own
 * endpoint, body key, permission and consequences.
 */
import { enumLabel } from '../catalog/labels';
import { hasSignInRisk } from '../records/signInRisk';

export { signInActionsFor } from '../records/signInRisk';
import { type TriageAction } from './subjects';

/** A sign-in as triage sees it: who, what, when, and its risk now. Only strings from the record. */
export interface RiskySignIn {
  readonly id: string;
  readonly user: string;
  readonly app: string;
  readonly time: string;
  readonly riskLevel: string;
  readonly riskState: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export function toRiskySignIn(record: Record<string, unknown>): RiskySignIn | undefined {
  const id = text(record.id);
  if (!id || !hasSignInRisk(record)) return undefined;
  return {
    id,
    user: text(record.userPrincipalName) || text(record.userDisplayName) || text(record.userId),
    app: text(record.appDisplayName),
    time: text(record.createdDateTime),
    riskLevel: text(record.riskLevelDuringSignIn) || 'none',
    riskState: text(record.riskState) || 'none',
  };
}

/** One line per sign-in for the confirmation: "alice@contoso.com → Outlook, 2026-12-01T10:00:00Z (high risk, at risk)". */
export function signInLine(s: RiskySignIn): string {
  return `${s.user || 'unknown user'} → ${s.app || 'unknown app'}, ${s.time || 'time unknown'} (${enumLabel(s.riskLevel).toLowerCase()} risk, ${enumLabel(s.riskState).toLowerCase()})`;
}

/** What the verdict does, said before the user agrees to it. */
export function signInConsequence(action: TriageAction, actor: string): string {
  if (action === 'confirmCompromised') return `Marks the sign-ins as compromised: their risk state becomes confirmed compromised and the users' risk rises to high, which risk-based Conditional Access acts on. Identity Protection learns from the verdict; ${actor} is recorded as the actor.`;
  if (action === 'confirmSafe') return `Marks the sign-ins as safe: their risk state becomes confirmed safe and their aggregated risk none. Identity Protection learns from the verdict; ${actor} is recorded as the actor.`;
  return `Dismisses the sign-ins' risk: their risk state becomes dismissed and their aggregated risk none, without a verdict to learn from. ${actor} is recorded as the actor.`;
}
