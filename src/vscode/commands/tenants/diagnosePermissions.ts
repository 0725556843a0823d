import * as vscode from 'vscode';
import { cloudById } from '../../../core/clouds';
import { decodeClaims, type TokenClaims } from '../../../core/diagnose/claims';
import { diagnose, summarize } from '../../../core/diagnose/classify';
import { buildReport, type PermissionReport, reportMarkdown, type WorkspaceCheck } from '../../../core/diagnose/report';
import { WORKSPACE_TABLES } from '../../../core/logAnalytics/tables';
import { type Workspaces } from '../../workspaces/workspaces';
import { type ReportDocuments } from '../../reportView';
import { defineCommand } from '../command';
import { tenantArg } from './args';
import { type TenantConfig } from '../../../core/tenants/tenantConfig';
import { markDiagnosed } from '../../walkthrough/walkthroughProgress';
import { type TenantContext } from '../../tenants/tenantContext';

/** Reads the tenant's tokens and shows, per report, which permission, role or licence is missing. */
/** The tenant's workspaces as Diagnose Permissions reports them: Data.Read in the token, and whether each answers. */
async function checkWorkspaces(deps: TenantContext, workspaces: Workspaces, tenant: TenantConfig): Promise<WorkspaceCheck[] | undefined> {
  const saved = workspaces.list(tenant.key);
  if (saved.length === 0) return undefined;
  let dataRead: boolean | undefined;
  try {
    const claims = decodeClaims((await (await deps.sessions.tokenProvider(tenant)).getToken('logAnalytics')).token);
    dataRead = claims ? (claims.delegated ? claims.scopes : claims.roles).includes('Data.Read') : undefined;
  } catch (e) {
    deps.log.warn(`No Log Analytics token for ${tenant.displayName}: ${summarize(diagnose(e))}`);
  }
  const checks: WorkspaceCheck[] = [];
  for (const w of saved) {
    const state = await workspaces.probe(tenant, w);
    checks.push({
      name: w.name,
      id: w.id,
      dataRead,
      access: state.kind === 'loaded' ? { ok: true, receiving: WORKSPACE_TABLES.map((t) => t.name).filter((n) => state.tables.get(n) === 'receiving') } : state.kind === 'failed' ? { ok: false, code: state.code, summary: state.summary } : { ok: false, code: 'Unknown', summary: 'not checked' },
    });
  }
  return checks;
}

export function diagnosePermissionsCommand(deps: TenantContext, reports: ReportDocuments, workspaces: Workspaces) {
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
        const workspaceChecks = claims ? await checkWorkspaces(deps, workspaces, tenant) : undefined;
        const report = buildReport({ tenantName: tenant.displayName, tenant: tenant.tenant, clientId: tenant.clientId, signInKind: tenant.signInKind, cloud: cloudById(tenant.cloud), claims, manageClaims, tokenError, tokenNextStep, ...(workspaceChecks ? { workspaces: workspaceChecks } : {}) });
        deps.log.info(`Permission report for ${tenant.displayName}: ${report.claims ? report.checks.map((c) => `${c.requirement.id}=${c.ok ? 'ok' : 'missing ' + c.missingPermissions.join('+')}`).join(', ') : `not checked, no token (${tokenError ?? ''})`}`);
        markDiagnosed(tenant, report.claims !== undefined && report.checks.every((c) => c.ok));
        await reports.show(`Permissions of ${tenant.displayName}`, reportMarkdown(report));
        return report;
      }),
  });
}
