import * as vscode from 'vscode';
import { sourceOf } from '../../core/sources/registry';
import { workspaceTableOf } from '../../core/logAnalytics/category';
import { cellCopyText, rowCopyText } from '../../core/query/copyText';
import { resultsTitle } from '../../core/detail/titles';
import { describeFilters, NO_ROW_FILTERS, type RowFilters } from '../../core/query/rowFilters';
import { isUnreadable, type LogRecord } from '../../core/records/untrusted';
import { type QuerySession, type SessionProgress } from '../../core/query/session';
import { progressMessage } from '../../core/query/progressMessage';
import { showError } from '../ui/showError';
import { type Logger } from '../../core/log/redact';
import { targetLabel } from '../../core/tenants/tenantConfig';
import { type ExportInfo, type InitInfo, type ProgressInfo, type ResultsNotifications, RESULTS_REQUESTS } from '../../webview/results/protocol';
import { type RecordKeeper } from '../../core/records/spillFile';
import { toDisplayRow } from '../../core/query/rows';
import { forecastLoadAll } from '../../core/query/loadForecast';
import { confirmLoadAll, LoadPace } from './loadAll';
import { copyQueryAs, queryOverRange, resultsInit, type ResultsQuery } from './resultsQuery';
import { type Prompter } from '../ui/prompter';
import { webviewHtml, webviewOptions } from '../webviews/html';
import { WebviewHost } from '../webviews/host';
import { type RecordDocuments } from './recordDocuments';
import { type ResultsDocument, resultsDocument } from '../../core/export/document';
import { queryHeader, suggestedBaseName } from '../../core/export/header';
import type { ExportJob } from '../export/exportJobs';
import { mirrorExport } from './exportMirror';
import { showLoadProgress } from './loadProgress';
import { RowStore } from './rowStore';

export interface ResultsPanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: Logger;
  readonly channel: { show(preserveFocus?: boolean): void };
  readonly records: RecordDocuments;
  readonly saveColumns: (visible: readonly string[]) => Promise<void>;
  readonly saveQuery: () => Promise<void>;
  /** Opens a record's detail panel; records without one open as raw JSON. */
  readonly openDetail?: (record: Record<string, unknown>) => Promise<void> | void;
  /** Where the panel keeps its loaded records (a file of its own, deleted when it closes). */
  readonly keeper: RecordKeeper;
  /** Asks before a Load all that would take long (tests answer through a scripted one). */
  readonly prompter: Prompter;
}

export const RESULTS_VIEW_TYPE = 'identityLogs.results';

/** Pages loaded at first and by each "Load more". */
export const PAGES_PER_LOAD = 5;
/**
 * The results panel for one query: it opens as soon as the first page arrives, streams rows into
 * the grid while later pages load, and mirrors progress in a cancellable notification.
 */
