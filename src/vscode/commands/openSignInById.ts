import * as vscode from 'vscode';
import { categoryById } from '../../core/catalog/categories';
import { CategorySpec } from '../../core/catalog/types';
import { ServiceError } from '../../core/http/serviceError';
import { GUID } from '../../core/odata/literals';
import { TenantConfig } from '../../core/tenants/tenantConfig';
import { SignInDetailPanels } from '../detail/signInDetailPanel';
import { QueryDeps, startQuery } from '../query/startQuery';
import { resolveTenant } from '../tenants/pickTenant';
import { showError } from '../ui/showError';
import { Command } from './command';
import { validateSignInId } from '../../core/detail/signInId';

export interface OpenSignInArgs {
  readonly tenantKey: string;
  readonly id: string;
  readonly asCorrelationId?: boolean;
}

/** Result for callers and tests: what happened. */
export type OpenSignInResult = { readonly kind: 'opened'; readonly panel: vscode.WebviewPanel } | { readonly kind: 'notFound' | 'invalid' | 'failed' | 'cancelled' | 'listed'; readonly message?: string };


/** "Open Sign-in by ID…": a request id opens its detail panel; a correlation id lists its sign-ins. */
export function openSignInByIdCommand(deps: QueryDeps, panels: SignInDetailPanels): Command {
  return {
    id: 'identityLogs.openSignInById',
    run: async (arg?: unknown): Promise<OpenSignInResult> => {
      const args = typeof arg === 'object' && arg !== null && 'id' in arg && 'tenantKey' in arg ? (arg as OpenSignInArgs) : undefined;
      const tenant: TenantConfig | undefined = args ? deps.store.get(args.tenantKey) : await resolveTenant(deps.store, arg, 'open a sign-in');
      if (!tenant) return { kind: 'cancelled' };
      const editor = vscode.window.activeTextEditor;
      const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
      const id = args?.id ?? (await vscode.window.showInputBox({ title: `Open Sign-in by ID · ${tenant.displayName}`, prompt: 'Request id or correlation id of a sign-in (a GUID)', value: GUID.test(selected) ? selected : '', ignoreFocusOut: true, validateInput: validateSignInId }));
      if (id === undefined) return { kind: 'cancelled' };
      const problem = validateSignInId(id);
      if (problem) {
        void vscode.window.showErrorMessage(problem);
        return { kind: 'invalid', message: problem };
      }
      let asCorrelation = args?.asCorrelationId;
      if (asCorrelation === undefined) {
        const pick = await vscode.window.showQuickPick([{ label: 'Request id', description: 'open this one sign-in', correlation: false }, { label: 'Correlation id', description: 'list every sign-in of this flow', correlation: true }], { placeHolder: `What is ${id.trim()}?` });
        if (!pick) return { kind: 'cancelled' };
        asCorrelation = pick.correlation;
      }
      if (asCorrelation) {
        await startQuery(deps, tenant, categoryById('signIns.interactive') as CategorySpec, { time: { kind: 'all' }, clauses: [{ field: 'correlationId', op: 'eq', values: [id.trim().toLowerCase()] }], client: [] });
        return { kind: 'listed' };
      }
      try {
        const { client, endpoints } = await deps.sessions.apiClient(tenant, deps.pacer);
        const res = await client.request(`${endpoints.graphOrigin}/v1.0/auditLogs/signIns/${encodeURIComponent(id.trim().toLowerCase())}`, { resource: 'graph', limit: 'reports' });
        const record = res.body as Record<string, unknown>;
        return { kind: 'opened', panel: panels.show(tenant, record) };
      } catch (e) {
        if (e instanceof ServiceError && e.status === 404) {
          const message = `No sign-in with id ${id.trim()} in ${tenant.displayName} within the retention window (7 days without Entra ID P1, 30 days with P1 or P2).`;
          void vscode.window.showWarningMessage(message);
          return { kind: 'notFound', message };
        }
        await showError(deps.log, deps.channel, `Could not open sign-in ${id.trim()}`, e);
        return { kind: 'failed' };
      }
    },
  };
}
