import * as vscode from 'vscode';
import { type Prompter } from '../ui/prompter';
import { categoryById, signInCategoryOf } from '../../core/catalog/categories';
import { resultsDocument } from '../../core/export/document';
import { recordHeader } from '../../core/export/header';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { openResultsAsJson, saveResultsAsJson } from '../export/resultsJson';
import { type CategorySpec } from '../../core/catalog/types';
import { relatedModel } from '../../core/detail/pivots';
import { type RelatedQuery } from '../../core/detail/relatedQueries';
import { signInView } from '../../core/detail/signInView';
import { type Pacer } from '../../core/http/pacer';
import { type Logger } from '../../core/log/redact';
import { type RecordDocuments } from '../results/recordDocuments';
import { type TenantSessions } from '../tenants/sessions';
import { type TenantStore } from '../tenants/tenantStore';
import { readable, screenPage } from '../../core/records/untrusted';
import { parseDetailRef, REREAD } from './detailRef';
import { RECORD_DETAIL_VIEW_TYPE, RecordDetailPanels, type RecordKind } from './recordDetailPanel';
import { SIGN_IN_DETAIL_VIEW_TYPE, SignInDetailPanels } from './signInDetailPanel';
import { signInVersion } from '../query/signInVersion';

const RECORD_CATEGORY: Readonly<Record<RecordKind, string | undefined>> = { directoryAudit: 'directoryAudits', riskDetection: 'riskDetections', riskyUser: 'riskyUsers', provisioning: 'provisioning', o365Record: undefined, graphActivity: undefined };
/** Where a token leads from a Graph request: the requests made with it, the sign-in that issued it. */
const TOKEN_COMMAND = { tokenActivity: 'identityLogs.tokenGraphActivity', tokenSignIn: 'identityLogs.tokenSignIn' } as const;

/** What a JSON document of a record no Graph report serves says it holds. */
const OTHER_RECORD = {
  o365Record: { id: 'o365', label: 'Office 365 audit record', endpoint: 'Office 365 Management Activity API' },
  graphActivity: { id: 'graphActivity', label: 'Microsoft Graph activity record', endpoint: 'Log Analytics query API · MicrosoftGraphActivityLogs' },
} as const;

export interface RecordDetailsDeps {
  readonly extensionUri: vscode.Uri;
  readonly store: TenantStore;
  readonly log: Logger;
  readonly sessions: TenantSessions;
  readonly pacer: Pacer;
  readonly records: RecordDocuments;
  readonly state: vscode.Memento;
  readonly extensionVersion: string;
  /** Asks where a Save as JSON goes. */
  readonly prompter: Prompter;
}

/**
 * The detail panels (sign-in, and audit, risk, provisioning and Office 365 records): opens the one
 * that fits a record, and restores them after a reload. A sign-in's "Related" queries go through
 * the Run Query command, so this service needs no query service.
 */
export class RecordDetails implements vscode.Disposable {
  readonly signIns: SignInDetailPanels;
  readonly records: RecordDetailPanels;
  private readonly registration: vscode.Disposable;

  constructor(private readonly deps: RecordDetailsDeps) {
    ({ panels: this.signIns, records: this.records } = createDetailPanels(deps));
    const restore = { deserializeWebviewPanel: (panel: vscode.WebviewPanel, state: unknown) => this.restore(panel, state) };
    this.registration = vscode.Disposable.from(
      vscode.window.registerWebviewPanelSerializer(SIGN_IN_DETAIL_VIEW_TYPE, restore),
      vscode.window.registerWebviewPanelSerializer(RECORD_DETAIL_VIEW_TYPE, restore),
      this.signIns,
      this.records,
    );
  }

