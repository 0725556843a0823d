import * as vscode from 'vscode';
import { cloudById } from '../../core/clouds';
import { decodeClaims } from '../../core/diagnose/claims';
import { type Logger } from '../../core/log/redact';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { type Precheck, triagePrecheck } from '../../core/triage/precheck';
import { alreadyInState, type RiskyEntity } from '../../core/triage/riskyEntities';
import { type ChunkReport, runTriage, type TriageDeps, type TriageResult } from '../../core/triage/runTriage';
import { ACTION_LABEL, consequence, STATE_WORDS, SUBJECTS, TARGET_STATE, type TriageAction, type TriageSubject, unavailableReason } from '../../core/triage/subjects';
import { type TenantSessions } from '../tenants/sessions';
import { openWalkthroughStep, showError } from '../ui/showError';
import { type TriageModel } from './triageModel';
import { type Prompter } from '../ui/prompter';

export interface TriageActionDeps {
  readonly sessions: TenantSessions;
  readonly model: TriageModel;
  readonly log: Logger;
  readonly channel: vscode.LogOutputChannel;
  /** Asks before an action that cannot be undone. */
  readonly prompter: Prompter;
  /** Shows the new state in detail panels already open for these entities. */
  readonly refreshOpenDetails: (tenant: TenantConfig, subject: TriageSubject, ids: readonly string[]) => Promise<void>;
}

export type TriageOutcome = 'done' | 'unavailable' | 'nothingToDo' | 'refusedByPrecheck' | 'noToken' | 'declined';

export interface TriageRunReport {
  readonly outcome: TriageOutcome;
  readonly action: TriageAction;
  readonly subject: TriageSubject;
  /** Already in the action's target state, so not sent. */
  readonly skipped: readonly string[];
  readonly precheck?: Precheck;
  readonly result?: TriageResult;
  /** The per-call log lines, as written to the output channel. */
  readonly lines: readonly string[];
}

const MAX_LISTED = 15;

/**
 * Who the risk history will name: with delegated sign-in the signed-in user, with app-only sign-in
 * the app (its client id), since that is what Identity Protection records.
 */
function accountOf(state: ReturnType<TenantSessions['state']>): string | undefined {
  return state.kind === 'signedIn' ? state.account : undefined;
}

export function actorOf(tenant: TenantConfig, account: string | undefined): string {
  return tenant.signInKind === 'deviceCode' ? `you (${account ?? 'the signed-in user'})` : `this tenant's app (client id ${tenant.clientId}; the sign-in is app-only, so no person is named)`;
}

function names(entities: readonly RiskyEntity[]): string {
  const shown = entities.slice(0, MAX_LISTED).map((e) => `• ${e.name}${e.secondary ? ` (${e.secondary})` : ''}`);
  if (entities.length > MAX_LISTED) shown.push(`…and ${entities.length - MAX_LISTED} more`);
  return shown.join('\n');
}

export function chunkLine(action: TriageAction, noun: string, r: ChunkReport): string {
  const head = `${ACTION_LABEL[action].verb}: call ${r.index + 1}/${r.of}, ${r.ids.length} ${noun}${r.ids.length === 1 ? '' : 's'}`;
  const ms = `${Math.max(0, r.endedMs - r.startedMs)} ms`;
  switch (r.outcome) {
    case 'applied':
      return `${head} → ${r.status ?? 204} after ${ms}, pacing included${r.requestId ? ` (request-id ${r.requestId})` : ''}`;
    case 'refused':
      return `${head} → refused ${r.status ?? ''} in ${ms}: ${r.error ?? ''}${r.requestId ? ` (request-id ${r.requestId})` : ''}`;
    case 'uncertain':
      return `${head} → no definite answer in ${ms} (${r.error ?? 'unknown'}); the state will be re-read, not sent again`;
    default:
      return `${head} → ${r.error ?? 'not sent'}`;
  }
}

/**
 * Runs a triage action under a cancellable progress notification, one log line per call: the part
 * every subject's action shares (users, service principals, sign-ins).
 */
export function runWithProgress(title: string, ids: readonly string[], action: TriageAction, noun: string, io: Pick<TriageDeps, 'send' | 'reread'> & { readonly log: (line: string) => void }): Promise<TriageResult> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await runTriage(ids, action, {
          send: io.send,
          reread: io.reread,
          now: () => Date.now(),
          onChunk: (r) => {
            io.log(chunkLine(action, noun, r));
            progress.report({ message: `call ${r.index + 1} of ${r.of} done`, increment: 100 / r.of });
          },
        }, abort.signal);
      } finally {
        sub.dispose();
      }
    }),
  );
}

/**
 * Confirm compromised or dismiss for chosen users or service principals: checks the cloud and the
 * token's permissions first, asks, sends in calls of at most 60, accounts for every id, reloads
 * the view and says exactly what changed.
 */
