import * as vscode from 'vscode';
import { type RiskyEntity } from '../../core/triage/riskyEntities';
import { type TriageAction, type TriageSubject } from '../../core/triage/subjects';
import { selectedHolders } from '../tree/triage/entityHolder';
import { runTriageAction, type TriageActionDeps, type TriageRunReport } from '../triage/triageAction';
import { type TriageSelection } from '../triage/triageSelection';
import { type Command } from './command';
import { type TenantContext } from '../tenants/tenantContext';

export interface TriageCommandDeps extends TriageActionDeps {
  readonly store: TenantContext['store'];
  readonly selection: TriageSelection;
  /** Shows the first changed node with its new history item. */
  readonly reveal?: (tenantKey: string, subject: TriageSubject, id: string) => Promise<void>;
}

/** Without a tree: `{ tenantKey, subject?, ids }` (scripts and tests); the confirmation is asked all the same. */
interface ActionRequest {
  readonly tenantKey: string;
  readonly subject?: TriageSubject;
  readonly ids: readonly string[];
}

function isRequest(arg: unknown): arg is ActionRequest {
  const a = arg as Partial<ActionRequest> | undefined;
  return typeof a === 'object' && a !== null && typeof a.tenantKey === 'string' && Array.isArray(a.ids) && a.ids.every((x) => typeof x === 'string');
}

async function fromRequest(deps: TriageCommandDeps, req: ActionRequest): Promise<{ tenantKey: string; entities: RiskyEntity[] } | undefined> {
  const tenant = deps.store.get(req.tenantKey);
  if (!tenant) return undefined;
  if (deps.selection.tenant()?.key !== tenant.key) await deps.selection.setTenant(tenant.key);
  await deps.model.settled();
  const subject = req.subject ?? 'users';
  const known = new Map(deps.model.entities().filter((e) => e.subject === subject).map((e) => [e.id.toLowerCase(), e]));
  const entities = req.ids.map(
    (id): RiskyEntity => known.get(id.toLowerCase()) ?? { subject, id, name: id, secondary: '', riskLevel: 'unknown', riskState: 'unknown', riskDetail: '', updated: '', updatedMs: Number.NaN, isProcessing: false, record: { id } },
  );
  return { tenantKey: tenant.key, entities };
}

function actionCommand({ id, action }: { id: string; action: TriageAction }, deps: TriageCommandDeps): Command {
  return {
    id,
    run: async (clicked?: unknown, selected?: unknown): Promise<TriageRunReport[]> => {
      let tenantKey: string | undefined;
      let entities: RiskyEntity[] = [];
      if (isRequest(clicked)) {
        const r = await fromRequest(deps, clicked);
        if (!r) return [];
        ({ tenantKey, entities } = r);
      } else {
        const holders = selectedHolders(clicked, selected);
        tenantKey = holders[0]?.tenant.key;
        const seen = new Set<string>();
        for (const h of holders) {
          for (const e of h.entities()) {
            const key = `${e.subject}:${e.id}`;
            if (!seen.has(key)) entities.push(e);
            seen.add(key);
          }
        }
      }
      const tenant = tenantKey ? deps.store.get(tenantKey) : deps.selection.tenant();
      if (!tenant || entities.length === 0) {
        void vscode.window.showInformationMessage('Select one or more risky users (or a group of them) in the Risky Users view first.');
        return [];
      }
      const reports: TriageRunReport[] = [];
      // Users and service principals are different endpoints: one confirmation and run for each.
      for (const subject of ['users', 'servicePrincipals'] as const) {
        const mine = entities.filter((e) => e.subject === subject);
        if (mine.length === 0) continue;
        const report = await runTriageAction(deps, tenant, action, subject, mine);
        reports.push(report);
        const first = report.result?.changed[0];
        if (first && deps.reveal) await deps.reveal(tenant.key, subject, first);
      }
      return reports;
    },
  };
}

export function confirmCompromisedCommand(deps: TriageCommandDeps): Command {
  return actionCommand({ id: 'identityLogs.triage.confirmCompromised', action: 'confirmCompromised' }, deps);
}

export function dismissRiskCommand(deps: TriageCommandDeps): Command {
  return actionCommand({ id: 'identityLogs.triage.dismiss', action: 'dismiss' }, deps);
}
