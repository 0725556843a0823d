import * as vscode from 'vscode';
import { categoryById } from '../../core/catalog/categories';
import { type CategorySpec } from '../../core/catalog/types';
import { resultsDocument } from '../../core/export/document';
import { recordHeader } from '../../core/export/header';
import { type FilterModel } from '../../core/odata/model';
import { TRIAGE_EXAMPLES } from '../../core/triage/examples';
import { DEFAULT_TRIAGE_FILTER, LEVEL_LABEL, LEVELS, parseTriageFilter, type RiskyEntity, STATE_LABEL, STATES, type TriageFilter } from '../../core/triage/riskyEntities';
import { openResultsAsJson } from '../export/resultsJson';
import { type RecordDetails } from '../detail/recordDetails';
import { type QueryRunner } from '../query/queryRunner';
import { type RecordDocuments } from '../results/recordDocuments';
import { type TenantStore } from '../tenants/tenantStore';
import { resolveTenant } from '../tenants/pickTenant';
import { DetectionNode } from '../tree/triage/recordNodes';
import { type TriageModel } from '../triage/triageModel';
import { type TriageSelection } from '../triage/triageSelection';
import { type Command } from './command';
import { selectedHolders } from '../tree/triage/entityHolder';

export interface TriageViewDeps {
  readonly store: TenantStore;
  readonly model: TriageModel;
  readonly selection: TriageSelection;
  readonly runner: QueryRunner;
  readonly details: RecordDetails;
  readonly records: RecordDocuments;
  readonly extensionVersion: string;
}

const category = (id: string): CategorySpec => categoryById(id) as CategorySpec;

function chosenEntities(clicked: unknown, selected: unknown): RiskyEntity[] {
  return selectedHolders(clicked, selected).flatMap((h) => [...h.entities()]);
}

/** "Pick Tenant…" in the view title: which tenant's risk to triage. */
export function pickTriageTenantCommand(deps: TriageViewDeps): Command {
  return {
    id: 'identityLogs.triage.pickTenant',
    run: async (arg?: unknown) => {
      const tenants = deps.store.list();
      let key = typeof arg === 'string' ? arg : undefined;
      if (!key) {
        if (tenants.length === 0) return resolveTenant(deps.store, undefined, 'triage risky users');
        const current = deps.selection.tenant()?.key;
        const pick = await vscode.window.showQuickPick(
          tenants.map((t) => ({ label: t.displayName, description: t.tenant, detail: t.key === current ? 'shown now' : undefined, key: t.key })),
          { placeHolder: 'Which tenant’s risky users?' },
        );
        key = pick?.key;
      }
      if (key && deps.store.get(key)) await deps.selection.setTenant(key);
      return deps.selection.tenant();
    },
  };
}

/** "Filter…": risk levels, states, recency, and whether closed risk shows. Takes a filter object directly too. */
export function filterTriageCommand(deps: TriageViewDeps): Command {
  return {
    id: 'identityLogs.triage.filter',
    run: async (arg?: unknown) => {
      if (typeof arg === 'object' && arg !== null) {
        await deps.selection.setFilter(parseTriageFilter(arg));
        return deps.selection.filter();
      }
      const current = deps.selection.filter();
      type Item = vscode.QuickPickItem & { kind2: 'level' | 'state' | 'closed'; value: string };
      const items: (Item | vscode.QuickPickItem)[] = [
        { label: 'Risk level', kind: vscode.QuickPickItemKind.Separator },
        ...LEVELS.map((l): Item => ({ label: LEVEL_LABEL[l], kind2: 'level', value: l, picked: current.levels.includes(l) })),
        { label: 'Risk state', kind: vscode.QuickPickItemKind.Separator },
        ...STATES.map((s): Item => ({ label: STATE_LABEL[s], kind2: 'state', value: s, picked: current.states.includes(s) })),
        { label: 'Closed risk', kind: vscode.QuickPickItemKind.Separator },
        { label: 'Include dismissed and remediated', description: 'when no state is chosen', kind2: 'closed', value: 'closed', picked: current.includeClosed } as Item,
      ];
      const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Filter risky users', placeHolder: 'Nothing chosen in a section means all of it' });
      if (!picked) return undefined;
      const chosen = picked.filter((p): p is Item => 'kind2' in p);
      const days = await vscode.window.showQuickPick(
        [
          { label: 'Any time', days: undefined },
          { label: 'Updated in the last day', days: 1 },
          { label: 'Updated in the last 7 days', days: 7 },
          { label: 'Updated in the last 30 days', days: 30 },
          { label: 'Updated in the last 90 days', days: 90 },
        ].map((d) => ({ ...d, picked: d.days === current.updatedWithinDays })),
        { title: 'Filter risky users: last updated', placeHolder: current.updatedWithinDays ? `Now: last ${current.updatedWithinDays} days` : 'Now: any time' },
      );
      if (!days) return undefined;
      const next: TriageFilter = {
        levels: chosen.filter((c) => c.kind2 === 'level').map((c) => c.value),
        states: chosen.filter((c) => c.kind2 === 'state').map((c) => c.value),
        includeClosed: chosen.some((c) => c.kind2 === 'closed'),
        updatedWithinDays: days.days,
      };
      await deps.selection.setFilter(next);
      return next;
    },
  };
}

