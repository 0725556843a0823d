import * as vscode from 'vscode';
import { type RiskyEntity } from '../../../core/triage/riskyEntities';
import { type TriageSubject } from '../../../core/triage/subjects';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type EntityHolder, selectedHolders } from '../../tree/triage/entityHolder';
import { type TenantStore } from '../../tenants/tenantStore';
import { type TriageModel } from '../../triage/triageModel';
import { type TriageSelection } from '../../triage/triageSelection';
import { categoryById } from '../../../core/catalog/categories';
import { type GraphCategory } from '../../../core/catalog/types';
import { type RecordDetails } from '../../detail/recordDetails';
import { type QueryRunner } from '../../query/queryRunner';
import { type RecordDocuments } from '../../results/recordDocuments';

/** Risky users or service principals to act on, all of one tenant. */
export interface TriageTargets {
  readonly tenant: TenantConfig;
  readonly entities: readonly RiskyEntity[];
}

/** Without a tree: `{ tenantKey, subject?, ids }` (scripts); the confirmation is asked all the same. */
interface ActionRequest {
  readonly tenantKey: string;
  readonly subject?: TriageSubject;
  readonly ids: readonly string[];
}

function isRequest(arg: unknown): arg is ActionRequest {
  const a = arg as Partial<ActionRequest> | undefined;
  return typeof a === 'object' && a !== null && typeof a.tenantKey === 'string' && Array.isArray(a.ids) && a.ids.every((x) => typeof x === 'string');
}

export interface TriageArgDeps {
  readonly store: TenantStore;
  readonly model: TriageModel;
  readonly selection: TriageSelection;
}

async function fromRequest(deps: TriageArgDeps, req: ActionRequest): Promise<TriageTargets | undefined> {
  const tenant = deps.store.get(req.tenantKey);
  if (!tenant) return undefined;
  if (deps.selection.tenant()?.key !== tenant.key) await deps.selection.setTenant(tenant.key);
  await deps.model.settled();
  const subject = req.subject ?? 'users';
  const known = new Map(deps.model.entities().filter((e) => e.subject === subject).map((e) => [e.id.toLowerCase(), e]));
  const entities = req.ids.map(
    (id): RiskyEntity => known.get(id.toLowerCase()) ?? { subject, id, name: id, secondary: '', riskLevel: 'unknown', riskState: 'unknown', riskDetail: '', updated: '', updatedMs: Number.NaN, isProcessing: false, record: { id } },
  );
  return { tenant, entities };
}

/**
 * What a triage action was run on: the clicked node with the view's selection (VS Code passes
 * both), each group node standing for its members, or a request. Undefined when it names nothing.
 */
export function triageTargetsArg(deps: TriageArgDeps) {
  return async ([clicked, selected]: readonly unknown[]): Promise<TriageTargets | undefined> => {
    if (isRequest(clicked)) return fromRequest(deps, clicked);
    const holders = selectedHolders(clicked, selected);
    const tenant = holders[0] ? deps.store.get(holders[0].tenant.key) : undefined;
    const entities: RiskyEntity[] = [];
    const seen = new Set<string>();
    for (const h of holders) {
      for (const e of h.entities()) {
        const key = `${e.subject}:${e.id}`;
        if (!seen.has(key)) entities.push(e);
        seen.add(key);
      }
    }
    if (tenant && entities.length > 0) return { tenant, entities };
    void vscode.window.showInformationMessage('Select one or more risky users (or a group of them) in the Risky Users view first.');
    return undefined;
  };
}

/** The first node of the view's selection that holds a risky entity (a user, a service principal). */
export function firstHolderArg([clicked, selected]: readonly unknown[]): { holder: EntityHolder; entity: RiskyEntity } | undefined {
  const holder = selectedHolders(clicked, selected)[0];
  const entity = holder?.entities()[0];
  return holder && entity ? { holder, entity } : undefined;
}

/** What the Risky Users view's own commands use. */
export interface TriageViewDeps {
  readonly store: TenantStore;
  readonly model: TriageModel;
  readonly selection: TriageSelection;
  readonly runner: QueryRunner;
  readonly details: RecordDetails;
  readonly records: RecordDocuments;
  readonly extensionVersion: string;
}

/** A Graph report the view opens (its ids are in the catalog: a missing one is a build error, not a user's). */
export const category = (id: string): GraphCategory => categoryById(id) as GraphCategory;
