import * as vscode from 'vscode';
import { cloudById } from '../../../core/clouds';
import { decodeClaims, type TokenClaims } from '../../../core/diagnose/claims';
import { diagnose, summarize } from '../../../core/diagnose/classify';
import { buildReport, type PermissionReport, reportMarkdown } from '../../../core/diagnose/report';
import { type ReportDocuments } from '../../reportView';
import { defineCommand } from '../command';
import { tenantArg } from './args';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { markDiagnosed } from '../../walkthrough/walkthroughProgress';
import { type TenantContext } from '../../tenants/tenantContext';

/** Reads the tenant's tokens and shows, per report, which permission, role or licence is missing. */
export function diagnosePermissionsCommand(deps: TenantContext, reports: ReportDocuments) {
  return defineCommand({
    id: 'identityLogs.diagnosePermissions',
    args: tenantArg(deps.store, 'diagnose permissions'),
    run: (tenant: TenantConfig): Thenable<PermissionReport> => vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Checking permissions of ${tenant.displayName}…` }, async () => {
        let claims: TokenClaims | undefined;
        let manageClaims: TokenClaims | undefined;
        let tokenError: string | undefined;
        let tokenNextStep: string | undefined;
        try {
          const provider = await deps.sessions.tokenProvider(tenant);
          claims = decodeClaims((await provider.getToken('graph')).token);
          if (tenant.signInKind !== 'deviceCode') {
            try {
              manageClaims = decodeClaims((await provider.getToken('manage')).token);
            } catch (e) {
              deps.log.warn(`No Management API token for ${tenant.displayName}: ${summarize(diagnose(e))}`);
            }
          }
        } catch (e) {
          const d = diagnose(e);
          tokenError = d.explanation ? `${d.explanation.title}: ${d.explanation.message} (${d.code})` : summarize(d);
          tokenNextStep = d.explanation?.nextStep;
        }
        const report = buildReport({ tenantName: tenant.displayName, tenant: tenant.tenant, clientId: tenant.clientId, signInKind: tenant.signInKind, cloud: cloudById(tenant.cloud), claims, manageClaims, tokenError, tokenNextStep });
        deps.log.info(`Permission report for ${tenant.displayName}: ${report.claims ? report.checks.map((c) => `${c.requirement.id}=${c.ok ? 'ok' : 'missing ' + c.missingPermissions.join('+')}`).join(', ') : `not checked, no token (${tokenError ?? ''})`}`);
        markDiagnosed(tenant, report.claims !== undefined && report.checks.every((c) => c.ok));
        await reports.show(`Permissions of ${tenant.displayName}`, reportMarkdown(report));
        return report;
      }),
  });
}