export function clearTriageFilterCommand(deps: TriageViewDeps): Command {
  return {
    id: 'identityLogs.triage.clearFilter',
    run: async () => {
      await deps.selection.setFilter(DEFAULT_TRIAGE_FILTER);
    },
  };
}

export function refreshTriageCommand(deps: TriageViewDeps): Command {
  return { id: 'identityLogs.triage.refresh', run: () => deps.model.reload() };
}

/** The risky-user panel for a user, the risk detection panel for a detection, JSON for a service principal. */
export function openTriageDetailsCommand(deps: TriageViewDeps): Command {
  return {
    id: 'identityLogs.triage.openDetails',
    run: async (clicked?: unknown, selected?: unknown) => {
      if (clicked instanceof DetectionNode) {
        await deps.details.open(clicked.tenant, category('riskDetections'), clicked.record);
        return;
      }
      const holder = selectedHolders(clicked, selected)[0];
      const entity = holder?.entities()[0];
      if (!holder || !entity) return;
      if (entity.subject === 'users') {
        await deps.details.open(holder.tenant, category('riskyUsers'), { ...entity.record });
        return;
      }
      const header = recordHeader(holder.tenant, { id: 'riskyServicePrincipals', label: 'Risky service principal', endpoint: 'v1.0/identityProtection/riskyServicePrincipals' }, entity.id, Date.now(), deps.extensionVersion);
      await openResultsAsJson(deps.records, `Risky service principal ${entity.id}`, resultsDocument(header, [{ ...entity.record }]));
    },
  };
}

function queryFor(entity: RiskyEntity, what: 'signIns' | 'detections'): { category: CategorySpec; model: FilterModel } | undefined {
  if (what === 'signIns') {
    // The last 7 days: the window an investigation of current risk starts from.
    return entity.subject === 'users'
      ? { category: category('signIns.interactive'), model: { time: { kind: 'last', hours: 168 }, clauses: [{ field: 'userId', op: 'eq', values: [entity.id] }], client: [] } }
      : entity.secondary
        ? { category: category('signIns.servicePrincipal'), model: { time: { kind: 'last', hours: 168 }, clauses: [{ field: 'appId', op: 'eq', values: [entity.secondary] }], client: [] } }
        : undefined;
  }
  return entity.subject === 'users' ? { category: category('riskDetections'), model: { time: { kind: 'all' }, clauses: [{ field: 'userId', op: 'eq', values: [entity.id], valueLabel: entity.name }], client: [] } } : undefined;
}

function runFor(deps: TriageViewDeps, { id, what }: { id: string; what: 'signIns' | 'detections' }): Command {
  return {
    id,
    run: async (clicked?: unknown, selected?: unknown) => {
      const holder = selectedHolders(clicked, selected)[0];
      const entity = holder?.entities()[0];
      const q = entity ? queryFor(entity, what) : undefined;
      if (!holder || !q) return undefined;
      return deps.runner.start(holder.tenant, q.category, q.model);
    },
  };
}

export function showTriageSignInsCommand(deps: TriageViewDeps): Command {
  return runFor(deps, { id: 'identityLogs.triage.showSignIns', what: 'signIns' });
}

export function showTriageDetectionsCommand(deps: TriageViewDeps): Command {
  return runFor(deps, { id: 'identityLogs.triage.showRiskDetections', what: 'detections' });
}

/** Copies the UPNs (app ids for service principals) of the selection, one per line. */
export function copyTriageUpnCommand(): Command {
  return {
    id: 'identityLogs.triage.copyUpn',
    run: async (clicked?: unknown, selected?: unknown) => {
      const values = chosenEntities(clicked, selected)
        .map((e) => e.secondary)
        .filter(Boolean);
      if (values.length === 0) return undefined;
      await vscode.env.clipboard.writeText(values.join('\n'));
      vscode.window.setStatusBarMessage(`Copied ${values.length === 1 ? values[0] : `${values.length} UPNs`}`, 3000);
      return values;
    },
  };
}

export function runTriageExampleCommand(deps: TriageViewDeps): Command {
  return {
    id: 'identityLogs.triage.runExample',
    run: async (arg?: unknown) => {
      const example = TRIAGE_EXAMPLES.find((x) => x.id === arg) ?? (await vscode.window.showQuickPick(TRIAGE_EXAMPLES.map((x) => ({ label: x.label, detail: x.filterText, x })), { placeHolder: 'Which example query?' }))?.x;
      const tenant = deps.selection.tenant() ?? (await resolveTenant(deps.store, undefined, 'run an example query'));
      if (!example || !tenant) return undefined;
      return deps.runner.start(tenant, category(example.category), example.model);
    },
  };
}
