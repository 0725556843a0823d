import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { type O365Subscriptions } from '../../o365/o365Subscriptions';
import { defineCommand } from '../command';

/** Reads the tenant's subscriptions again (the Office 365 branch's refresh button). */
export function refreshSubscriptionsCommand(o365: O365Subscriptions) {
  return defineCommand({
    id: 'identityLogs.o365.refresh',
    args: ([arg]: readonly unknown[]) => (arg as { tenant?: TenantConfig } | undefined)?.tenant,
    run: (tenant: TenantConfig) => o365.refresh(tenant),
  });
}
