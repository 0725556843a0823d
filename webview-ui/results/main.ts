/**
 * The results grid: rows stream in while pages load, only the visible rows are in the DOM, columns
 * can be chosen, resized and sorted, and client-side filters cover what Graph cannot filter on.
 * Every value is rendered through Lit text bindings: log data is hostile text, never markup.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { cssProps } from '../shared/cssProps';
import { type ColumnInfo, type ExportInfo, type InitInfo, type ProgressInfo, type ResultsNotifications, type ResultsRequests, type RowData } from '../../src/webview/results/protocol';
import { HostConnection } from '../shared/hostConnection';
import { CA_RESULTS, describeFilters, filterRows, type RowFilters, sortRows, type SortState } from './model';
import { enumLabel } from '../../src/core/catalog/labels';
import { statusColors } from '../shared/statusColors';

const ROW_HEIGHT = 24;
const OVERSCAN = 12;

/**
 * What VS Code's row menu (webview/context in package.json) learns about a right-clicked cell:
 * ids only, and which pivots apply; the host looks the record up. The browser's own
 * Cut/Copy/Paste items are left out: they did nothing useful on a grid.
 */
function rowMenuContext(row: RowData, columnId: string): string {
  return JSON.stringify({ webviewSection: 'row', rowId: row.id, columnId, hasUser: row.pivots?.user === true, hasIp: row.pivots?.ip === true, preventDefaultContextMenuItems: true });
}

class ResultsApp extends LitElement {
  static override styles = [statusColors, css`
    :host { display: flex; flex-direction: column; height: 100vh; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
    header { padding: 10px 14px 6px; display: flex; flex-direction: column; gap: 6px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
    .title-row { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; }
    h1 { font-size: 1.15em; font-weight: 600; margin: 0; }
    .query { color: var(--vscode-descriptionForeground); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 70vw; }
    .bar { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
    .spacer { flex: 1; }
    .status { color: var(--vscode-descriptionForeground); font-variant-numeric: tabular-nums; }
    .status.failed, .notice.warn { color: var(--ile-error); }
    .notice { padding: 4px 8px; border-left: 3px solid var(--vscode-editorWarning-foreground, #cca700); background: var(--vscode-textBlockQuote-background); }
    vscode-textfield { width: 180px; }
    vscode-single-select { width: 160px; }
    vscode-single-select.wide { width: 200px; }
    vscode-single-select.actions { width: 150px; }
    .chooser { position: absolute; right: 14px; top: 80px; z-index: 10; background: var(--vscode-editorWidget-background); border: 1px solid var(--vscode-editorWidget-border, var(--vscode-contrastBorder, #454545)); padding: 8px 12px; display: grid; grid-template-columns: 1fr 1fr; gap: 4px 16px; box-shadow: 0 2px 8px var(--vscode-widget-shadow, rgba(0,0,0,.35)); }
    .grid { flex: 1; overflow: auto; position: relative; outline: none; }
    .grid:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
    .thead { position: sticky; top: 0; z-index: 2; display: flex; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-editorGroup-border, #444); font-weight: 600; }
    .th { position: relative; padding: 0 8px; height: 26px; line-height: 26px; box-sizing: border-box; cursor: pointer; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; user-select: none; }
    .th:hover { background: var(--vscode-list-hoverBackground); }
    .th .resize { position: absolute; right: 0; top: 0; width: 6px; height: 100%; cursor: col-resize; }
    .th .resize:hover { background: var(--vscode-sash-hoverBorder, var(--vscode-focusBorder)); }
    .body { position: relative; }
    .tr { position: absolute; left: 0; display: flex; height: ${ROW_HEIGHT}px; line-height: ${ROW_HEIGHT}px; cursor: default; }
    .tr:nth-child(even) { background: var(--vscode-list-inactiveSelectionBackground, transparent); background: color-mix(in srgb, var(--vscode-foreground) 3%, transparent); }
    .tr:hover { background: var(--vscode-list-hoverBackground); }
    .tr.unreadable .td { font-style: italic; color: var(--vscode-descriptionForeground); }
    .tr.focused { background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); }
    /* The first columns (time, status) stay in view while the grid scrolls sideways. */
    .th.pinned, .td.pinned { position: sticky; z-index: 1; background: var(--vscode-editor-background); }
    .th.pinned { z-index: 3; }
    .pinned.edge { box-shadow: 1px 0 0 var(--vscode-editorGroup-border, #444); }
    .tr:nth-child(even) .td.pinned { background: linear-gradient(color-mix(in srgb, var(--vscode-foreground) 3%, transparent), color-mix(in srgb, var(--vscode-foreground) 3%, transparent)), var(--vscode-editor-background); }
    .tr:hover .td.pinned { background: linear-gradient(var(--vscode-list-hoverBackground), var(--vscode-list-hoverBackground)), var(--vscode-editor-background); }
    .tr.focused .td.pinned { background: linear-gradient(var(--vscode-list-activeSelectionBackground), var(--vscode-list-activeSelectionBackground)), var(--vscode-editor-background); }
    .td { padding: 0 8px; box-sizing: border-box; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; unicode-bidi: isolate; }
    .td.failure { color: var(--ile-error); font-weight: 600; }
    .td.interrupted { color: var(--ile-warning); }
    .td.success { color: var(--ile-success); }
    .empty { padding: 24px; color: var(--vscode-descriptionForeground); }
    .exporting { display: flex; align-items: center; gap: 8px; padding: 4px 8px; border-left: 3px solid var(--vscode-progressBar-background, #0e70c0); background: var(--vscode-textBlockQuote-background); font-variant-numeric: tabular-nums; }
    .exporting.done { border-left-color: var(--vscode-testing-iconPassed, #73c991); }
    .exporting.failed, .exporting.partial { border-left-color: var(--vscode-editorWarning-foreground, #cca700); }
    .exporting .text { flex: 1; }
  `];

