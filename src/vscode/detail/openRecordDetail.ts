import { CategorySpec } from '../../core/catalog/types';
import { TenantConfig } from '../../core/tenants/tenantConfig';
import { QueryDeps } from '../query/startQuery';
import { RecordDetailPanels } from './recordDetailPanel';
import { SignInDetailPanels } from './signInDetailPanel';

/** Opens the detail panel that fits a record's category; a risky user's history is read first. */
export async function openRecordDetail(deps: QueryDeps, panels: { panels: SignInDetailPanels; records: RecordDetailPanels }, tenant: TenantConfig, category: CategorySpec, record: Record<string, unknown>): Promise<void> {
  switch (category.id) {
    case 'directoryAudits':
      panels.records.show({ tenant, kind: 'directoryAudit', record });
      return;
    case 'provisioning':
      panels.records.show({ tenant, kind: 'provisioning', record });
      return;
    case 'riskDetections':
      panels.records.show({ tenant, kind: 'riskDetection', record });
      return;
    case 'o365':
      panels.records.show({ tenant, kind: 'o365Record', record });
      return;
    case 'riskyUsers': {
      let history: Record<string, unknown>[] | undefined;
      try {
        const { client, endpoints } = await deps.sessions.apiClient(tenant, deps.pacer);
        const res = await client.request(`${endpoints.graphOrigin}/v1.0/identityProtection/riskyUsers/${encodeURIComponent(String(record.id))}/history`, { resource: 'graph', limit: 'identityProtection' });
        const value = (res.body as { value?: unknown })?.value;
        history = Array.isArray(value) ? (value as Record<string, unknown>[]) : undefined;
      } catch (e) {
        deps.log.warn(`Could not read the history of risky user ${String(record.id)}: ${e instanceof Error ? e.message : String(e)}`);
      }
      panels.records.show({ tenant, kind: 'riskyUser', record, history });
      return;
    }
    default:
      panels.panels.show(tenant, record);
  }
}
