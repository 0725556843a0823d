import * as vscode from 'vscode';
import { CategorySpec } from '../../core/catalog/types';
import { curlCommand, graphUrl, powershellCommand } from '../../core/odata/copyAs';
import { FilterModel } from '../../core/odata/model';
import { toDisplayRow } from '../../core/query/rows';
import { resultsTitle } from '../../core/detail/titles';
import { NO_ROW_FILTERS, RowFilters } from '../../core/query/rowFilters';
import { isUnreadable, LogRecord } from '../../core/records/untrusted';
import { QuerySession, SessionProgress } from '../../core/query/session';
import { diagnose, summarize } from '../../core/diagnose/classify';
import { showError } from '../ui/showError';
import { Logger } from '../../core/log/redact';
import { targetLabel, TenantConfig } from '../../core/tenants/tenantConfig';
import { ProgressInfo, ResultsNotifications, ResultsRequests, RESULTS_REQUEST_METHODS, RowData, validResultsParams } from '../../webview/results/protocol';
import { webviewHtml, webviewOptions } from '../webviews/html';
import { WebviewHost } from '../webviews/host';
import { RecordDocuments } from './recordDocuments';
import { ResultsDocument, resultsDocument } from '../../core/export/document';
import { queryHeader, suggestedBaseName } from '../../core/export/header';
import { exportProgressText } from '../../core/export/progressText';
import type { ExportJob, ExportState } from '../export/exportJobs';

export interface ResultsPanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: Logger;
  readonly channel: { show(preserveFocus?: boolean): void };
  readonly records: RecordDocuments;
  readonly saveColumns: (visible: readonly string[]) => Promise<void>;
  readonly saveQuery: () => Promise<void>;
  /** Opens a record's detail panel; records without one open as raw JSON. */
  readonly openDetail?: (record: Record<string, unknown>) => Promise<void> | void;
}

export interface ResultsQuery {
  readonly tenant: TenantConfig;
  readonly category: CategorySpec;
  readonly model: FilterModel;
  /** The full `$filter` (time range included) for "Copy as". */
  readonly filter: string | undefined;
  readonly filterText: string;
  readonly graphOrigin: string;
  readonly visibleColumns: readonly string[];
  /** When the query was sent, and the absolute range its time filter stands for. */
  readonly fetchedAtMs: number;
  readonly range?: { readonly fromMs: number; readonly toMs: number };
  readonly extensionVersion: string;
}

/** Pages loaded at first and by each "Load more". */
export const PAGES_PER_LOAD = 5;

/**
 * The results panel for one query: it opens as soon as the first page arrives, streams rows into
 * the grid while later pages load, and mirrors progress in a cancellable notification.
 */
