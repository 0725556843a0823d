import { TRIAGE_EXAMPLES } from '../../../core/triage/examples';
import { resolveTenant } from '../../tenants/pickTenant';
import { defineCommand } from '../command';
import { category, type TriageViewDeps } from './args';

/** One of the view's example queries (risky sign-ins of the last day, …), on the tenant it shows. */
export function runTriageExampleCommand(deps: TriageViewDeps) {
  return defineCommand({
    id: 'identityLogs.triage.runExample',
    args: async ([arg]: readonly unknown[], { prompter }) => {
      const example = TRIAGE_EXAMPLES.find((x) => x.id === arg) ?? (await prompter.pick(TRIAGE_EXAMPLES.map((x) => ({ label: x.label, detail: x.filterText, x })), { placeHolder: 'Which example query?' }))?.x;
      const tenant = example ? (deps.selection.tenant() ?? (await resolveTenant(deps.store, prompter, undefined, 'run an example query'))) : undefined;
      return example && tenant ? { example, tenant } : undefined;
    },
    run: ({ example, tenant }) => deps.runner.start(tenant, category(example.category), example.model),
  });
}
