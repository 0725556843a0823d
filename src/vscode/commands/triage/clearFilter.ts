import { DEFAULT_TRIAGE_FILTER } from '../../../core/triage/riskyEntities';
import { defineCommand, NO_ARGS } from '../command';
import { type TriageViewDeps } from './args';

export function clearTriageFilterCommand(deps: TriageViewDeps) {
  return defineCommand({ id: 'identityLogs.triage.clearFilter', args: NO_ARGS, run: () => deps.selection.setFilter(DEFAULT_TRIAGE_FILTER) });
}
