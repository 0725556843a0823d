import * as vscode from 'vscode';
import { categoryById } from '../../core/catalog/categories';
import { CategorySpec } from '../../core/catalog/types';
import { signInView } from '../../core/detail/signInView';
import { parseTenantConfigs } from '../../core/tenants/tenantConfig';
import { QueryDeps, startQuery } from '../query/startQuery';
import { saveJsonAs } from './saveJson';
import { SIGN_IN_DETAIL_VIEW_TYPE, SignInDetailPanels } from './signInDetailPanel';

/** Builds the sign-in detail panels and restores them after a reload. */
export function createSignInDetailPanels(deps: QueryDeps): { panels: SignInDetailPanels; registration: vscode.Disposable } {
  const panels = new SignInDetailPanels(deps.extensionUri, {
    runRelated: async (tenant, record, index) => {
      const related = signInView(record).related[index];
      if (!related) return;
      const time = related.hours === 'all' ? { kind: 'all' as const } : typeof related.hours === 'number' ? { kind: 'last' as const, hours: related.hours } : { kind: 'between' as const, from: new Date(related.hours.fromMs).toISOString(), to: new Date(related.hours.toMs).toISOString() };
      await startQuery(deps, tenant, categoryById(related.category) as CategorySpec, { time, clauses: related.clauses.map((c) => ({ ...c, values: [...c.values] })), client: [] });
    },
    diagnose: async (tenant) => {
      await vscode.commands.executeCommand('identityLogs.diagnosePermissions', tenant.key);
    },
    openJson: (title, record) => deps.records.open(title, record),
    saveJson: async (name, record) => {
      const uri = await saveJsonAs(name, record);
      if (uri) vscode.window.setStatusBarMessage(`Saved ${uri.fsPath}`, 3000);
    },
    warn: (m) => deps.log.warn(m),
  });
  const registration = vscode.window.registerWebviewPanelSerializer(SIGN_IN_DETAIL_VIEW_TYPE, {
    deserializeWebviewPanel: async (panel, state: unknown) => {
      // The state comes back from the webview: check it before use.
      const s = state as { tenant?: unknown; record?: unknown } | undefined;
      const [tenant] = parseTenantConfigs([s?.tenant]);
      const record = s?.record;
      if (!tenant || typeof record !== 'object' || record === null || typeof (record as { id?: unknown }).id !== 'string') {
        panel.dispose();
        return;
      }
      panels.attach(panel, { tenant, record: record as Record<string, unknown> });
    },
  });
  return { panels, registration: vscode.Disposable.from(registration, panels) };
}
