import * as vscode from 'vscode';
import { StartThrottledError } from '../../../core/o365/manageApi';
import { showError } from '../../ui/showError';
import { type TenantContext } from '../../tenants/tenantContext';
import { type O365Subscriptions } from '../../o365/o365Subscriptions';
import { defineCommand } from '../command';
import { type ContentTarget, contentTargetArg } from './args';

/** "Start Subscription": Office 365 begins making the content type's content available to this app. */
export function startSubscriptionCommand(deps: TenantContext, o365: O365Subscriptions) {
  return defineCommand({
    id: 'identityLogs.o365.startSubscription',
    args: contentTargetArg(deps.store),
    run: async (t: ContentTarget): Promise<string> => {
      try {
        const r = await (await o365.api(t.tenant)).start(t.contentType);
        void vscode.window.showInformationMessage(
          r.alreadyEnabled ? `${t.contentType} was already subscribed in ${t.tenant.displayName}.` : `Subscribed to ${t.contentType} in ${t.tenant.displayName}. After a first start, content can take up to 12 hours to appear.`,
        );
        return r.alreadyEnabled ? 'alreadyEnabled' : 'started';
      } catch (e) {
        if (e instanceof StartThrottledError) {
          void vscode.window.showWarningMessage(`${t.contentType}: ${e.message}`);
          return 'throttled';
        }
        await showError(deps.log, deps.channel, `Could not start ${t.contentType}`, e);
        return 'failed';
      } finally {
        await o365.refresh(t.tenant);
      }
    },
  });
}
