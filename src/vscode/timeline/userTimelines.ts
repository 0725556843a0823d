/**
 * "Investigate User…": one panel per user and tenant, the user's activity across sources on one
 * time axis (core/timeline). The records stay here; the webview gets text rows and asks for an
 * entry's detail by its place in the list.
 */
import * as vscode from 'vscode';
import { categoryById } from '../../core/catalog/categories';
import { type CategorySpec } from '../../core/catalog/types';
import { type Pacer } from '../../core/http/pacer';
import { type Logger } from '../../core/log/redact';
import { type TenantConfig, targetLabel } from '../../core/tenants/tenantConfig';
import { readTimeline, type TimelineData, type TimelineSubject } from '../../core/timeline/readTimeline';
import { timelineRows, type TimelineSource } from '../../core/timeline/timeline';
import { TIMELINE_REQUESTS, type TimelineNotifications, type TimelineShow } from '../../webview/timeline/protocol';
import { contentTypeOfRecord } from '../../core/o365/contentTypes';
import { o365Category } from '../../core/o365/category';
import { type ManageApi } from '../../core/o365/manageApi';
import { o365Unavailable } from '../o365/o365Subscriptions';
import { workspaceCategory } from '../../core/logAnalytics/category';
import { workspaceTable } from '../../core/logAnalytics/tables';
import { type WorkspaceAccess } from '../../core/timeline/workspaceTimeline';
import { type Workspaces } from '../workspaces/workspaces';
import { asConfigured } from '../query/signInVersion';
import { type TenantSessions } from '../tenants/sessions';
import { webviewHtml, webviewOptions } from '../webviews/html';
import { WebviewHost } from '../webviews/host';

export const TIMELINE_VIEW_TYPE = 'identityLogs.userTimeline';

const graph = (id: string) => () => categoryById(id)!;
/** The report an entry's record belongs to, for its detail panel (an Office 365 record's by its workload). */
const CATEGORY_OF: Readonly<Record<TimelineSource, (record: Record<string, unknown>) => CategorySpec>> = {
  signIns: graph('signIns.interactive'),
  nonInteractive: graph('signIns.nonInteractive'),
  servicePrincipal: graph('signIns.servicePrincipal'),
  managedIdentity: graph('signIns.managedIdentity'),
  auditsBy: graph('directoryAudits'),
  auditsTargeting: graph('directoryAudits'),
  riskDetections: graph('riskDetections'),
  riskHistory: graph('riskyUsers'),
  o365: (record) => o365Category(contentTypeOfRecord(record)),
  // The workspace the request was read from (its record says which).
  graphActivity: (record) => {
    const from = (record.workspaceSource ?? {}) as { workspaceId?: unknown; workspaceName?: unknown };
    return workspaceCategory({ id: String(from.workspaceId ?? ''), name: String(from.workspaceName ?? from.workspaceId ?? '') }, workspaceTable('MicrosoftGraphActivityLogs')!)!;
  },
};

/** Whose timeline, and what its tab and header call it (a UPN, an address, a session of a user). */
export interface TimelineTarget {
  readonly subject: TimelineSubject;
  readonly label: string;
}

export interface UserTimelinesDeps {
  readonly extensionUri: vscode.Uri;
  readonly sessions: TenantSessions;
  readonly pacer: Pacer;
  readonly log: Logger;
  /** The tenant's Office 365 Management API (O365Subscriptions.api). */
  readonly manageApi: (tenant: TenantConfig, signal?: AbortSignal) => Promise<ManageApi>;
  /** The tenant's workspaces (a timeline reads Graph requests from one that receives them). */
  readonly workspaces: Workspaces;
  /** Opens a record's detail panel (RecordDetails.open). */
  readonly openDetail: (tenant: TenantConfig, category: CategorySpec, record: Record<string, unknown>) => Promise<void>;
}

export class UserTimelines implements vscode.Disposable {
  private readonly open = new Map<string, vscode.WebviewPanel>();