  private readonly host = new HostConnection<ResultsRequests, ResultsNotifications>();
  private info: InitInfo | undefined;
  private progress: ProgressInfo | undefined;
  private rows: RowData[] = [];
  private view: RowData[] = [];
  private visible: string[] = [];
  private widths = new Map<string, number>();
  private sort: SortState | undefined;
  private filters: RowFilters = { text: '', failuresOnly: false, caPolicy: '', caResult: '', reportOnly: false };
  private gridScrollTop = 0;
  private viewport = 600;
  private focused = -1;
  private resizing = false;
  private chooserOpen = false;
  private policies: string[] = [];
  private dirty = false;
  private exportInfo: ExportInfo | undefined;
  private viewTimer: ReturnType<typeof setTimeout> | undefined;
  private viewReported = false;

  /** The Columns popup closes on Escape and on a click anywhere outside it (or its button). */
  private readonly closeChooser = (e: Event): void => {
    if (!this.chooserOpen) return;
    if (e instanceof KeyboardEvent) {
      if (e.key !== 'Escape') return;
    } else if (e.composedPath().some((n) => n instanceof HTMLElement && (n.classList.contains('chooser') || n.classList.contains('columns-button')))) return;
    this.chooserOpen = false;
    this.requestUpdate();
  };

  /**
   * VS Code reads `data-vscode-context` from the contextmenu event's target and its ancestors, but
   * outside this shadow root the target is this element: so the right-clicked cell's context is put
   * on it just before the event leaves the shadow root.
   */
  private onContextMenu(e: MouseEvent): void {
    const cell = e.composedPath().find((n): n is HTMLElement => n instanceof HTMLElement && n.dataset.row !== undefined);
    const row = cell ? this.view[Number(cell.dataset.row)] : undefined;
    if (row && cell?.dataset.column) this.setAttribute('data-vscode-context', rowMenuContext(row, cell.dataset.column));
    else this.removeAttribute('data-vscode-context');
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

  constructor() {
    super();
    this.host.on('init', (info) => {
      this.info = info;
      // Ids and the filter only: VS Code writes webview state to disk.
      if (info.persist) this.host.state = info.persist;
      this.visible = info.visibleColumns.filter((id) => info.columns.some((c) => c.id === id));
      for (const c of info.columns) this.widths.set(c.id, c.width);
      this.filters = { ...this.filters, failuresOnly: info.clientFilters.failuresOnly };
      this.requestUpdate();
    });
    this.host.on('rows', ({ rows }) => {
      this.rows.push(...rows);
      for (const r of rows) for (const [name] of r.ca ?? []) if (!this.policies.includes(name)) this.policies.push(name);
      this.schedule();
    });
    this.host.on('progress', (p) => {
      this.progress = p;
      this.requestUpdate();
    });
    this.host.on('exportState', (e) => {
      this.exportInfo = e;
      this.requestUpdate();
    });
    this.host.ready();
  }

  /** Rows arrive in bursts: recompute the view once per frame, not per message. */
  private schedule(): void {
    if (this.dirty) return;
    this.dirty = true;
    requestAnimationFrame(() => {
      this.dirty = false;
      this.recompute();
    });
  }

  private recompute(): void {
    this.view = sortRows(filterRows(this.rows, this.filters), this.sort, this.info?.columns ?? []);
    if (this.focused >= this.view.length) this.focused = this.view.length - 1;
    this.requestUpdate();
    this.reportView();
  }

  /** Tells the host what the grid shows, so saving as JSON saves exactly that (debounced). */
  private reportView(): void {
    const shaped = this.sort !== undefined || describeFilters(this.filters).length > 0;
    if (!shaped && !this.viewReported) return;
    if (this.viewTimer) clearTimeout(this.viewTimer);
    this.viewTimer = setTimeout(() => {
      this.viewReported = shaped;
      void this.host.request('viewChanged', { sort: this.sort ?? null, clientFilters: describeFilters(this.filters), filters: this.filters });
    }, 250);
  }

  private get columns(): ColumnInfo[] {
    const all = this.info?.columns ?? [];
    return this.visible.map((id) => all.find((c) => c.id === id)).filter((c): c is ColumnInfo => c !== undefined);
  }

  private width(c: ColumnInfo): number {
    return this.widths.get(c.id) ?? c.width;
  }

  override firstUpdated(): void {
    const grid = this.renderRoot.querySelector('.grid') as HTMLElement;
    new ResizeObserver(() => {
      this.viewport = grid.clientHeight;
      this.requestUpdate();
    }).observe(grid);
  }

  private onScroll(e: Event): void {
    this.gridScrollTop = (e.target as HTMLElement).scrollTop;
    this.requestUpdate();
  }

  private setSort(id: string): void {
    // The click that ends dragging a resize handle is not a request to sort.
    if (this.resizing) return;
    this.sort = this.sort?.column === id ? { column: id, descending: !this.sort.descending } : { column: id, descending: false };
    this.recompute();
  }

  private startResize(e: PointerEvent, c: ColumnInfo): void {
    e.stopPropagation();
    this.resizing = true;
    const startX = e.clientX;
    const start = this.width(c);
    const move = (m: PointerEvent) => {
      this.widths.set(c.id, Math.max(48, start + m.clientX - startX));
      this.requestUpdate();
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      // The click that follows this pointerup (on the header) comes before any timer.
      setTimeout(() => (this.resizing = false), 0);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }

  private open(index: number): void {
    const row = this.view[index];
    if (row) void this.host.request('openRow', { id: row.id });
  }

  private onKey(e: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.viewport / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    if (e.key in moves) {
      e.preventDefault();
      const next = Math.min(this.view.length - 1, Math.max(0, (this.focused < 0 ? -1 : this.focused) + moves[e.key]));
      this.focused = Number.isFinite(next) ? next : 0;
      const grid = e.currentTarget as HTMLElement;
      const top = this.focused * ROW_HEIGHT;
      const header = 26;
      if (top < grid.scrollTop) grid.scrollTop = top;
      else if (top + ROW_HEIGHT > grid.scrollTop + grid.clientHeight - header) grid.scrollTop = top + ROW_HEIGHT - grid.clientHeight + header;
      this.requestUpdate();
    } else if (e.key === 'Enter' && this.focused >= 0) {
      e.preventDefault();
      this.open(this.focused);
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && this.focused >= 0 && !window.getSelection()?.toString()) {
      // The host copies (it holds the record and the raw values); text the user selected copies as usual.
      e.preventDefault();
      const row = this.view[this.focused];
      if (row) void this.host.request('copyRow', { id: row.id });
    }
  }

  private toggleColumn(id: string, on: boolean): void {
    const order = (this.info?.columns ?? []).map((c) => c.id);
    const set = new Set(this.visible);
    if (on) set.add(id);
    else if (set.size > 1) set.delete(id);
    this.visible = order.filter((c) => set.has(c));
    void this.host.request('setColumns', { visible: this.visible });
    this.requestUpdate();
  }

  private setFilter(patch: Partial<RowFilters>): void {
    this.filters = { ...this.filters, ...patch };
    this.recompute();
  }

  private renderToolbar(): TemplateResult {
    const p = this.progress;
    const loading = p?.state === 'loading';
    const graph = this.info?.graphQuery !== false;
    const status = p
      ? `${this.view.length.toLocaleString('en-US')} shown of ${p.loaded.toLocaleString('en-US')} loaded${p.more ? ' (more available)' : ''} · page ${p.pages}${p.throttled ? ` · throttled ${p.throttled}×` : ''}${p.retries ? ` · ${p.retries} retries` : ''}${p.splits ? ` · split into smaller windows ${p.splits}×` : ''} · ${p.state === 'loading' ? 'loading…' : p.state === 'done' ? 'all loaded' : p.state}`
      : 'Waiting for the first page…';
    return html`<div class="bar">
      <span class="status ${p?.state === 'failed' ? 'failed' : ''}" role="status" aria-live="polite">${status}</span>
      <span class="spacer"></span>
      ${p?.more && !loading ? html`<vscode-button secondary @click=${() => this.host.request('loadMore', {})}>Load more</vscode-button>` : nothing}
      ${p?.more ? html`<vscode-button secondary @click=${() => this.host.request('loadAll', {})}>Load all</vscode-button>` : nothing}
      ${loading ? html`<vscode-button secondary @click=${() => this.host.request('cancel', {})}>Cancel</vscode-button>` : nothing}
      <vscode-button secondary class="columns-button" @click=${() => ((this.chooserOpen = !this.chooserOpen), this.requestUpdate())} aria-expanded=${this.chooserOpen ? 'true' : 'false'}>Columns</vscode-button>
      <vscode-single-select class="actions" aria-label="Save or copy" @change=${(e: Event) => this.action(e)}>
        <vscode-option value="">Save or copy…</vscode-option>
        ${graph ? html`<vscode-option value="saveQuery">Save query in the tree</vscode-option>` : nothing}
        <vscode-option value="openJson">Open results as JSON</vscode-option>
        <vscode-option value="saveJson">Save results as JSON…</vscode-option>
        ${graph
          ? html`<vscode-option value="url">Copy query as Graph URL</vscode-option>
              <vscode-option value="curl">Copy query as curl</vscode-option>
              <vscode-option value="powershell">Copy query as Graph PowerShell</vscode-option>`
          : nothing}
      </vscode-single-select>
      <vscode-button @click=${() => this.host.request('exportResults', {})} title=${graph ? 'Stream the whole query to JSON, NDJSON or CSV files, with a manifest; resumable' : 'Stream this content type, day by day, to JSON, NDJSON or CSV files, with a manifest; resumable'}>Export…</vscode-button>
    </div>`;
  }

  private renderExport(): TemplateResult | typeof nothing {
    const e = this.exportInfo;
    if (!e) return nothing;
    const cls = e.state === 'done' ? (e.complete ? 'done' : 'partial') : e.state === 'running' ? '' : 'failed';
    return html`<div class="exporting ${cls}" role="status" aria-live="polite">
      <span class="text">${e.text}</span>
      ${e.state === 'running' ? html`<vscode-button secondary @click=${() => this.host.request('cancelExport', {})}>Cancel export</vscode-button>` : nothing}
      ${e.state === 'done' ? html`<vscode-button secondary @click=${() => this.host.request('openManifest', {})}>Open manifest</vscode-button>` : nothing}
      ${e.state !== 'running' ? html`<vscode-button secondary @click=${() => ((this.exportInfo = undefined), this.requestUpdate())}>Dismiss</vscode-button>` : nothing}
    </div>`;
  }

  /** One menu for the less frequent actions, so the toolbar stays on one line. */
  private action(e: Event): void {
    const select = e.target as HTMLElement & { value: string };
    const action = select.value;
    select.value = '';
    if (action === 'url' || action === 'curl' || action === 'powershell') void this.host.request('copyAs', { format: action });
    else if (action === 'openJson' || action === 'saveJson') void this.host.request('resultsJson', { action: action === 'openJson' ? 'open' : 'save' });
    else if (action === 'saveQuery') void this.host.request('saveQuery', {});
  }

  private renderFilters(): TemplateResult {
    const info = this.info;
    return html`<div class="bar">
      <vscode-textfield placeholder="Filter loaded rows" aria-label="Filter loaded rows" .value=${this.filters.text} @input=${(e: Event) => this.setFilter({ text: (e.target as HTMLInputElement).value })}></vscode-textfield>
      ${info?.isSignIn
        ? html`<vscode-checkbox label="Failures only" ?checked=${this.filters.failuresOnly} @change=${(e: Event) => this.setFilter({ failuresOnly: (e.target as HTMLInputElement).checked })}></vscode-checkbox>
            ${this.progress?.caHidden
              ? nothing
              : html`<vscode-single-select class="wide" aria-label="Conditional access policy" @change=${(e: Event) => this.setFilter({ caPolicy: (e.target as HTMLInputElement).value })}>
                    <vscode-option value="">Any CA policy</vscode-option>
                    ${this.policies.map((name) => html`<vscode-option value=${name}>${name}</vscode-option>`)}
                  </vscode-single-select>
                  <vscode-single-select aria-label="Conditional access result" @change=${(e: Event) => this.setFilter({ caResult: (e.target as HTMLInputElement).value })}>
                    <vscode-option value="">Any result</vscode-option>
                    ${CA_RESULTS.map((r) => html`<vscode-option value=${r} description=${r}>${enumLabel(r)}</vscode-option>`)}
                  </vscode-single-select>
                  <vscode-checkbox label="Report-only results" ?checked=${this.filters.reportOnly} @change=${(e: Event) => this.setFilter({ reportOnly: (e.target as HTMLInputElement).checked })}></vscode-checkbox>`}`
        : nothing}
    </div>`;
  }

  private renderChooser(): TemplateResult | typeof nothing {
    if (!this.chooserOpen || !this.info) return nothing;
    return html`<div class="chooser" role="group" aria-label="Columns">
      ${this.info.columns.map((c) => html`<vscode-checkbox label=${c.label} ?checked=${this.visible.includes(c.id)} @change=${(e: Event) => this.toggleColumn(c.id, (e.target as HTMLInputElement).checked)}></vscode-checkbox>`)}
    </div>`;
  }

  /** How many leading columns stay in view when scrolling sideways. */
  private static readonly PINNED = 2;

  /** The left offset of each pinned column (the widths of the pinned columns before it). */
  private pinOffsets(cols: readonly ColumnInfo[]): number[] {
    const out: number[] = [];
    let left = 0;
    for (const c of cols.slice(0, ResultsApp.PINNED)) {
      out.push(left);
      left += this.width(c);
    }
    return out;
  }

  private pinClass(i: number): string {
    return i < ResultsApp.PINNED ? `pinned${i === ResultsApp.PINNED - 1 ? ' edge' : ''}` : '';
  }

  private cellBox(c: ColumnInfo, i: number, pins: readonly number[]): Record<string, string> {
    return i < pins.length ? { width: `${this.width(c)}px`, left: `${pins[i]}px` } : { width: `${this.width(c)}px` };
  }

  private cellClass(c: ColumnInfo, text: string): string {
    if (c.kind !== 'status') return '';
    return text.startsWith('Failure') ? 'failure' : text.startsWith('Interrupted') ? 'interrupted' : text === 'Success' ? 'success' : '';
  }

  private renderGrid(): TemplateResult {
    const cols = this.columns;
    const total = cols.reduce((s, c) => s + this.width(c), 0);
    const pins = this.pinOffsets(cols);
    const first = Math.max(0, Math.floor(this.gridScrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.view.length, Math.ceil((this.gridScrollTop + this.viewport) / ROW_HEIGHT) + OVERSCAN);
    const slice = this.view.slice(first, last);
    return html`<div class="grid" tabindex="0" role="grid" aria-label=${this.info?.title ?? 'Results'} aria-rowcount=${this.view.length + 1} aria-colcount=${cols.length} @scroll=${this.onScroll} @keydown=${this.onKey} @contextmenu=${this.onContextMenu}>
      <div class="thead" role="row" aria-rowindex="1" ${cssProps({ width: `${total}px` })}>
        ${cols.map((c, i) => html`<div class="th ${this.pinClass(i)}" role="columnheader" aria-sort=${this.sort?.column === c.id ? (this.sort.descending ? 'descending' : 'ascending') : 'none'} ${cssProps(this.cellBox(c, i, pins))} title=${`Sort by ${c.label}`} @click=${() => this.setSort(c.id)}>${c.label}${this.sort?.column === c.id ? (this.sort.descending ? ' ▼' : ' ▲') : ''}<span class="resize" @pointerdown=${(e: PointerEvent) => this.startResize(e, c)}></span></div>`)}
      </div>
      <div class="body" ${cssProps({ height: `${this.view.length * ROW_HEIGHT}px`, width: `${total}px` })}>
        ${slice.map((row, k) => {
          const index = first + k;
          return html`<div class="tr ${index === this.focused ? 'focused' : ''} ${row.unreadable ? 'unreadable' : ''}" role="row" aria-rowindex=${index + 2} aria-selected=${index === this.focused ? 'true' : 'false'} ${cssProps({ top: `${index * ROW_HEIGHT}px`, width: `${total}px` })} @click=${() => ((this.focused = index), this.requestUpdate())} @dblclick=${() => this.open(index)}>
            ${cols.map((c, i) => {
              const text = row.cells[c.id] ?? '';
              // A labelled enum cell keeps its raw value in the tooltip (what Graph and filters use).
              const raw = row.raw?.[c.id];
              return html`<div class="td ${this.cellClass(c, text)} ${this.pinClass(i)}" role="gridcell" data-row=${index} data-column=${c.id} ${cssProps(this.cellBox(c, i, pins))} title=${raw ?? (text.length > 30 ? text.slice(0, 2000) : '')}>${text}</div>`;
            })}
          </div>`;
        })}
      </div>
      ${this.view.length === 0 && (this.progress?.state === 'done' || (this.progress?.state === 'paused' && this.progress.pages > 0)) ? html`<div class="empty">${this.rows.length ? 'No loaded row matches the filters above.' : 'No records match this query.'}</div>` : nothing}
    </div>`;
  }

  override render(): TemplateResult {
    const info = this.info;
    const message = this.progress?.message;
    return html`<header>
        <div class="title-row"><h1>${info ? `${info.categoryLabel} · ${info.tenantName}` : 'Loading…'}</h1><span class="query" title=${info?.filterText ?? ''}>${info?.filterText ?? ''}</span></div>
        ${this.renderToolbar()} ${this.renderFilters()}
        ${message ? html`<div class="notice ${this.progress?.state === 'failed' ? 'warn' : ''}" role="note">${message}</div>` : nothing}
        ${this.renderExport()}
      </header>
      ${this.renderChooser()} ${this.renderGrid()}`;
  }
}

customElements.define('results-app', ResultsApp);
