import * as vscode from 'vscode';
import { ACTION_LABEL, SUBJECTS, type TriageAction, type TriageSubject } from '../../../core/triage/subjects';
import { runTriageAction, type TriageActionDeps, type TriageRunReport } from '../../triage/triageAction';
import { defineCommand } from '../command';
import { type TriageArgDeps, type TriageTargets, triageTargetsArg } from './args';

export interface TriageCommandDeps extends Omit<TriageActionDeps, 'prompter'>, TriageArgDeps {
  /** Shows the first changed node with its new history item. */
  readonly reveal?: (tenantKey: string, subject: TriageSubject, id: string) => Promise<void>;
}

/** Confirm compromised, dismiss: the same steps for each action, so one definition. */
function triageActionCommand({ id, action }: { id: string; action: TriageAction }, deps: TriageCommandDeps) {
  return defineCommand({
    id,
    args: triageTargetsArg(deps),
    run: async ({ tenant, entities }: TriageTargets, { prompter }): Promise<TriageRunReport[]> => {
      const reports: TriageRunReport[] = [];
      // Users and service principals are different endpoints: one confirmation and run for each.
      for (const subject of ['users', 'servicePrincipals'] as const) {
        const mine = entities.filter((e) => e.subject === subject);
        if (mine.length === 0) continue;
        if (!SUBJECTS[subject].actions.includes(action)) {
          // Graph has no such action for them (confirm safe is for users): say so rather than drop them silently.
          void vscode.window.showInformationMessage(`${ACTION_LABEL[action].verb} is for users only: ${mine.length} ${mine.length === 1 ? SUBJECTS[subject].noun : SUBJECTS[subject].plural} left alone.`);
          continue;
        }
        const report = await runTriageAction({ ...deps, prompter }, tenant, action, subject, mine);
        reports.push(report);
        const first = report.result?.changed[0];
        if (first && deps.reveal) await deps.reveal(tenant.key, subject, first);
      }
      return reports;
    },
  });
}

/** "Confirm Compromised", "Dismiss Risk" and "Confirm Safe" (users) for the selected users or service principals (after one confirmation each). */
export function triageActionCommands(deps: TriageCommandDeps) {
  return [
    triageActionCommand({ id: 'identityLogs.triage.confirmCompromised', action: 'confirmCompromised' }, deps),
    triageActionCommand({ id: 'identityLogs.triage.dismiss', action: 'dismiss' }, deps),
    triageActionCommand({ id: 'identityLogs.triage.confirmSafe', action: 'confirmSafe' }, deps),
  ];
}