export async function runTriageAction(deps: TriageActionDeps, tenant: TenantConfig, action: TriageAction, subject: TriageSubject, chosen: readonly RiskyEntity[]): Promise<TriageRunReport> {
  const spec = SUBJECTS[subject];
  const label = ACTION_LABEL[action];
  const lines: string[] = [];
  const base = { action, subject, lines };
  const cloud = cloudById(tenant.cloud);
  const why = unavailableReason(cloud, action);
  if (why) {
    void vscode.window.showWarningMessage(why);
    return { ...base, outcome: 'unavailable', skipped: [] };
  }
  const skippedEntities = alreadyInState(chosen, TARGET_STATE[action]);
  const targets = chosen.filter((e) => !skippedEntities.includes(e));
  const skipped = skippedEntities.map((e) => e.id);
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(`Nothing to do: ${chosen.length === 1 ? `${chosen[0].name} is` : `all ${chosen.length} are`} already ${STATE_WORDS[action]}.`);
    return { ...base, outcome: 'nothingToDo', skipped };
  }

  let claims;
  try {
    const provider = await deps.sessions.tokenProvider(tenant);
    claims = decodeClaims((await provider.getToken('graph')).token);
  } catch (e) {
    await showError(deps.log, deps.channel, `${label.verb} for ${tenant.displayName}`, e);
    return { ...base, outcome: 'noToken', skipped };
  }
  const precheck = triagePrecheck(claims, action, subject);
  if (!precheck.ok) {
    deps.log.warn(`${label.verb} for ${targets.length} ${spec.plural} of ${tenant.displayName} not sent: ${precheck.title}`);
    for (const step of precheck.steps) deps.log.warn(`  ${step}`);
    void vscode.window.showErrorMessage(precheck.title, { modal: false, detail: precheck.steps.join('\n') }, 'How to Fix', 'Diagnose Permissions').then((choice) => {
      if (choice === 'Diagnose Permissions') void vscode.commands.executeCommand('identityLogs.diagnosePermissions', tenant.key);
      if (choice === 'How to Fix') openWalkthroughStep(precheck.walkthroughStep);
    });
    return { ...base, outcome: 'refusedByPrecheck', skipped, precheck };
  }

  const count = `${targets.length} ${targets.length === 1 ? spec.noun : spec.plural}`;
  const skippedNote = skipped.length ? `\n\n${skipped.length} already ${STATE_WORDS[action]} will be left alone.` : '';
  const confirmed = await deps.prompter.confirm({
    message: `${label.verb} for ${count} in ${tenant.displayName}?`,
    detail: `${consequence(action, spec, actorOf(tenant, accountOf(deps.sessions.state(tenant.key))))}\n\n${names(targets)}${skippedNote}`,
    action: label.button,
  });
  if (!confirmed) return { ...base, outcome: 'declined', skipped };

  const api = await deps.model.api(tenant);
  const result = await runWithProgress(`${label.verb}: ${targets.length} ${targets.length === 1 ? spec.noun : spec.plural}`, targets.map((e) => e.id), action, spec.noun, {
    send: (ids, signal) => api.act(subject, action, ids, signal),
    reread: (since) => api.changedSince(subject, since),
    log: (line) => {
      lines.push(line);
      deps.log.info(line);
    },
  });
  if (result.reconciled) {
    const line = result.rereadError
      ? `Re-read failed (${result.rereadError}): ${result.unverified.length} ${spec.plural} in uncertain calls are unverified`
      : `Re-read after uncertain calls: ${result.changed.length} changed in total, ${result.notChanged.length} not changed, ${result.processing.length} still processing`;
    lines.push(line);
    deps.log.info(line);
  }
  const byId = new Map(targets.map((e) => [e.id, e]));
  const who = (id: string) => {
    const e = byId.get(id);
    return e ? `${e.name}${e.secondary ? ` (${e.secondary})` : ''}` : id;
  };
  for (const n of result.notChanged) deps.log.warn(`Not changed: ${who(n.id)}: ${n.reason}`);
  for (const id of result.processing) deps.log.info(`Still processing: ${who(id)}`);
  for (const id of result.unverified) deps.log.warn(`Unverified: ${who(id)}`);

  await deps.model.reload();
  await deps.refreshOpenDetails(tenant, subject, targets.map((e) => e.id));
  void report(deps, tenant, action, subject, targets, result);
  return { ...base, outcome: 'done', skipped, result };
}

async function report(deps: TriageActionDeps, tenant: TenantConfig, action: TriageAction, subject: TriageSubject, targets: readonly RiskyEntity[], r: TriageResult): Promise<void> {
  const spec = SUBJECTS[subject];
  const label = ACTION_LABEL[action];
  const n = (k: number) => `${k} ${k === 1 ? spec.noun : spec.plural}`;
  const calls = r.chunks.filter((c) => c.outcome !== 'notSent').length;
  const problems = r.notChanged.length + r.unverified.length;
  if (problems === 0 && r.processing.length === 0) {
    const choice = await vscode.window.showInformationMessage(`${label.past} ${n(r.changed.length)} in ${tenant.displayName} (${calls} call${calls === 1 ? '' : 's'}). The risk history now records the action.`, 'Show Log');
    if (choice === 'Show Log') deps.channel.show(true);
    return;
  }
  const parts = [`${label.past} ${r.changed.length} of ${n(targets.length)}.`];
  if (r.notChanged.length) parts.push(`${n(r.notChanged.length)} not changed: ${r.notChanged[0].reason}.`);
  if (r.processing.length) parts.push(`${n(r.processing.length)} still being processed by the service; refresh in a minute.`);
  if (r.unverified.length) parts.push(`${n(r.unverified.length)} could not be verified; refresh to see their state.`);
  if (r.cancelled) parts.push('Cancelled before the end.');
  const retry = r.notChanged.length > 0 ? ['Retry Not Changed'] : [];
  const choice = await vscode.window.showWarningMessage(parts.join(' '), 'Show Details', ...retry);
  if (choice === 'Show Details') deps.channel.show(true);
  if (choice === 'Retry Not Changed') {
    const again = targets.filter((e) => r.notChanged.some((x) => x.id === e.id));
    await runTriageAction(deps, tenant, action, subject, again);
  }
}
