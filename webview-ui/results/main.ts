/**
 * The results panel's app: it holds the rows as they stream in, the filters, the sort and the
 * columns, talks to the host, and composes the toolbar, the filters, the Columns chooser and the
 * virtual grid (each a component of its own, in this folder).
 */
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { type ColumnInfo, type ExportInfo, type FacetInfo, type HistogramInfo, type InitInfo, MAX_WINDOW, type ProgressInfo, type ResultsNotifications, type ResultsRequests, type RowData, type ViewInfo } from '../../src/webview/results/protocol';
import { HostConnection } from '../shared/hostConnection';
import { statusColors } from '../shared/statusColors';
import './facets';
import './histogram';
import './filters';
import './toolbar';
import './grid';
import { describeFilters, type FieldFilter, type RowFilters, type SortState, type TimeFilter } from './model';
import { RowWindows } from './rowWindows';
import { type HostRequest } from './toolbar';

/**
 * What VS Code's row menu (webview/context in package.json) learns about a right-clicked cell:
 * ids only, and which pivots apply; the host looks the record up. The browser's own
 * Cut/Copy/Paste items are left out: they did nothing useful on a grid.
 */
function rowMenuContext(row: RowData, columnId: string): string {
  return JSON.stringify({ webviewSection: 'row', rowId: row.id, columnId, hasUser: row.pivots?.user === true, hasIp: row.pivots?.ip === true, hasRisk: row.pivots?.risk === true, hasSession: row.pivots?.session === true, hasAsn: row.pivots?.asn === true, hasCorrelation: row.pivots?.correlation === true, hasToken: row.pivots?.token === true, preventDefaultContextMenuItems: true });
}

@customElement('results-app')
export class ResultsApp extends LitElement {
  static override styles = [statusColors, css`
    :host { display: flex; flex-direction: column; height: 100vh; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
    header { padding: 10px 14px 6px; display: flex; flex-direction: column; gap: 6px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
    .title-row { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; }
    h1 { font-size: 1.15em; font-weight: 600; margin: 0; }
    .query { color: var(--vscode-descriptionForeground); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 70vw; }
    .notice { padding: 4px 8px; border-left: 3px solid var(--vscode-editorWarning-foreground, #cca700); background: var(--vscode-textBlockQuote-background); }
    .notice.warn { color: var(--ile-error); }
  `];

  private readonly host = new HostConnection<ResultsRequests, ResultsNotifications>();
  @state() private info: InitInfo | undefined;
  @state() private progress: ProgressInfo | undefined;
  @state() private view: ViewInfo = { version: 0, total: 0, loaded: 0, policies: [] };
  @state() private visible: string[] = [];
  @state() private widths = new Map<string, number>();
  @state() private sort: SortState | undefined;
  @state() private filters: RowFilters = { text: '', failuresOnly: false, caPolicy: '', caResult: '', reportOnly: false };
  /** The facet columns' top values among the rows in view (the host counts them). */
  @state() private facets: readonly FacetInfo[] = [];
  @state() private histogram: HistogramInfo | null = null;
  @state() private focused = -1;
  @state() private chooserOpen = false;
  @state() private exportInfo: ExportInfo | undefined;
  /** The rows in sight and a margin, fetched from the host by position. */
  private readonly windows = new RowWindows((version, start, count) => void this.host.request('needRows', { version, start, count }), MAX_WINDOW, () => this.rowsArrived++);
  /** Counts arriving blocks: the grid draws again when it changes. */
  @state() private rowsArrived = 0;
  /** The view version a sort or filter change was asked under, until a newer one arrives. */
  @state() private awaitingView: number | undefined;
  private viewTimer: ReturnType<typeof setTimeout> | undefined;

  /** The Columns popup closes on Escape and on a click anywhere outside it (or its button). */
  private readonly closeChooser = (e: Event): void => {
    if (!this.chooserOpen) return;
    if (e instanceof KeyboardEvent) {
      if (e.key !== 'Escape') return;
    } else if (e.composedPath().some((n) => n instanceof HTMLElement && (n.localName === 'column-chooser' || n.classList.contains('columns-button')))) return;
    this.chooserOpen = false;
  };