export class ResultsPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly host: WebviewHost<ResultsRequests, ResultsNotifications>;
  private readonly records = new Map<string, LogRecord>();
  /** Records the service sent that could not be read; shown as such and counted. */
  private unreadable = 0;
  private session: QuerySession | undefined;
  private caHidden = false;
  private progressResolve: (() => void) | undefined;
  private pending: RowData[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  /** The grid's current view when filtered or sorted (ids in order), else null: every loaded row. */
  private viewIds: readonly string[] | null = null;
  private clientFilters: readonly string[] = [];
  private rowFilters: RowFilters = NO_ROW_FILTERS;
  private visibleColumns: readonly string[];
  private exportJob: ExportJob | undefined;
  private manifestPath: string | undefined;

  constructor(
    private readonly deps: ResultsPanelDeps,
    readonly query: ResultsQuery,
  ) {
    this.visibleColumns = query.visibleColumns;
    const label = targetLabel(query.tenant);
    const fake = label ? ` (${label})` : '';
    const title = resultsTitle(query.category.label, query.filterText, `${query.tenant.displayName}${fake}`);
    this.panel = vscode.window.createWebviewPanel('identityLogs.results', title, vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
    this.panel.webview.html = webviewHtml(this.panel.webview, deps.extensionUri, 'results', title);
    this.host = new WebviewHost<ResultsRequests, ResultsNotifications>(this.panel.webview, RESULTS_REQUEST_METHODS, validResultsParams, {
      loadMore: () => void this.load(PAGES_PER_LOAD),
      loadAll: () => void this.load(Infinity),
      cancel: () => this.session?.cancel(),
      openRow: ({ id }) => this.openRow(id),
      copyRow: async ({ id }) => {
        const text = this.rowText(id);
        if (text === undefined) return;
        await vscode.env.clipboard.writeText(text);
        vscode.window.setStatusBarMessage('Copied the row (visible columns, tab-separated).', 2500);
      },
      setColumns: ({ visible }) => {
        this.visibleColumns = visible;
        return deps.saveColumns(visible);
      },
      copyAs: ({ format }) => this.copyAs(format),
      saveQuery: () => deps.saveQuery(),
      viewChanged: ({ ids, clientFilters, filters }) => {
        this.viewIds = ids;
        this.clientFilters = clientFilters;
        this.rowFilters = filters;
      },
      resultsJson: async ({ action }) => {
        await vscode.commands.executeCommand(action === 'open' ? 'identityLogs.openResultsAsJson' : 'identityLogs.saveResultsAsJson', this);
      },
      exportResults: async () => {
        await vscode.commands.executeCommand('identityLogs.export', this);
      },
      cancelExport: () => this.exportJob?.cancel(),
      openManifest: async () => {
        if (this.manifestPath) await vscode.window.showTextDocument(vscode.Uri.file(this.manifestPath));
      },
    }, (why) => deps.log.warn(`Results panel: ${why}`));
    this.panel.onDidDispose(() => this.dispose());
    this.host.notify('init', {
      title,
      categoryLabel: query.category.label,
      tenantName: query.tenant.displayName + fake,
      filterText: query.filterText,
      columns: query.category.columns.map((c) => ({ id: c.id, label: c.label, width: c.width, kind: c.kind })),
      visibleColumns: query.visibleColumns,
      isSignIn: query.category.group === 'Sign-ins',
      graphQuery: query.category.source !== 'o365',
      clientFilters: { failuresOnly: query.model.client.some((c) => c.kind === 'failuresOnly') },
    });
  }

  attach(session: QuerySession): void {
    this.session = session;
  }

  /** Session listener: rows and progress go to the grid, batched so 100k rows stay smooth. */
  onRows(records: LogRecord[]): void {
    for (const r of records) {
      const row = toDisplayRow(this.query.category, r);
      this.records.set(row.id, r);
      if (row.unreadable) {
        this.unreadable++;
        this.deps.log.warn(`An unreadable record in ${this.query.category.label} (${isUnreadable(r) ? r.reason : 'fields could not be shown'}); it is shown as such and kept verbatim in saves and exports.`);
      } else if (this.query.category.group === 'Sign-ins' && !isUnreadable(r) && !('appliedConditionalAccessPolicies' in r) && !this.caHidden) {
        this.caHidden = true;
        this.deps.log.info('Graph left out appliedConditionalAccessPolicies: the caller lacks Policy.Read.All (or a conditional-access reader role).');
      }
      this.pending.push(row);
    }
    this.flushTimer ??= setTimeout(() => this.flush(), 50);
  }

  private flush(): void {
    this.flushTimer = undefined;
    if (this.pending.length === 0) return;
    this.host.notify('rows', { rows: this.pending.splice(0) });
  }

  onProgress(p: SessionProgress): void {
    this.flush();
    const unreadable = this.unreadable > 0 ? `${this.unreadable.toLocaleString('en-US')} record${this.unreadable === 1 ? '' : 's'} could not be read and ${this.unreadable === 1 ? 'is' : 'are'} shown as "Unreadable record" (open one for its text).` : undefined;
    const message = [
      p.incomplete
        ? `Incomplete: ${p.incomplete}`
        : p.state === 'failed'
          ? summarize(diagnose(p.error))
          : this.caHidden
            ? 'Conditional access policies are hidden: Graph leaves them out without Policy.Read.All (or a conditional-access reader role). Run Diagnose Permissions.'
            : undefined,
      unreadable,
    ]
      .filter((m): m is string => m !== undefined)
      .join(' ') || undefined;
    const info: ProgressInfo = { loaded: p.loaded, pages: p.pages, throttled: p.throttled, retries: p.retries, splits: p.splits, state: p.state, more: p.more, message, caHidden: this.caHidden };
    this.host.notify('progress', info);
    if (p.state === 'failed') void showError(this.deps.log, this.deps.channel, `${this.query.category.label} on ${this.query.tenant.displayName}`, p.error, { tenantKey: this.query.tenant.key });
    if (p.state !== 'loading') {
      this.progressResolve?.();
      this.progressResolve = undefined;
    }
  }

  /** The most recent load; resolves when it has paused, finished, failed or been cancelled. */
  loading: Promise<void> = Promise.resolve();

  /** Loads more pages under a cancellable progress notification. */
  load(pages: number): Promise<void> {
    const session = this.session;
    if (!session) return Promise.resolve();
    const loading = session.load(pages);
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${this.query.category.label} · ${this.query.tenant.displayName}`, cancellable: true }, (progress, token) => {
      token.onCancellationRequested(() => session.cancel());
      const tick = setInterval(() => {
        const p = session.progress();
        progress.report({ message: `${p.loaded.toLocaleString('en-US')} loaded, page ${p.pages}${p.throttled ? `, throttled ${p.throttled}×` : ''}` });
      }, 500);
      return loading.finally(() => clearInterval(tick));
    });
    this.loading = loading;
    return loading;
  }

  /** A loaded record by its grid row id. */
  record(id: string): LogRecord | undefined {
    return this.records.get(id);
  }

  /**
   * A cell's value for Copy: the raw value behind a readable label (what Graph and filters use),
   * else the text shown.
   */
  cellText(id: string, columnId: string): string | undefined {
    const r = this.records.get(id);
    if (!r) return undefined;
    const row = toDisplayRow(this.query.category, r);
    return row.raw?.[columnId] ?? row.cells[columnId];
  }

  /** The row's visible cells, tab-separated, in the grid's column order. */
  rowText(id: string): string | undefined {
    const r = this.records.get(id);
    if (!r) return undefined;
    const row = toDisplayRow(this.query.category, r);
    return this.query.category.columns
      .filter((c) => this.visibleColumns.includes(c.id))
      .map((c) => (row.raw?.[c.id] ?? row.cells[c.id] ?? '').replace(/[\t\r\n]+/g, ' '))
      .join('\t');
  }

  /** Opens a row's detail panel (or its raw text, for an unreadable record). */
  openRow(id: string): Promise<void> {
    return this.openRecord(id);
  }

  private async openRecord(id: string): Promise<void> {
    const record = this.records.get(id);
    if (!record) return;
    if (isUnreadable(record)) await this.deps.records.open(`Unreadable record ${record.id.slice(11)}`, record);
    else if (this.deps.openDetail) await this.deps.openDetail(record);
    else await this.deps.records.open(this.query.category.title(record), record);
  }

  private async copyAs(format: 'url' | 'curl' | 'powershell'): Promise<void> {
    const url = graphUrl(this.query.graphOrigin, this.query.category, this.query.filter);
    const text = format === 'url' ? url : format === 'curl' ? curlCommand(url) : powershellCommand(this.query.category, this.query.filter);
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`Copied the query as ${format === 'url' ? 'a Graph URL' : format === 'curl' ? 'curl' : 'Graph PowerShell'}.`, 3000);
  }

  progress(): SessionProgress | undefined {
    return this.session?.progress();
  }

  /** The records loaded so far, in order (for saving as JSON). */
  loadedRecords(): LogRecord[] {
    return [...this.records.values()];
  }

  /** The grid's client-side filters (an export of this panel applies them too). */
  currentFilters(): RowFilters {
    return this.rowFilters;
  }

  /** The grid's columns as the user left them (CSV exports start from these). */
  currentColumns(): readonly string[] {
    return this.visibleColumns;
  }

  /** The rows the grid shows, in its order, as the one JSON document shape with its header. */
  resultsDocument(): ResultsDocument {
    const rows = this.viewIds === null ? this.loadedRecords() : this.viewIds.flatMap((id) => {
          const r = this.records.get(id);
          return r ? [r] : [];
        });
    const q = this.query;
    return resultsDocument(queryHeader({ tenant: q.tenant, category: q.category, filter: q.filter, range: q.range, clientFilters: this.clientFilters, fetchedAtMs: q.fetchedAtMs, extensionVersion: q.extensionVersion }), rows);
  }

  suggestedName(): string {
    return suggestedBaseName(this.query.tenant.displayName, this.query.category.label, this.query.range);
  }

  get active(): boolean {
    return this.panel.active;
  }

  /** Mirrors an export started from this panel: progress while it runs, then how it ended. */
  trackExport(job: ExportJob): void {
    this.exportJob = job;
    this.manifestPath = undefined;
    const name = job.label.split(' → ').pop() ?? '';
    this.host.notify('exportState', { state: 'running', text: `Exporting to ${name}: starting…` });
    job.onState((s: ExportState) => {
      if (s.state === 'running') this.host.notify('exportState', { state: 'running', text: `Exporting to ${name}: ${s.progress ? exportProgressText(s.progress) : 'starting…'}` });
      else if (s.state === 'done') {
        this.manifestPath = s.outcome.manifestPath;
        const m = s.outcome.manifest;
        const text = m.complete
          ? `Exported ${m.rows.toLocaleString('en-US')} rows to ${name}: complete, verified by its manifest.`
          : `Exported ${m.rows.toLocaleString('en-US')} rows to ${name}, but ${m.incompleteWindows.length} time window(s) are incomplete: ${m.incompleteWindows[0]?.reason ?? ''}`;
        this.host.notify('exportState', { state: 'done', text, complete: m.complete });
      } else {
        this.host.notify('exportState', { state: s.state, text: s.state === 'cancelled' ? `Export to ${name} cancelled at ${s.rows.toLocaleString('en-US')} rows. Resume Export continues it.` : `Export to ${name} stopped at ${s.rows.toLocaleString('en-US')} rows: ${s.message}` });
      }
    });
  }

  dispose(): void {
    this.session?.cancel();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.host.dispose();
    this.disposed.fire();
    this.disposed.dispose();
  }
}