  constructor(private readonly deps: UserTimelinesDeps) {}

  /** Shows a user's, an address's or a session's timeline over the last `hours`; resolves once every source has answered. */
  async show(tenant: TenantConfig, target: TimelineTarget, hours: number): Promise<TimelineData | undefined> {
    const key = `${tenant.key}:${JSON.stringify(target.subject).toLowerCase()}:${hours}`;
    this.open.get(key)?.dispose();
    const label = targetLabel(tenant);
    const fake = label ? ` (${label})` : '';
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, `Timeline: ${target.label}${fake}`, vscode.ViewColumn.Active, webviewOptions(this.deps.extensionUri));
    this.open.set(key, panel);
    panel.webview.html = webviewHtml(panel.webview, this.deps.extensionUri, 'timeline', panel.title);
    let data: TimelineData | undefined;
    const nowMs = Date.now();
    const range = { fromMs: nowMs - hours * 3_600_000, toMs: nowMs };
    const base = { user: target.label, tenantName: tenant.displayName + fake, ...range };
    let shown: TimelineShow = { ...base, state: 'reading', sources: [], rows: [], entries: 0 };
    const abort = new AbortController();
    const host = new WebviewHost<typeof TIMELINE_REQUESTS, TimelineNotifications>(panel.webview, TIMELINE_REQUESTS, {
      openEntry: async ({ index }) => {
        const entry = data?.entries[index];
        const record = entry?.ref !== undefined ? data?.records[entry.ref] : undefined;
        if (entry && record) await this.deps.openDetail(tenant, CATEGORY_OF[entry.source](record), record);
      },
      refresh: async () => {
        panel.dispose();
        await this.show(tenant, target, hours);
      },
    }, (why) => this.deps.log.warn(`Timeline panel: ${why}`));
    host.notify('show', shown);
    host.onReady(({ again }) => again && host.notify('show', shown));
    panel.onDidDispose(() => {
      abort.abort();
      host.dispose();
      if (this.open.get(key) === panel) this.open.delete(key);
    });
    try {
      const { client, endpoints } = await this.deps.sessions.apiClient(tenant, this.deps.pacer);
      const unavailable = o365Unavailable(tenant);
      const o365 = unavailable ? { unavailable } : { api: () => this.deps.manageApi(tenant, abort.signal) };
      data = await readTimeline(client, endpoints.graphOrigin, { subject: target.subject, nowMs, ...range }, asConfigured, o365, await this.graphActivity(tenant), abort.signal);
      shown = { ...base, state: 'done', sources: data.sources, rows: timelineRows(data.entries), entries: data.entries.length };
      this.deps.log.info(`Timeline of ${target.label} on ${tenant.displayName}: ${data.sources.map((s) => `${s.source} ${s.state} ${s.count}`).join(', ')}`);
    } catch (e) {
      shown = { ...base, state: 'failed', message: e instanceof Error ? e.message : String(e), sources: [], rows: [], entries: 0 };
    }
    host.notify('show', shown);
    return data;
  }

  /** The workspace a timeline reads Graph requests from: the first that receives them, or why none. */
  private async graphActivity(tenant: TenantConfig): Promise<WorkspaceAccess> {
    const [workspace] = await this.deps.workspaces.receiving(tenant, 'MicrosoftGraphActivityLogs');
    if (!workspace) {
      return { unavailable: this.deps.workspaces.list(tenant.key).length === 0 ? 'no Log Analytics workspace is in the tree (add the one Entra’s diagnostic settings send MicrosoftGraphActivityLogs to)' : 'no workspace in the tree receives MicrosoftGraphActivityLogs (Entra’s diagnostic settings send it to a workspace)' };
    }
    return { api: async () => (await this.deps.workspaces.api(tenant)).api, workspace };
  }

  dispose(): void {
    for (const p of this.open.values()) p.dispose();
    this.open.clear();
  }
}
