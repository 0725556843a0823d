import { showError } from '../../ui/showError';
import { type TenantContext } from '../../tenants/tenantContext';
import { type O365Subscriptions } from '../../o365/o365Subscriptions';
import { defineCommand } from '../command';
import { type ContentTarget, contentTargetArg } from './args';

/** "Stop Subscription", after a confirmation: starting again is throttled and slow. */
export function stopSubscriptionCommand(deps: TenantContext, o365: O365Subscriptions) {
  return defineCommand({
    id: 'identityLogs.o365.stopSubscription',
    args: contentTargetArg(deps.store),
    run: async (t: ContentTarget, { prompter }): Promise<boolean> => {
      const stop = await prompter.confirm({
        message: `Stop the ${t.contentType} subscription of ${t.tenant.displayName}?`,
        detail: 'Content stops being made available to this publisher. Starting it again later is throttled to once per 15 minutes, and new content can take up to 12 hours to appear.',
        action: 'Stop Subscription',
      });
      if (!stop) return false;
      try {
        await (await o365.api(t.tenant)).stop(t.contentType);
        return true;
      } catch (e) {
        await showError(deps.log, deps.channel, `Could not stop ${t.contentType}`, e);
        return false;
      } finally {
        await o365.refresh(t.tenant);
      }
    },
  });
}
