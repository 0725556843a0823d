import { resultsDocument } from '../../../core/export/document';
import { recordHeader } from '../../../core/export/header';
import { type RiskyEntity } from '../../../core/triage/riskyEntities';
import { openResultsAsJson } from '../../export/resultsJson';
import { type EntityHolder } from '../../tree/triage/entityHolder';
import { DetectionNode } from '../../tree/triage/recordNodes';
import { firstHolderArg, category, type TriageViewDeps } from './args';
import { defineCommand } from '../command';

type DetailsTarget = DetectionNode | { holder: EntityHolder; entity: RiskyEntity };

/** The risky-user panel for a user, the risk detection panel for a detection, JSON for a service principal. */
export function openTriageDetailsCommand(deps: TriageViewDeps) {
  return defineCommand({
    id: 'identityLogs.triage.openDetails',
    args: (raw: readonly unknown[]): DetailsTarget | undefined => (raw[0] instanceof DetectionNode ? raw[0] : firstHolderArg(raw)),
    run: async (target: DetailsTarget) => {
      if (target instanceof DetectionNode) {
        await deps.details.open(target.tenant, category('riskDetections'), target.record);
        return;
      }
      const { holder, entity } = target;
      if (entity.subject === 'users') {
        await deps.details.open(holder.tenant, category('riskyUsers'), { ...entity.record });
        return;
      }
      const header = recordHeader(holder.tenant, { id: 'riskyServicePrincipals', label: 'Risky service principal', endpoint: 'v1.0/identityProtection/riskyServicePrincipals' }, entity.id, Date.now(), deps.extensionVersion);
      await openResultsAsJson(deps.records, `Risky service principal ${entity.id}`, resultsDocument(header, [{ ...entity.record }]));
    },
  });
}