  /** Opens the detail panel that fits a record's category; a risky user's history is read first. */
  async open(tenant: TenantConfig, category: CategorySpec, record: Record<string, unknown>): Promise<void> {
    switch (category.id) {
      case 'directoryAudits':
        this.records.show({ tenant, kind: 'directoryAudit', record });
        return;
      case 'provisioning':
        this.records.show({ tenant, kind: 'provisioning', record });
        return;
      case 'riskDetections':
        this.records.show({ tenant, kind: 'riskDetection', record });
        return;
      case 'o365':
        this.records.show({ tenant, kind: 'o365Record', record });
        return;
      case 'graphActivity':
        this.records.show({ tenant, kind: 'graphActivity', record });
        return;
      case 'riskyUsers':
        this.records.show({ tenant, kind: 'riskyUser', record, history: await this.riskyUserHistory(tenant, record) });
        return;
      default:
        this.signIns.show(tenant, record);
    }
  }

  /** Which of these sign-ins have a detail panel open in this tenant. */
  signInsOpen(tenantKey: string, requestIds: readonly string[]): string[] {
    return requestIds.filter((id) => this.signIns.isOpen(tenantKey, id));
  }

  /** Sign-ins read again (after a verdict) shown in their open panels. */
  showNewerSignIns(tenantKey: string, records: readonly Record<string, unknown>[]): void {
    for (const record of records) if (typeof record.id === 'string' && this.signIns.isOpen(tenantKey, record.id)) this.signIns.update(tenantKey, record);
  }

