import * as vscode from 'vscode';
import { cloudById } from '../../core/clouds';
import { decodeClaims } from '../../core/diagnose/claims';
import { type Logger } from '../../core/log/redact';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { requirementPrecheck } from '../../core/triage/precheck';
import { type RiskySignIn, signInConsequence, signInLine } from '../../core/triage/signInTriage';
import { ACTION_LABEL, STATE_WORDS, TARGET_STATE, type TriageAction, unavailableReason } from '../../core/triage/subjects';
import { type TenantSessions } from '../tenants/sessions';
import { type Prompter } from '../ui/prompter';
import { openWalkthroughStep, showError } from '../ui/showError';
import { actorOf, runWithProgress, type TriageRunReport } from './triageAction';
import { type TriageModel } from './triageModel';

export interface SignInTriageDeps {
  readonly sessions: TenantSessions;
  readonly model: TriageModel;
  readonly log: Logger;
  readonly channel: vscode.LogOutputChannel;
  readonly prompter: Prompter;
  /** Reads the changed sign-ins again into the detail panels that show them. */
  readonly refreshOpenSignIns: (tenant: TenantConfig, requestIds: readonly string[]) => Promise<void>;
}

/** What a verdict run did: the risky-user report, without a subject (sign-ins are their own). */
export type SignInTriageReport = Omit<TriageRunReport, 'subject'>;

const MAX_LISTED = 12;
const noun = (n: number) => `${n} sign-in${n === 1 ? '' : 's'}`;

/**
 * Confirm compromised, confirm safe or dismiss for risky sign-ins: checks the cloud and the
 * token first, asks, sends request ids in calls of at most 60, reads back the sign-ins of any call
 * whose answer was lost, refreshes their open panels and says exactly what changed.
 */
export async function runSignInTriage(deps: SignInTriageDeps, tenant: TenantConfig, action: TriageAction, chosen: readonly RiskySignIn[]): Promise<SignInTriageReport> {
  const label = ACTION_LABEL[action];
  const lines: string[] = [];
  const base = { action, lines };
  const why = unavailableReason(cloudById(tenant.cloud), action);
  if (why) {
    void vscode.window.showWarningMessage(why);
    return { ...base, outcome: 'unavailable', skipped: [] };
  }
  const skipped = chosen.filter((s) => s.riskState === TARGET_STATE[action]).map((s) => s.id);
  const targets = chosen.filter((s) => !skipped.includes(s.id));
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(`Nothing to do: ${chosen.length === 1 ? 'the sign-in is' : `all ${chosen.length} sign-ins are`} already ${STATE_WORDS[action]}.`);
    return { ...base, outcome: 'nothingToDo', skipped };
  }
  let claims;
  try {
    claims = decodeClaims((await (await deps.sessions.tokenProvider(tenant)).getToken('graph')).token);
  } catch (e) {
    await showError(deps.log, deps.channel, `${label.verb} for ${tenant.displayName}`, e);
    return { ...base, outcome: 'noToken', skipped };
  }
  const precheck = requirementPrecheck(claims, 'riskySignInsTriage', label.verb, 'sign-ins');
  if (!precheck.ok) {
    deps.log.warn(`${label.verb} for ${noun(targets.length)} of ${tenant.displayName} not sent: ${precheck.title}`);
    void vscode.window.showErrorMessage(precheck.title, { modal: false, detail: precheck.steps.join('\n') }, 'How to Fix', 'Diagnose Permissions').then((choice) => {
      if (choice === 'Diagnose Permissions') void vscode.commands.executeCommand('identityLogs.diagnosePermissions', tenant.key);
      if (choice === 'How to Fix') openWalkthroughStep(precheck.walkthroughStep);
    });
    return { ...base, outcome: 'refusedByPrecheck', skipped, precheck };
  }
  const state = deps.sessions.state(tenant.key);
  const listed = targets.slice(0, MAX_LISTED).map((s) => `• ${signInLine(s)}`);
  if (targets.length > MAX_LISTED) listed.push(`…and ${targets.length - MAX_LISTED} more`);
  const confirmed = await deps.prompter.confirm({
    message: `${label.verb}: ${noun(targets.length)} in ${tenant.displayName}?`,
    detail: `${signInConsequence(action, actorOf(tenant, state.kind === 'signedIn' ? state.account : undefined))}\n\n${listed.join('\n')}${skipped.length ? `\n\n${noun(skipped.length)} already ${STATE_WORDS[action]} will be left alone.` : ''}`,
    action: label.button,
  });
  if (!confirmed) return { ...base, outcome: 'declined', skipped };

  const api = await deps.model.api(tenant);
  const result = await runWithProgress(`${label.verb}: ${noun(targets.length)}`, targets.map((s) => s.id), action, 'sign-in', {
    send: (ids, signal) => api.actOnSignIns(action, ids, signal),
    reread: (_since, ids) => api.signInStates(ids),
    log: (line) => {
      lines.push(line);
      deps.log.info(line);
    },
  });
  for (const n of result.notChanged) deps.log.warn(`Not changed: sign-in ${n.id}: ${n.reason}`);
  for (const id of result.unverified) deps.log.warn(`Unverified: sign-in ${id}`);
  await deps.refreshOpenSignIns(tenant, [...result.changed, ...result.unverified]);
  const problems = result.notChanged.length + result.unverified.length + result.processing.length;
  if (problems === 0) void vscode.window.showInformationMessage(`${label.past} ${noun(result.changed.length)} in ${tenant.displayName}.`);
  else void vscode.window.showWarningMessage(`${label.past} ${result.changed.length} of ${noun(targets.length)}; ${result.notChanged.length ? `${noun(result.notChanged.length)} not changed (${result.notChanged[0].reason})` : ''}${result.unverified.length ? ` ${noun(result.unverified.length)} could not be verified` : ''}. See the log.`.replace(/; \./, '.'));
  return { ...base, outcome: 'done', skipped, result };
}