  constructor() {
    super();
    this.host.on('init', (info) => {
      this.info = info;
      // Ids and the filter only: VS Code writes webview state to disk.
      if (info.persist) this.host.state = info.persist;
      this.visible = info.visibleColumns.filter((id) => info.columns.some((c) => c.id === id));
      this.widths = new Map(info.columns.map((c) => [c.id, c.width]));
      this.filters = info.clientFilters;
    });
    this.host.on('view', (view) => {
      if (this.awaitingView !== undefined && view.version > this.awaitingView) this.awaitingView = undefined;
      this.windows.setView(view.version, view.total, view.coming);
      this.view = view;
      if (view.facets) this.facets = view.facets;
      if (view.histogram !== undefined) this.histogram = view.histogram;
      if (this.focused >= view.total) this.focused = view.total - 1;
    });
    this.host.on('window', (w) => this.windows.receive(w));
    this.host.on('progress', (p) => (this.progress = p));
    this.host.on('exportState', (e) => (this.exportInfo = e));
    this.host.ready();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.closeChooser);
    window.addEventListener('pointerdown', this.closeChooser);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.closeChooser);
    window.removeEventListener('pointerdown', this.closeChooser);
    super.disconnectedCallback();
  }

  /**
   * Asks the host for the view under the new sort or filter: it holds the rows and computes it.
   * Typing in the filter box waits for a pause, so a million rows are not filtered per keystroke.
   */
  private reportView(wait: number): void {
    if (this.viewTimer) clearTimeout(this.viewTimer);
    // Until the host answers with a newer view, the rows in sight are the old order: say so.
    this.awaitingView ??= this.view.version;
    this.viewTimer = setTimeout(() => void this.host.request('viewChanged', { sort: this.sort ?? null, clientFilters: describeFilters(this.filters), filters: this.filters }), wait);
  }

  private get columns(): ColumnInfo[] {
    const all = this.info?.columns ?? [];
    return this.visible.map((id) => all.find((c) => c.id === id)).filter((c): c is ColumnInfo => c !== undefined);
  }

  private ask({ method, params }: HostRequest): void {
    void (this.host.request as (m: string, p: unknown) => Promise<unknown>)(method, params);
  }

  private setSort(id: string): void {
    this.sort = this.sort?.column === id ? { column: id, descending: !this.sort.descending } : { column: id, descending: false };
    this.reportView(0);
  }

  private open(index: number): void {
    const row = this.windows.row(index);
    if (row) void this.host.request('openRow', { id: row.id });
  }

  private copy(index: number): void {
    const row = this.windows.row(index);
    if (row) void this.host.request('copyRow', { id: row.id });
  }

  private toggleColumn(id: string, on: boolean): void {
    const order = (this.info?.columns ?? []).map((c) => c.id);
    const set = new Set(this.visible);
    if (on) set.add(id);
    else if (set.size > 1) set.delete(id);
    this.visible = order.filter((c) => set.has(c));
    void this.host.request('setColumns', { visible: this.visible });
  }

  /** A facet's value clicked: only its rows (replacing a value kept before on the same column). */
  private keepValue(field: FieldFilter): void {
    this.setFilter({ fields: [...(this.filters.fields ?? []).filter((f) => f.column !== field.column), field] });
  }

  private setFilter(patch: Partial<RowFilters>): void {
    this.filters = { ...this.filters, ...patch };
    this.reportView('text' in patch ? 150 : 0);
  }

  /**
   * VS Code reads `data-vscode-context` from the contextmenu event's target and its ancestors, but
   * outside this shadow root the target is this element: so the right-clicked cell's context is put
   * on it just before the event leaves the shadow root.
   */
  private onContextMenu(e: MouseEvent): void {
    const cell = e.composedPath().find((n): n is HTMLElement => n instanceof HTMLElement && n.dataset.row !== undefined);
    const row = cell ? this.windows.row(Number(cell.dataset.row)) : undefined;
    if (row && cell?.dataset.column) this.setAttribute('data-vscode-context', rowMenuContext(row, cell.dataset.column));
    else this.removeAttribute('data-vscode-context');
  }

  private emptyText(): string | undefined {
    const p = this.progress;
    // Only once a page has come back: before that, "no records" would not be true yet.
    if (!(p?.state === 'done' || (p?.state === 'paused' && p.pages > 0))) return undefined;
    return this.view.loaded ? 'No loaded row matches the filters above.' : 'No records match this query.';
  }

  override render(): TemplateResult {
    const info = this.info;
    const message = this.progress?.message;
    return html`<header @host-request=${(e: CustomEvent<HostRequest>) => this.ask(e.detail)}>
        <div class="title-row"><h1>${info ? `${info.categoryLabel} · ${info.tenantName}` : 'Loading…'}</h1><span class="query" title=${info?.filterText ?? ''}>${info?.filterText ?? ''}</span></div>
        <results-toolbar .progress=${this.progress} .shown=${this.view.total} .copyFormats=${info?.copyFormats ?? []} .canSaveQuery=${info?.canSaveQuery === true} .exportHint=${info?.exportHint} .chooserOpen=${this.chooserOpen} .exportInfo=${this.exportInfo} @toggle-columns=${() => (this.chooserOpen = !this.chooserOpen)} @dismiss-export=${() => (this.exportInfo = undefined)}></results-toolbar>
        <results-filters .filters=${this.filters} .isSignIn=${info?.isSignIn === true} .caHidden=${this.progress?.caHidden === true} .policies=${this.view.policies} @filters-change=${(e: CustomEvent<Partial<RowFilters>>) => this.setFilter(e.detail)}></results-filters>
        <results-histogram .histogram=${this.histogram} .kept=${this.filters.time} .oldestMs=${this.view.oldestMs} .more=${this.progress?.more === true} .canQuery=${info?.canQueryRange === true} @keep-time=${(e: CustomEvent<TimeFilter>) => this.setFilter({ time: e.detail })} @query-range=${(e: CustomEvent<TimeFilter>) => void this.host.request('queryRange', { fromMs: e.detail.fromMs, toMs: e.detail.toMs })}></results-histogram>
        <results-facets .facets=${this.facets} .kept=${this.filters.fields ?? []} .total=${this.view.total} @keep-value=${(e: CustomEvent<FieldFilter>) => this.keepValue(e.detail)}></results-facets>
        ${message ? html`<div class="notice ${this.progress?.state === 'failed' ? 'warn' : ''}" role="note">${message}</div>` : nothing}
      </header>
      ${this.chooserOpen && info ? html`<column-chooser .columns=${info.columns} .visible=${this.visible} @toggle-column=${(e: CustomEvent<{ id: string; on: boolean }>) => this.toggleColumn(e.detail.id, e.detail.on)}></column-chooser>` : nothing}
      <results-grid
        .columns=${this.columns}
        .widths=${this.widths}
        .total=${this.view.total}
        .rowAt=${this.windows.rowAt}
        .revision=${this.rowsArrived}
        .busy=${this.awaitingView !== undefined}
        .sort=${this.sort}
        .focused=${this.focused}
        .label=${info?.title ?? 'Results'}
        .emptyText=${this.emptyText()}
        @sort-column=${(e: CustomEvent<string>) => this.setSort(e.detail)}
        @resize-column=${(e: CustomEvent<{ id: string; width: number }>) => (this.widths = new Map(this.widths).set(e.detail.id, e.detail.width))}
        @focus-row=${(e: CustomEvent<number>) => (this.focused = e.detail)}
        @open-row=${(e: CustomEvent<number>) => this.open(e.detail)}
        @copy-row=${(e: CustomEvent<number>) => this.copy(e.detail)}
        @need-rows=${(e: CustomEvent<{ first: number; last: number }>) => this.windows.need(e.detail.first, e.detail.last)}
        @contextmenu=${this.onContextMenu}
      ></results-grid>`;
  }
}
