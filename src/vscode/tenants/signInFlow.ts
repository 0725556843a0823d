import * as vscode from 'vscode';
import { type LoadedCertificate } from '../../core/auth/certificate';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { type TenantContext } from '../tenants/tenantContext';
import { withDeviceCodeUi } from '../ui/deviceCode';
import { showError } from '../ui/showError';
import { askCertificate, askClientSecret } from './credentialInput';

/** A credential supplied up front (commands run by tests or scripts) instead of asked for. */
export type SuppliedCredential = { readonly secret: string } | { readonly certificate: LoadedCertificate };

const withProgress = <T>(title: string, task: () => Promise<T>): Thenable<T> => vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${title}…` }, task);

/**
 * Signs a tenant in the way it is configured, asking for what is needed, and reports failures with
 * the shared diagnostics. Resolves true when the tenant ends up signed in.
 */
export async function signInTenant(deps: TenantContext, tenant: TenantConfig, supplied?: SuppliedCredential, options: { readonly askTitle?: string } = {}): Promise<boolean> {
  const title = `Sign in to ${tenant.displayName}`;
  // The question's title: Add Tenant shows it as its last step.
  const askTitle = options.askTitle ?? title;
  try {
    if (tenant.signInKind === 'deviceCode') {
      await withDeviceCodeUi(title, (show, token) => deps.sessions.signInWithDeviceCode(tenant, show, token));
    } else if (!supplied && (await withProgress(title, () => deps.sessions.signInWithStored(tenant)))) {
      // A secret or key kept from an attempt that failed on the network, not on the credential.
      deps.log.info(`Signed in to ${tenant.displayName} with the stored credential.`);
    } else if (tenant.signInKind === 'clientSecret') {
      const secret = supplied && 'secret' in supplied ? supplied.secret : await askClientSecret(askTitle);
      if (!secret) return false;
      deps.log.addSecret(secret);
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${title}…` }, () => deps.sessions.signInWithSecretOrKey(tenant, secret));
    } else {
      const cert = supplied && 'certificate' in supplied ? supplied.certificate : await askCertificate(askTitle);
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
