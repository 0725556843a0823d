import * as vscode from 'vscode';
import { categoryById } from '../../core/catalog/categories';
import { type Logger } from '../../core/log/redact';
import { type QueryRunner } from '../query/queryRunner';
import { type TenantStore } from '../tenants/tenantStore';
import { parseModel } from '../query/queryStore';
import { RESULTS_VIEW_TYPE } from './resultsPanel';

/**
 * Results tabs come back after a window reload showing the query they held (report, filter,
 * tenant), ready to run it again with Load more; their rows were never written to disk. A tab whose
 * tenant or query is gone closes, and says why in the log.
 */
export function restoreResultsPanels(deps: { readonly store: TenantStore; readonly log: Logger; readonly runner: QueryRunner }): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(RESULTS_VIEW_TYPE, {
    deserializeWebviewPanel: async (panel, state: unknown) => {
      // The state comes back from the webview: checked before use.
      const s = (typeof state === 'object' && state !== null ? state : {}) as { tenantKey?: unknown; categoryId?: unknown; model?: unknown };
      const tenant = typeof s.tenantKey === 'string' ? deps.store.get(s.tenantKey) : undefined;
      const category = typeof s.categoryId === 'string' ? categoryById(s.categoryId) : undefined;
      const model = parseModel(s.model);
      if (!tenant || !category || !model) {
        deps.log.info('A results tab from before the reload was closed: its tenant or query no longer exists here.');
        panel.dispose();
        return;
      }
      const restored = await deps.runner.start(tenant, category, model, { restored: panel });
      if (!restored) panel.dispose();
    },
  });
}
