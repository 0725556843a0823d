import { defineCommand, NO_ARGS } from '../command';
import { type TriageViewDeps } from './args';

export function refreshTriageCommand(deps: TriageViewDeps) {
  return defineCommand({ id: 'identityLogs.triage.refresh', args: NO_ARGS, run: () => deps.model.reload() });
}
