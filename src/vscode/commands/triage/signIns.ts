/**
 * "Confirm Compromised", "Confirm Safe" and "Dismiss Risk" for risky sign-ins: from the results
 * grid's row menu, a sign-in's detail panel, or `{ tenantKey, requestIds }`. The sign-ins are read
 * again first: the verdict is judged on what Graph says now, not on a grid row loaded an hour ago.
 */
import * as vscode from 'vscode';
import { readable, screenPage } from '../../../core/records/untrusted';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type RiskySignIn, toRiskySignIn } from '../../../core/triage/signInTriage';
import { type TriageAction } from '../../../core/triage/subjects';
import { type ResultsPanels } from '../../results/resultsPanels';
import { type TenantStore } from '../../tenants/tenantStore';
import { runSignInTriage, type SignInTriageDeps, type SignInTriageReport } from '../../triage/signInTriageAction';
import { defineCommand } from '../command';

export interface SignInTriageCommandDeps extends Omit<SignInTriageDeps, 'prompter'> {
  readonly store: TenantStore;
  readonly panels: ResultsPanels;
}

interface Target {
  readonly tenant: TenantConfig;
  readonly requestIds: readonly string[];
}

/**
 * The most sign-ins one run takes: each is read again first, at the reports' pace (5 requests per
 * 10 seconds), so 60 already take two minutes.
 */
const MAX_REQUEST_IDS = 60;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function targetArg(deps: SignInTriageCommandDeps) {
  return async ([arg]: readonly unknown[]): Promise<Target | undefined> => {
    const a = (typeof arg === 'object' && arg !== null ? arg : {}) as Record<string, unknown>;
    if (typeof a.tenantKey === 'string' && Array.isArray(a.requestIds)) {
      const tenant = deps.store.get(a.tenantKey);
      const ids = a.requestIds.filter((x): x is string => typeof x === 'string' && GUID.test(x));
      return tenant && ids.length > 0 && ids.length === a.requestIds.length && ids.length <= MAX_REQUEST_IDS ? { tenant, requestIds: ids } : undefined;
    }
    // The grid's row menu: the row's context, checked (it came from the webview), in the focused panel.
    const panel = deps.panels.target();
    if (a.webviewSection !== 'row' || typeof a.rowId !== 'string' || a.rowId.length > 512 || !panel) return undefined;
    const id = await panel.recordId(a.rowId);
    return id && GUID.test(id) ? { tenant: panel.query.tenant, requestIds: [id] } : undefined;
  };
}

function signInTriageCommand({ id, action }: { id: string; action: TriageAction }, deps: SignInTriageCommandDeps) {
  return defineCommand({
    id,
    args: targetArg(deps),
    run: async ({ tenant, requestIds }: Target, { prompter }): Promise<SignInTriageReport> => {
      const api = await deps.model.api(tenant);
      const records = readable(screenPage(await api.signInRecords(requestIds)).records);
      const risky = records.map(toRiskySignIn).filter((s): s is RiskySignIn => s !== undefined);
      const notRisky = requestIds.length - risky.length;
      if (notRisky > 0) deps.log.info(`${notRisky} of ${requestIds.length} sign-ins carry no risk (or could not be read): left alone.`);
      if (risky.length === 0) {
        void vscode.window.showInformationMessage(requestIds.length === 1 ? 'This sign-in carries no risk: there is nothing to confirm or dismiss.' : `None of these ${requestIds.length} sign-ins carries risk: there is nothing to confirm or dismiss.`);
        return { outcome: 'nothingToDo', action, skipped: [], lines: [] };
      }
      return runSignInTriage({ ...deps, prompter }, tenant, action, risky);
    },
  });
}

export function signInTriageCommands(deps: SignInTriageCommandDeps) {
  return [
    signInTriageCommand({ id: 'identityLogs.triage.signIn.confirmCompromised', action: 'confirmCompromised' }, deps),
    signInTriageCommand({ id: 'identityLogs.triage.signIn.confirmSafe', action: 'confirmSafe' }, deps),
    signInTriageCommand({ id: 'identityLogs.triage.signIn.dismiss', action: 'dismiss' }, deps),
  ];
}
