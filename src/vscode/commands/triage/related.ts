import { type GraphCategory } from '../../../core/catalog/types';
import { type FilterModel } from '../../../core/odata/model';
import { type RiskyEntity } from '../../../core/triage/riskyEntities';
import { type EntityHolder } from '../../tree/triage/entityHolder';
import { firstHolderArg, category, type TriageViewDeps } from './args';
import { defineCommand } from '../command';

type Related = 'signIns' | 'detections';

function queryFor(entity: RiskyEntity, what: Related): { category: GraphCategory; model: FilterModel } | undefined {
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

/** Show Sign-ins, Show Risk Detections: the selected entity's related report. */
function relatedQueryCommand(deps: TriageViewDeps, { id, what }: { id: string; what: Related }) {
  return defineCommand({
    id,
    args: firstHolderArg,
    run: ({ holder, entity }: { holder: EntityHolder; entity: RiskyEntity }) => {
      const q = queryFor(entity, what);
      return q ? deps.runner.start(holder.tenant, q.category, q.model) : undefined;
    },
  });
}

/**
 * "Show Sign-ins": a risky user's interactive sign-ins (a service principal's, by app id) of the
 * last 7 days. "Show Risk Detections": a risky user's detections, all that Graph keeps.
 */
export function relatedQueryCommands(deps: TriageViewDeps) {
  return [relatedQueryCommand(deps, { id: 'identityLogs.triage.showSignIns', what: 'signIns' }), relatedQueryCommand(deps, { id: 'identityLogs.triage.showRiskDetections', what: 'detections' })];
}
