/** Whether a sign-in carries risk: what the grid's row menu and the detail panel offer verdicts on. */

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Identity Protection judged it risky, during the sign-in or since (its risk state moved). */
export function hasSignInRisk(record: Record<string, unknown>): boolean {
  const level = text(record.riskLevelDuringSignIn);
  const state = text(record.riskState);
  return (level !== '' && level !== 'none') || (state !== '' && state !== 'none');
}

/** An admin's verdict on a risky sign-in (the triage actions Graph offers for sign-ins). */
export type SignInVerdictAction = 'confirmCompromised' | 'confirmSafe' | 'dismiss';

const GIVEN: Readonly<Record<string, SignInVerdictAction>> = { confirmedCompromised: 'confirmCompromised', confirmedSafe: 'confirmSafe', dismissed: 'dismiss' };

/** The verdicts a sign-in can still be given: none without risk, and not the one it already has. */
export function signInActionsFor(record: Record<string, unknown>): SignInVerdictAction[] {
  if (!hasSignInRisk(record)) return [];
  const given = GIVEN[text(record.riskState)];
  return (['confirmCompromised', 'confirmSafe', 'dismiss'] as const).filter((a) => a !== given);
}
