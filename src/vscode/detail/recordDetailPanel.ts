import { type Pivot, recordPivots } from '../../core/detail/pivots';
import { shortTitle } from '../../core/detail/titles';
import * as vscode from 'vscode';
import { graphActivityView } from '../../core/detail/graphActivityView';
import { directoryAuditView, o365RecordView, provisioningView, type RecordView, riskDetectionView, riskyUserView } from '../../core/detail/recordView';
import { targetLabel, type TenantConfig } from '../../core/tenants/tenantConfig';
import { RECORD_DETAIL_REQUESTS, type RecordDetailNotifications } from '../../webview/recordDetail/protocol';
import { webviewHtml, webviewOptions } from '../webviews/html';
import { WebviewHost } from '../webviews/host';
import { detailRef } from './detailRef';

export const RECORD_DETAIL_VIEW_TYPE = 'identityLogs.recordDetail';

export type RecordKind = RecordView['kind'];

export interface RecordDetailState {
  readonly tenant: TenantConfig;
  readonly kind: RecordKind;
  readonly record: Record<string, unknown>;
  readonly history?: readonly Record<string, unknown>[];
}

export function recordViewOf(state: RecordDetailState): RecordView {
  switch (state.kind) {
    case 'directoryAudit':
      return directoryAuditView(state.record);
    case 'riskDetection':
      return riskDetectionView(state.record);
    case 'riskyUser':
      return riskyUserView(state.record, state.history);
    case 'o365Record':
      return o365RecordView(state.record);
    case 'graphActivity':
      return graphActivityView(state.record);
    default:
      return provisioningView(state.record);
  }
}

/** Audit, risk and provisioning detail panels: one per record, reused, restored after reload. */
export class RecordDetailPanels implements vscode.Disposable {
  private readonly open = new Map<string, vscode.WebviewPanel>();
  private readonly hosts = new Map<string, vscode.Disposable>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly actions: {
      openJson(tenant: TenantConfig, kind: RecordKind, record: Record<string, unknown>): Promise<void>;
      saveJson(tenant: TenantConfig, kind: RecordKind, name: string, record: Record<string, unknown>): Promise<void>;
      /** Follows one of the record's pivots (recordPivots). */
      pivot(tenant: TenantConfig, pivot: Pivot): Promise<void>;
      warn(m: string): void;
    },
  ) {}

  /** Whether a record's panel is open (triage refreshes those after an action). */
  isOpen(tenantKey: string, id: string): boolean {
    return this.open.has(`${tenantKey}:${id}`);
  }

  /** Opens a record's panel, or shows the given (newer) state in the one already open. */
  show(state: RecordDetailState): vscode.WebviewPanel {
    const existing = this.open.get(`${state.tenant.key}:${String(state.record.id ?? state.record.Id)}`);
    if (existing) {
      this.attach(existing, state);
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(RECORD_DETAIL_VIEW_TYPE, 'Record', vscode.ViewColumn.Active, webviewOptions(this.extensionUri));
    this.attach(panel, state);
    return panel;
  }

  attach(panel: vscode.WebviewPanel, state: RecordDetailState): void {
    const key = `${state.tenant.key}:${String(state.record.id ?? state.record.Id)}`;
    // Shown again with newer data: the earlier host stops listening first.
    this.hosts.get(key)?.dispose();
    this.open.set(key, panel);
    const view = recordViewOf(state);
    const label = targetLabel(state.tenant);
    const fake = label ? ` (${label})` : '';
    // The badge (result, risk state) is in the tab too: a tab says at a glance what state it shows.
    panel.title = `${shortTitle(view.badge ? `${view.title} · ${view.badge.text}` : view.title, 80)}${fake}`;
    panel.webview.options = webviewOptions(this.extensionUri);
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, 'record-detail', panel.title);
    const host = new WebviewHost<typeof RECORD_DETAIL_REQUESTS, RecordDetailNotifications>(panel.webview, RECORD_DETAIL_REQUESTS, {
      copy: async ({ text }) => {
        await vscode.env.clipboard.writeText(text);
        vscode.window.setStatusBarMessage('Copied.', 2000);
      },
      pivot: async ({ index }) => {
        const pivot = pivots[index];
        if (pivot) await this.actions.pivot(state.tenant, pivot);
      },
      openJson: () => this.actions.openJson(state.tenant, state.kind, state.history ? { ...state.record, history: state.history } : state.record),
      saveJson: () => this.actions.saveJson(state.tenant, state.kind, `${state.kind}-${String(state.record.id ?? state.record.Id).slice(0, 40)}`, state.history ? { ...state.record, history: state.history } : state.record),
    }, (why) => this.actions.warn(`Record detail panel: ${why}`));
    const pivots = recordPivots(state.kind, state.record);
    const shown = { view, tenantName: state.tenant.displayName + fake, persist: detailRef(state.tenant.key, state.kind, state.record.id ?? state.record.Id), pivots: pivots.map((p) => p.label) };
    host.notify('show', shown);
    // A reloaded webview document shows nothing until it is told again.
    host.onReady(({ again }) => again && host.notify('show', shown));
    const closed = panel.onDidDispose(() => {
      host.dispose();
      if (this.open.get(key) === panel) this.open.delete(key);
      this.hosts.delete(key);
    });
    this.hosts.set(key, vscode.Disposable.from(host, closed));
  }

  dispose(): void {
    for (const p of this.open.values()) p.dispose();
    this.open.clear();
  }
}
