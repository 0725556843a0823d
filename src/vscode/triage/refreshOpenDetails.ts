import { categoryById } from '../../core/catalog/categories';
import { type CategorySpec, type GraphCategory } from '../../core/catalog/types';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { type TriageSubject } from '../../core/triage/subjects';
import { type TriageModel } from './triageModel';

/**
 * After a triage action, risky-user detail panels that are open show the new state and history
 * (they would otherwise keep showing what was true before the action).
 */
export function openDetailsRefresher(
  model: Pick<TriageModel, 'entities'>,
  records: { isOpen(tenantKey: string, id: string): boolean },
  open: (tenant: TenantConfig, category: CategorySpec, record: Record<string, unknown>) => Promise<void> | undefined,
): (tenant: TenantConfig, subject: TriageSubject, ids: readonly string[]) => Promise<void> {
  return async (tenant, subject, ids) => {
    if (subject !== 'users') return;
    const riskyUsers = categoryById('riskyUsers') as GraphCategory;
    const wanted = new Set(ids);
    for (const e of model.entities()) if (e.subject === 'users' && wanted.has(e.id) && records.isOpen(tenant.key, e.id)) await open(tenant, riskyUsers, { ...e.record });
  };
}
