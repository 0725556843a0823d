import * as vscode from 'vscode';
import { categoryById, signInCategoryOf } from '../../core/catalog/categories';
import { resultsDocument } from '../../core/export/document';
import { recordHeader } from '../../core/export/header';
import { TenantConfig } from '../../core/tenants/tenantConfig';
import { openResultsAsJson, saveResultsAsJson } from '../export/resultsJson';
import { CategorySpec } from '../../core/catalog/types';
import { signInView } from '../../core/detail/signInView';
import { parseTenantConfigs } from '../../core/tenants/tenantConfig';
import { QueryDeps, startQuery } from '../query/startQuery';
import { RECORD_DETAIL_VIEW_TYPE, RecordDetailPanels, RecordKind } from './recordDetailPanel';
import { SIGN_IN_DETAIL_VIEW_TYPE, SignInDetailPanels } from './signInDetailPanel';

const RECORD_KINDS: readonly RecordKind[] = ['directoryAudit', 'riskDetection', 'riskyUser', 'provisioning', 'o365Record'];

const RECORD_CATEGORY: Readonly<Record<RecordKind, string | undefined>> = { directoryAudit: 'directoryAudits', riskDetection: 'riskDetections', riskyUser: 'riskyUsers', provisioning: 'provisioning', o365Record: undefined };
const O365_RECORD = { id: 'o365', label: 'Office 365 audit record', endpoint: 'Office 365 Management Activity API' };

/** Builds the detail panels (sign-in, and audit, risk and provisioning) and restores them after a reload. */
export function createDetailPanels(deps: QueryDeps): { panels: SignInDetailPanels; records: RecordDetailPanels; registration: vscode.Disposable } {
  // A record is opened and saved in the same document shape as a results list, with one row.
  const documentOf = (tenant: TenantConfig, kind: RecordKind | 'signIn', record: Record<string, unknown>) => {
    const id = RECORD_CATEGORY[kind as RecordKind];
    const category = kind === 'signIn' ? signInCategoryOf(record) : id ? categoryById(id) : undefined;
    return resultsDocument(recordHeader(tenant, category ?? O365_RECORD, String(record.id ?? record.Id ?? ''), Date.now(), deps.extensionVersion), [record]);
  };
  const save = async (tenant: TenantConfig, kind: RecordKind | 'signIn', name: string, record: Record<string, unknown>) => {
    const uri = await saveResultsAsJson(deps.state, documentOf(tenant, kind, record), name);
    if (uri) vscode.window.setStatusBarMessage(`Saved ${uri.fsPath}`, 3000);
  };
  const open = async (tenant: TenantConfig, kind: RecordKind | 'signIn', record: Record<string, unknown>) => {
    await openResultsAsJson(deps.records, `${kind} ${String(record.id ?? record.Id ?? '')}`, documentOf(tenant, kind, record));
  };
  const records = new RecordDetailPanels(deps.extensionUri, { openJson: open, saveJson: save, warn: (m) => deps.log.warn(m) });
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
    openJson: open,
    saveJson: save,
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
  const recordRegistration = vscode.window.registerWebviewPanelSerializer(RECORD_DETAIL_VIEW_TYPE, {
    deserializeWebviewPanel: async (panel, state: unknown) => {
      const s = state as { tenant?: unknown; kind?: unknown; record?: unknown; history?: unknown } | undefined;
      const [tenant] = parseTenantConfigs([s?.tenant]);
      const kind = RECORD_KINDS.find((k) => k === s?.kind);
      const record = s?.record;
      if (!tenant || !kind || typeof record !== 'object' || record === null) {
        panel.dispose();
        return;
      }
      const history = Array.isArray(s?.history) ? (s.history.filter((h) => typeof h === 'object' && h !== null) as Record<string, unknown>[]) : undefined;
      records.attach(panel, { tenant, kind, record: record as Record<string, unknown>, history });
    },
  });
  return { panels, records, registration: vscode.Disposable.from(registration, recordRegistration, panels, records) };
}
