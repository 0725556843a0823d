import { type O365Subscriptions } from '../../o365/o365Subscriptions';
import { type ResultsPanels } from '../../results/resultsPanels';
import { type TenantContext } from '../../tenants/tenantContext';
import { type Command } from '../command';
import { browseContentCommand } from './browseContent';
import { refreshSubscriptionsCommand } from './refreshSubscriptions';
import { startSubscriptionCommand } from './startSubscription';
import { stopSubscriptionCommand } from './stopSubscription';

/** The Office 365 branch: subscriptions and browsing their content. */
export function o365Commands(deps: TenantContext & { readonly panels: ResultsPanels }, o365: O365Subscriptions): Command[] {
  return [startSubscriptionCommand(deps, o365), stopSubscriptionCommand(deps, o365), refreshSubscriptionsCommand(o365), browseContentCommand(deps, o365)];
}
