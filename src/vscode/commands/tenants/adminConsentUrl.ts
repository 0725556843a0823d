import * as vscode from 'vscode';
import { adminConsentUrl, CLOUDS, type CloudId, cloudById } from '../../../core/clouds';
import { validateClientId, validateTenantIdentifier } from '../../../core/tenants/tenantConfig';
import { defineCommand, NO_ARGS } from '../command';
import { type TenantContext } from '../../tenants/tenantContext';

/** Builds the admin-consent link for an app (from a saved tenant, or typed in) and copies it. */
export function adminConsentUrlCommand(deps: TenantContext) {
  return defineCommand({
    id: 'identityLogs.copyAdminConsentUrl',
    args: NO_ARGS,
    run: async (_: true, { prompter }): Promise<string | undefined> => {
      const saved = deps.store.list().filter((t) => t.target === 'cloud');
      let cloud: CloudId | undefined;
      let tenant: string | undefined;
      let clientId: string | undefined;
      if (saved.length > 0) {
        const pick = await prompter.pick([...saved.map((t) => ({ label: t.displayName, description: `${t.tenant} · app ${t.clientId}`, t })), { label: 'Another app…', description: 'type the tenant and application IDs', t: undefined }], { placeHolder: 'Admin consent for which app?' });
        if (!pick) return undefined;
        if (pick.t) [cloud, tenant, clientId] = [pick.t.cloud, pick.t.tenant, pick.t.clientId];
      }
      if (!tenant) {
        const c = await prompter.pick(Object.values(CLOUDS).map((x) => ({ label: x.label, id: x.id })), { placeHolder: 'Which cloud?' });
        if (!c) return undefined;
        cloud = c.id;
        tenant = await prompter.input({ title: 'Admin consent link', prompt: 'Tenant ID or domain', validate: validateTenantIdentifier });
        if (!tenant) return undefined;
        clientId = await prompter.input({ title: 'Admin consent link', prompt: 'Application (client) ID', validate: validateClientId });
        if (!clientId) return undefined;
      }
      const url = adminConsentUrl(cloudById(cloud ?? 'global'), tenant.trim(), (clientId ?? '').trim());
      await vscode.env.clipboard.writeText(url);
      const choice = await vscode.window.showInformationMessage('Copied the admin-consent link. An administrator of the tenant opens it to grant the app’s permissions.', 'Open');
      if (choice === 'Open') await vscode.env.openExternal(vscode.Uri.parse(url));
      return url;
    },
  });
}