  private async riskyUserHistory(tenant: TenantConfig, record: Record<string, unknown>): Promise<Record<string, unknown>[] | undefined> {
    try {
      const { client, endpoints } = await this.deps.sessions.apiClient(tenant, this.deps.pacer);
      const res = await client.request(`${endpoints.graphOrigin}/v1.0/identityProtection/riskyUsers/${encodeURIComponent(String(record.id))}/history`, { resource: 'graph', limit: 'identityProtection' });
      const value = (res.body as { value?: unknown })?.value;
      return Array.isArray(value) ? (value as Record<string, unknown>[]) : undefined;
    } catch (e) {
      this.deps.log.warn(`Could not read the history of risky user ${String(record.id)}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  /**
   * A detail tab after a window reload: its state names the record (detailRef.ts), which is read
   * again from the service. A tab whose tenant is gone, whose record cannot be read again (Office 365
   * records, a network failure) closes, and the log says why.
   */
  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const ref = parseDetailRef(state);
    const tenant = ref ? this.deps.store.get(ref.tenantKey) : undefined;
    const reread = ref ? REREAD[ref.kind] : undefined;
    if (!ref || !tenant || !reread) {
      this.deps.log.info(`A detail tab from before the reload was closed: ${!ref ? 'it named no record' : !tenant ? 'its tenant is no longer here' : 'this kind of record cannot be read again, and its text is not kept on disk'}.`);
      panel.dispose();
      return;
    }
    try {
      const { client, endpoints } = await this.deps.sessions.apiClient(tenant, this.deps.pacer);
      const res = await client.request(`${endpoints.graphOrigin}/${ref.kind === 'signIn' ? signInVersion() : 'v1.0'}/${reread.path}/${encodeURIComponent(ref.id)}`, { resource: 'graph', limit: reread.limit });
      const record = readable(screenPage([res.body]).records)[0];
      if (!record) throw new Error('the service returned no readable record');
      if (ref.kind === 'signIn') this.signIns.attach(panel, { tenant, record });
      else this.records.attach(panel, { tenant, kind: ref.kind, record, history: ref.kind === 'riskyUser' ? await this.riskyUserHistory(tenant, record) : undefined });
    } catch (e) {
      this.deps.log.warn(`A ${ref.kind} tab from before the reload was closed: ${ref.id} could not be read again (${e instanceof Error ? e.message : String(e)}).`);
      panel.dispose();
    }
  }

  dispose(): void {
    this.registration.dispose();
  }
}

function createDetailPanels(deps: RecordDetailsDeps): { panels: SignInDetailPanels; records: RecordDetailPanels } {
  // A record is opened and saved in the same document shape as a results list, with one row.
  const documentOf = (tenant: TenantConfig, kind: RecordKind | 'signIn', record: Record<string, unknown>) => {
    const id = RECORD_CATEGORY[kind as RecordKind];
    const category = kind === 'signIn' ? signInCategoryOf(record) : id ? categoryById(id) : undefined;
    return resultsDocument(recordHeader(tenant, category ?? (kind === 'graphActivity' ? OTHER_RECORD.graphActivity : OTHER_RECORD.o365Record), String(record.id ?? record.Id ?? ''), Date.now(), deps.extensionVersion), [record]);
  };
  const save = async (tenant: TenantConfig, kind: RecordKind | 'signIn', name: string, record: Record<string, unknown>) => {
    const uri = await saveResultsAsJson(deps.state, deps.prompter, documentOf(tenant, kind, record), name);
    if (uri) vscode.window.setStatusBarMessage(`Saved ${uri.fsPath}`, 3000);
  };
  const open = async (tenant: TenantConfig, kind: RecordKind | 'signIn', record: Record<string, unknown>) => {
    await openResultsAsJson(deps.records, `${kind} ${String(record.id ?? record.Id ?? '')}`, documentOf(tenant, kind, record));
  };
  // A related query is a pivot: it opens in its own tab and leaves the report's default alone.
  const runRelated = async (tenant: TenantConfig, related: RelatedQuery) => {
    await vscode.commands.executeCommand('identityLogs.runQuery', { tenantKey: tenant.key, category: related.category, model: relatedModel(related), pivot: true });
  };
  const records = new RecordDetailPanels(deps.extensionUri, {
    openJson: open,
    saveJson: save,
    pivot: async (tenant, pivot) => {
      const a = pivot.action;
      if (a.kind === 'openSignIn') await vscode.commands.executeCommand('identityLogs.openSignInById', { tenantKey: tenant.key, id: a.requestId, asCorrelationId: false });
      else if (a.kind === 'query') await runRelated(tenant, a.query);
      else await vscode.commands.executeCommand(TOKEN_COMMAND[a.kind], { tenantKey: tenant.key, token: a.token, issued: a.issued });
    },
    warn: (m) => deps.log.warn(m),
  });
  const panels = new SignInDetailPanels(deps.extensionUri, {
    runRelated: async (tenant, record, index) => {
      const related = signInView(record).related[index];
      if (related) await runRelated(tenant, related);
    },
    diagnose: async (tenant) => {
      await vscode.commands.executeCommand('identityLogs.diagnosePermissions', tenant.key);
    },
    // A timeline of the week: the user's, the address's, or the session's (each its own command).
    investigate: async (tenant, record, of) => {
      const label = typeof record.userPrincipalName === 'string' && record.userPrincipalName ? { label: record.userPrincipalName } : {};
      const base = { tenantKey: tenant.key, hours: 168 };
      if (of === 'ip') await vscode.commands.executeCommand('identityLogs.investigateIp', { ...base, address: record.ipAddress });
      else if (of === 'session') await vscode.commands.executeCommand('identityLogs.investigateSession', { ...base, userId: record.userId, sessionId: record.sessionId, ...label });
      else await vscode.commands.executeCommand('identityLogs.investigateUser', { ...base, userId: record.userId, ...label });
    },
    tokenActivity: async (tenant, record) => {
      await vscode.commands.executeCommand('identityLogs.tokenGraphActivity', { tenantKey: tenant.key, token: record.uniqueTokenIdentifier, issued: record.createdDateTime });
    },
    // The verdict goes through its command: one path for the panel, the grid's row menu and scripts.
    triage: async (tenant, record, action) => {
      await vscode.commands.executeCommand(`identityLogs.triage.signIn.${action}`, { tenantKey: tenant.key, requestIds: [String(record.id)] });
    },
    openJson: open,
    saveJson: save,
    warn: (m) => deps.log.warn(m),
  });
  return { panels, records };
}
