import * as vscode from 'vscode';
import { signInView } from '../../core/detail/signInView';
import { targetLabel, type TenantConfig } from '../../core/tenants/tenantConfig';
import { type DetailNotifications, DETAIL_REQUESTS } from '../../webview/signInDetail/protocol';
import { webviewHtml, webviewOptions } from '../webviews/html';
import { WebviewHost } from '../webviews/host';
import { type TriageAction } from '../../core/triage/subjects';
import { detailRef } from './detailRef';

export const SIGN_IN_DETAIL_VIEW_TYPE = 'identityLogs.signInDetail';

export interface SignInDetailActions {
  readonly runRelated: (tenant: TenantConfig, record: Record<string, unknown>, index: number) => Promise<void>;
  readonly diagnose: (tenant: TenantConfig) => Promise<void>;
  readonly investigate: (tenant: TenantConfig, record: Record<string, unknown>, of: 'user' | 'ip' | 'session') => Promise<void>;
  readonly tokenActivity: (tenant: TenantConfig, record: Record<string, unknown>) => Promise<void>;
  readonly triage: (tenant: TenantConfig, record: Record<string, unknown>, action: TriageAction) => Promise<void>;
  readonly openJson: (tenant: TenantConfig, kind: 'signIn', record: Record<string, unknown>) => Promise<void>;
  readonly saveJson: (tenant: TenantConfig, kind: 'signIn', name: string, record: Record<string, unknown>) => Promise<void>;
  readonly warn: (message: string) => void;
}

/** What a panel shows. Only a reference to it is persisted (see detailRef.ts). */
export interface SignInDetailState {
  readonly tenant: TenantConfig;
  readonly record: Record<string, unknown>;
}

const CA_HIDDEN = 'Conditional access details are hidden: the app needs Policy.Read.All (or, for delegated sign-in, a conditional-access reader role such as Security Reader or Global Reader). Graph leaves the policies out instead of saying so; that does not mean no policy applied.';

/** One panel per sign-in id, reused when the same sign-in is opened again. */
export class SignInDetailPanels implements vscode.Disposable {
  private readonly open = new Map<string, vscode.WebviewPanel>();
  /** Shows a newer copy of the record in the open panel (after a triage verdict). */
  private readonly updaters = new Map<string, (record: Record<string, unknown>) => void>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly actions: SignInDetailActions,
  ) {}

  show(tenant: TenantConfig, record: Record<string, unknown>): vscode.WebviewPanel {
    const id = `${tenant.key}:${String(record.id)}`;
    const existing = this.open.get(id);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(SIGN_IN_DETAIL_VIEW_TYPE, 'Sign-in', vscode.ViewColumn.Active, webviewOptions(this.extensionUri));
    this.attach(panel, { tenant, record });
    return panel;
  }

  isOpen(tenantKey: string, id: string): boolean {
    return this.open.has(`${tenantKey}:${id}`);
  }

  /** The open panel of this sign-in, if any, shows `record` from now on. */
  update(tenantKey: string, record: Record<string, unknown>): void {
    this.updaters.get(`${tenantKey}:${String(record.id)}`)?.(record);
  }

  /** Wires a panel, new or restored after a reload. */
  attach(panel: vscode.WebviewPanel, initial: SignInDetailState): void {
    let state = initial;
    let view = signInView(state.record);
    const id = `${state.tenant.key}:${view.id}`;
    this.open.set(id, panel);
    const label = targetLabel(state.tenant);
    const fake = label ? ` (${label})` : '';
    panel.title = `${view.outcome === 'success' ? 'Sign-in' : view.outcome === 'interrupted' ? 'Interrupted sign-in' : 'Failed sign-in'}: ${view.user || view.id}${fake}`;
    panel.webview.options = webviewOptions(this.extensionUri);
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, 'signin-detail', panel.title);
    const host = new WebviewHost<typeof DETAIL_REQUESTS, DetailNotifications>(panel.webview, DETAIL_REQUESTS, {
      copy: async ({ text }) => {
        await vscode.env.clipboard.writeText(text);
        vscode.window.setStatusBarMessage('Copied.', 2000);
      },
      runRelated: ({ index }) => this.actions.runRelated(state.tenant, state.record, index),
      diagnose: () => this.actions.diagnose(state.tenant),
      investigate: ({ of }) => this.actions.investigate(state.tenant, state.record, of),
      tokenActivity: () => this.actions.tokenActivity(state.tenant, state.record),
      triage: ({ action }) => this.actions.triage(state.tenant, state.record, action),
      openJson: () => this.actions.openJson(state.tenant, 'signIn', state.record),
      saveJson: () => this.actions.saveJson(state.tenant, 'signIn', `sign-in-${view.id}`, state.record),
    }, (why) => this.actions.warn(`Sign-in detail panel: ${why}`));
    const shown = () => ({ view, tenantName: state.tenant.displayName + fake, caHiddenReason: view.policies === undefined ? CA_HIDDEN : undefined, persist: detailRef(state.tenant.key, 'signIn', view.id) });
    host.notify('show', shown());
    // A reloaded webview document shows nothing until it is told again.
    host.onReady(({ again }) => again && host.notify('show', shown()));
    this.updaters.set(id, (record) => {
      state = { ...state, record };
      view = signInView(record);
      host.notify('show', shown());
    });
    panel.onDidDispose(() => {
      host.dispose();
      if (this.open.get(id) === panel) {
        this.open.delete(id);
        this.updaters.delete(id);
      }
    });
  }

  dispose(): void {
    for (const p of this.open.values()) p.dispose();
    this.open.clear();
  }
}
