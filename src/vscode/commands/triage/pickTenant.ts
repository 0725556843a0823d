import { resolveTenant } from '../../tenants/pickTenant';
import { defineCommand } from '../command';
import { type TriageViewDeps } from './args';

/** "Pick Tenant…" in the view title: which tenant's risk to triage (a tenant key skips the list). */
export function pickTriageTenantCommand(deps: TriageViewDeps) {
  return defineCommand({
    id: 'identityLogs.triage.pickTenant',
    args: ([arg]: readonly unknown[]) => (typeof arg === 'string' ? arg : null),
    run: async (given: string | null, { prompter }) => {
      const tenants = deps.store.list();
      let key = given ?? undefined;
      if (!key) {
        if (tenants.length === 0) return resolveTenant(deps.store, prompter, undefined, 'triage risky users');
        const current = deps.selection.tenant()?.key;
        const pick = await prompter.pick(
          tenants.map((t) => ({ label: t.displayName, description: t.tenant, detail: t.key === current ? 'shown now' : undefined, key: t.key })),
          { placeHolder: 'Which tenant’s risky users?' },
        );
        key = pick?.key;
      }
      if (key && deps.store.get(key)) await deps.selection.setTenant(key);
      return deps.selection.tenant();
    },
  });
}
