import * as vscode from 'vscode';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { type TenantContext } from '../tenants/tenantContext';
import { withDeviceCodeUi } from '../ui/deviceCode';
import { type Prompter } from '../ui/prompter';
import { showError } from '../ui/showError';
import { askCertificate, askClientSecret } from './credentialInput';

/** How to get the credential: asked through the prompter, or known already (the demo tenant's own app). */
export interface SignInOptions {
  readonly prompter: Prompter;
  readonly secret?: string;
  /** The question's title: Add Tenant shows it as its last step. */
  readonly askTitle?: string;
}

const withProgress = <T>(title: string, task: () => Promise<T>): Thenable<T> => vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${title}…` }, task);

/**
 * Signs a tenant in the way it is configured, asking for what is needed, and reports failures with
 * the shared diagnostics. Resolves true when the tenant ends up signed in.
 */
export async function signInTenant(deps: TenantContext, tenant: TenantConfig, options: SignInOptions): Promise<boolean> {
  const title = `Sign in to ${tenant.displayName}`;
  const askTitle = options.askTitle ?? title;
  const { prompter } = options;
  try {
    if (tenant.signInKind === 'deviceCode') {
      await withDeviceCodeUi(title, (show, token) => deps.sessions.signInWithDeviceCode(tenant, show, token));
    } else if (options.secret === undefined && (await withProgress(title, () => deps.sessions.signInWithStored(tenant)))) {
      // A secret or key kept from an attempt that failed on the network, not on the credential.
      deps.log.info(`Signed in to ${tenant.displayName} with the stored credential.`);
    } else if (tenant.signInKind === 'clientSecret') {
      const secret = options.secret ?? (await askClientSecret(prompter, askTitle));
      if (!secret) return false;
      deps.log.addSecret(secret);
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${title}…` }, () => deps.sessions.signInWithSecretOrKey(tenant, secret));
    } else {
      const cert = await askCertificate(prompter, askTitle);
      if (!cert) return false;
      let current = tenant;
      if (tenant.certificateThumbprint !== cert.thumbprintSha256) {
        current = { ...tenant, certificateThumbprint: cert.thumbprintSha256 };
        await deps.store.upsert(current);
      }
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${title}…` }, () => deps.sessions.signInWithSecretOrKey(current, cert.privateKeyPem));
    }
  } catch (e) {
    if (typeof e === 'object' && e !== null && /cancel/i.test(String((e as { errorCode?: string }).errorCode ?? ''))) {
      deps.log.info(`Sign-in to ${tenant.displayName} was cancelled.`);
      await deps.sessions.refresh(tenant);
      return false;
    }
    await showError(deps.log, deps.channel, `Could not sign in to ${tenant.displayName}`, e);
    return false;
  }
  void vscode.window.showInformationMessage(`Signed in to ${tenant.displayName}.`);
  return true;
}