export class ResultsPanel implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private readonly host: WebviewHost<typeof RESULTS_REQUESTS, ResultsNotifications>;
  private readonly rows: RowStore;
  private session: QuerySession | undefined;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private clientFilters: readonly string[] = [];
  private rowFilters: RowFilters = NO_ROW_FILTERS;
  private visibleColumns: readonly string[];
  private exportJob: ExportJob | undefined;
  /** Restored after a window reload: nothing loads until the user asks (queries are throttled). */
  private readonly restored: boolean;
  private manifestPath: string | undefined;
  /** What the webview was sent, kept to send again if its document reloads. */
  private readonly init: InitInfo;
  private lastProgress: ProgressInfo | undefined;
  private readonly pace = new LoadPace();
  private lastExport: ExportInfo | undefined;

  constructor(
    private readonly deps: ResultsPanelDeps,
    readonly query: ResultsQuery,
    /** A tab VS Code restored after a window reload, to show this query in again. */
    restored?: vscode.WebviewPanel,
  ) {
    this.visibleColumns = query.visibleColumns;
    this.rows = new RowStore(query.category, deps.log, deps.keeper, (view) => this.host.notify('view', view), (window) => this.host.notify('window', window));
    const label = targetLabel(query.tenant);
    const fake = label ? ` (${label})` : '';
    const title = resultsTitle(query.category.label, query.filterText, `${query.tenant.displayName}${fake}`);
    this.restored = restored !== undefined;
    this.panel = restored ?? vscode.window.createWebviewPanel(RESULTS_VIEW_TYPE, title, vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
    // Title-bar actions that fit only some reports (Run on Workspace…) ask which report has focus.
    const focused = () => void vscode.commands.executeCommand('setContext', 'identityLogs.activeResultsOnWorkspace', workspaceTableOf(query.category) !== undefined);
    focused();
    this.panel.onDidChangeViewState((e) => e.webviewPanel.active && focused());
    this.panel.title = title;
    this.panel.webview.options = webviewOptions(deps.extensionUri);
    this.panel.webview.html = webviewHtml(this.panel.webview, deps.extensionUri, 'results', title);
    this.host = new WebviewHost<typeof RESULTS_REQUESTS, ResultsNotifications>(this.panel.webview, RESULTS_REQUESTS, {
      loadMore: () => void this.load(PAGES_PER_LOAD),
      loadAll: () => this.loadAll(),
      cancel: () => this.session?.cancel(),
      openRow: ({ id }) => this.openRow(id),
      copyRow: async ({ id }) => {
        const text = await this.rowText(id);
        if (text === undefined) return;
        await vscode.env.clipboard.writeText(text);
        vscode.window.setStatusBarMessage('Copied the row (visible columns, tab-separated).', 2500);
      },
      setColumns: ({ visible }) => {
        this.visibleColumns = visible;
        return deps.saveColumns(visible);
      },
      copyAs: ({ format }) => copyQueryAs(query, format),
      saveQuery: () => deps.saveQuery(),
      viewChanged: ({ sort, clientFilters, filters }) => {
        this.clientFilters = clientFilters;
        this.rowFilters = filters;
        this.rows.setView(filters, sort ?? undefined);
      },
      queryRange: async ({ fromMs, toMs }) => {
        await queryOverRange(query, fromMs, toMs);
      },
      needRows: ({ version, start, count }) => {
        const window = this.rows.window(version, start, count);
        // A window of a view that has changed since is not sent: the webview asks again.
        if (window) this.host.notify('window', window);
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
    this.init = resultsInit(query, title, query.tenant.displayName + fake);
    this.startView();
    this.host.notify('init', this.init);
    this.host.onReady(({ again }) => again && this.resend());
  }

  /**
   * The webview's document was reloaded (Developer: Reload Webviews) and shows nothing: send it
   * what it showed; it asks for the rows in sight again. Its sort and filter are gone with it.
   */
  private resend(): void {
    this.host.notify('init', { ...this.init, visibleColumns: this.visibleColumns });
    this.startView();
    if (this.lastProgress) this.host.notify('progress', this.lastProgress);
    if (this.lastExport) this.host.notify('exportState', this.lastExport);
  }

  /** The view a new (or reloaded) grid starts with: the query's own client filter, no sort. */
  private startView(): void {
    this.rowFilters = this.init.clientFilters;
    this.clientFilters = describeFilters(this.rowFilters);
    this.rows.setView(this.rowFilters, undefined);
  }

  attach(session: QuerySession): void {
    this.session = session;
  }

  /** Session listener: rows go to the grid in batches. */
  onRows(records: LogRecord[]): void {
    this.rows.add(records);
  }

  onProgress(p: SessionProgress): void {
    this.rows.settle();
    this.pace.observe(p.state);
    const message = progressMessage(p, { restored: this.restored, caHidden: this.rows.caHidden, unreadable: this.rows.unreadable });
    const info: ProgressInfo = { loaded: p.loaded, pages: p.pages, throttled: p.throttled, retries: p.retries, splits: p.splits, state: p.state, more: p.more, message, caHidden: this.rows.caHidden };
    this.lastProgress = info;
    this.host.notify('progress', info);
    if (p.state === 'failed') void showError(this.deps.log, this.deps.channel, `${this.query.category.label} on ${this.query.tenant.displayName}`, p.error, { tenantKey: this.query.tenant.key });
  }

  /** The most recent load; resolves when it has paused, finished, failed or been cancelled. */
  loading: Promise<void> = Promise.resolve();

  /**
   * Load all, after saying what it would mean when that is a lot: the rows to come and how long at
   * the pace so far, with an export (streamed to files, resumable) offered instead.
   */
  async loadAll(): Promise<void> {
    const forecast = forecastLoadAll({ loaded: this.rows.size, oldestMs: this.rows.oldestMs, range: this.query.range, loadingSeconds: this.pace.seconds });
    const choice = await confirmLoadAll(this.deps.prompter, forecast, sourceOf(this.query.category).exports !== undefined);
    if (choice === 'export') await vscode.commands.executeCommand('identityLogs.export', this);
    else if (choice === 'load') await this.load(Infinity);
  }

  /** Loads more pages under a cancellable progress notification. */
  load(pages: number): Promise<void> {
    const session = this.session;
    if (!session) return Promise.resolve();
    const loading = session.load(pages);
    showLoadProgress(`${this.query.category.label} · ${this.query.tenant.displayName}`, session, loading);
    this.loading = loading;
    return loading;
  }

  /** The loaded rows: which record ids they hold, and records read again (a verdict's) put in their place. */
  get loadedRows(): Pick<RowStore, 'holding' | 'replace'> {
    return this.rows;
  }

  /** A loaded record by its grid row id. */
  record(id: string): Promise<LogRecord | undefined> {
    return this.rows.get(id);
  }

  /** The id of the record a grid row shows (its request id, audit id…), as the service gave it. */
  async recordId(id: string): Promise<string | undefined> {
    const r = await this.rows.get(id);
    return r ? toDisplayRow(this.query.category, r).id : undefined;
  }

  /** A cell's value for Copy (the raw value behind a label). */
  async cellText(id: string, columnId: string): Promise<string | undefined> {
    const r = await this.rows.get(id);
    return r ? cellCopyText(this.query.category, r, columnId) : undefined;
  }

  /** The row's visible cells, tab-separated, in the grid's column order. */
  async rowText(id: string): Promise<string | undefined> {
    const r = await this.rows.get(id);
    return r ? rowCopyText(this.query.category, r, this.visibleColumns) : undefined;
  }

  /** Opens a row's detail panel (or its raw text, for an unreadable record). */
  async openRow(id: string): Promise<void> {
    const record = await this.rows.get(id);
    if (!record) return;
    if (isUnreadable(record)) await this.deps.records.open(`Unreadable record ${record.id.slice(11)}`, record);
    else if (this.deps.openDetail) await this.deps.openDetail(record);
    else await this.deps.records.open(this.query.category.title(record), record);
  }

  progress(): SessionProgress | undefined {
    return this.session?.progress();
  }

  /** The status line the panel shows now (its words for a failure come from the error catalog). */
  shownStatus(): string | undefined {
    return this.lastProgress?.message;
  }

  /** The records loaded so far, in arrival order. */
  loadedRecords(): Promise<LogRecord[]> {
    return this.rows.all();
  }

  /** The first records loaded (samples for an export's columns). */
  firstRecords(n: number): Promise<LogRecord[]> {
    return this.rows.first(n);
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
  async resultsDocument(): Promise<ResultsDocument> {
    const rows = await this.rows.view();
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
    mirrorExport(job, (info) => this.host.notify('exportState', (this.lastExport = info)), (manifestPath) => (this.manifestPath = manifestPath));
  }

  dispose(): void {
    this.session?.cancel();
    this.rows.dispose();
    this.host.dispose();
    this.disposed.fire();
    this.disposed.dispose();
  }
}
