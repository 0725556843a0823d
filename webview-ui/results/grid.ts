/**
 * The virtual grid: only the rows in view (and a margin) are in the DOM, and only those are held
 * (it asks for the ones it lacks with `need-rows`); the header sorts and its handles resize, the
 * first columns stay pinned while it scrolls sideways, and the keyboard moves, opens and copies.
 * Every value is a Lit text binding: log data is hostile text, never markup.
 */
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type ColumnInfo, type RowData } from '../../src/webview/results/protocol';
import { cssProps } from '../shared/cssProps';
import { statusColors } from '../shared/statusColors';
import { type SortState } from './model';

export const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 26;
const OVERSCAN = 12;
/**
 * The tallest scroll area drawn: browsers stop near 33 million pixels, and a million rows of 24
 * are 24 million. Past this the scrollbar stands for the rows in proportion.
 */
const MAX_SCROLL_PX = 8_000_000;
/** How many leading columns stay in view when scrolling sideways. */
const PINNED = 2;

@customElement('results-grid')
export class ResultsGrid extends LitElement {
  static override styles = [statusColors, css`
    :host { flex: 1; display: flex; min-height: 0; }
    .grid { flex: 1; overflow: auto; position: relative; outline: none; }
    .grid:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
    .thead { position: sticky; top: 0; z-index: 2; display: flex; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-editorGroup-border, #444); font-weight: 600; }
    .th { position: relative; padding: 0 8px; height: ${HEADER_HEIGHT}px; line-height: ${HEADER_HEIGHT}px; box-sizing: border-box; cursor: pointer; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; user-select: none; }
    .th:hover { background: var(--vscode-list-hoverBackground); }
    .th .resize { position: absolute; right: 0; top: 0; width: 6px; height: 100%; cursor: col-resize; }
    .th .resize:hover { background: var(--vscode-sash-hoverBorder, var(--vscode-focusBorder)); }
    .body { position: relative; }
    /* The rows in sight sit in one block moved as the grid scrolls: a row's own box never moves. */
    .rows { position: absolute; left: 0; }
    .tr { display: flex; height: ${ROW_HEIGHT}px; line-height: ${ROW_HEIGHT}px; cursor: default; }
    .tr.alt { background: var(--vscode-list-inactiveSelectionBackground, transparent); background: color-mix(in srgb, var(--vscode-foreground) 3%, transparent); }
    .tr:hover { background: var(--vscode-list-hoverBackground); }
    .tr.unreadable .td { font-style: italic; color: var(--vscode-descriptionForeground); }
    .tr.focused { background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); }
    /* The first columns (time, status) stay in view while the grid scrolls sideways. */
    .th.pinned, .td.pinned { position: sticky; z-index: 1; background: var(--vscode-editor-background); }
    .th.pinned { z-index: 3; }
    .pinned.edge { box-shadow: 1px 0 0 var(--vscode-editorGroup-border, #444); }
    .tr.alt .td.pinned { background: linear-gradient(color-mix(in srgb, var(--vscode-foreground) 3%, transparent), color-mix(in srgb, var(--vscode-foreground) 3%, transparent)), var(--vscode-editor-background); }
    /* High-contrast themes define no selection or hover background: without the fallback the whole
       declaration is invalid, the pinned cell turns transparent and scrolled cells show through. */
    .tr:hover .td.pinned { background: linear-gradient(var(--vscode-list-hoverBackground, transparent), var(--vscode-list-hoverBackground, transparent)), var(--vscode-editor-background); }
    .tr.focused .td.pinned { background: linear-gradient(var(--vscode-list-activeSelectionBackground, transparent), var(--vscode-list-activeSelectionBackground, transparent)), var(--vscode-editor-background); }
    .td { padding: 0 8px; box-sizing: border-box; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; unicode-bidi: isolate; }
    .td.failure { color: var(--ile-error); font-weight: 600; }
    .td.interrupted { color: var(--ile-warning); }
    .td.success { color: var(--ile-success); }
    .empty { padding: 24px; color: var(--vscode-descriptionForeground); }
  `];

  /** The visible columns, in order. */
  @property({ attribute: false }) columns: readonly ColumnInfo[] = [];
  @property({ attribute: false }) widths: ReadonlyMap<string, number> = new Map();
  /** Rows in the view (after the filters and the sort). */
  @property({ attribute: false }) total = 0;
  /** The row at a position of the view, when the webview holds it. */
  @property({ attribute: false }) rowAt: (index: number) => RowData | undefined = () => undefined;
  /** Changes when rows arrive, so the grid draws the ones it was waiting for. */
  @property({ attribute: false }) revision = 0;
  /** A new sort or filter is being computed by the host. */
  @property({ attribute: false }) busy = false;
  @property({ attribute: false }) sort: SortState | undefined;
  @property({ attribute: false }) focused = -1;
  @property({ attribute: false }) label = 'Results';
  /** Shown when no row is in view: why (no records, or none matches the filters). */
  @property({ attribute: false }) emptyText: string | undefined;

  @state() private scrolled = 0;
  @state() private viewport = 600;
  private resizing = false;

  override firstUpdated(): void {
    const grid = this.renderRoot.querySelector('.grid') as HTMLElement;
    new ResizeObserver(() => (this.viewport = grid.clientHeight)).observe(grid);
  }

  /** Pixels of scroll per row: ROW_HEIGHT, or less when the rows would be taller than a browser draws. */
  private get pitch(): number {
    return Math.min(ROW_HEIGHT, MAX_SCROLL_PX / Math.max(1, this.total));
  }

  /** The first and last positions in sight, plus a margin. */
  private range(): { first: number; last: number } {
    const first = Math.max(0, Math.floor(this.scrolled / this.pitch) - OVERSCAN);
    const last = Math.min(this.total, first + Math.ceil(this.viewport / ROW_HEIGHT) + 2 * OVERSCAN);
    return { first, last };
  }

  override updated(): void {
    const { first, last } = this.range();
    // Asking for what is held already costs nothing: the owner keeps track.
    if (last > first) this.emit('need-rows', { first, last: last - 1 });
  }

  private emit<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail }));
  }

  private width(c: ColumnInfo): number {
    return this.widths.get(c.id) ?? c.width;
  }

  private sortBy(id: string): void {
    // The click that ends dragging a resize handle is not a request to sort.
    if (!this.resizing) this.emit('sort-column', id);
  }

  private startResize(e: PointerEvent, c: ColumnInfo): void {
    e.stopPropagation();
    this.resizing = true;
    const startX = e.clientX;
    const start = this.width(c);
    const move = (m: PointerEvent) => this.emit('resize-column', { id: c.id, width: Math.max(48, start + m.clientX - startX) });
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      // The click that follows this pointerup (on the header) comes before any timer.
      setTimeout(() => (this.resizing = false), 0);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }

  private onKey(e: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.viewport / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    if (e.key in moves) {
      e.preventDefault();
      const next = Math.min(this.total - 1, Math.max(0, (this.focused < 0 ? -1 : this.focused) + moves[e.key]));
      const index = Number.isFinite(next) ? next : 0;
      const grid = e.currentTarget as HTMLElement;
      // Where the row is drawn, relative to the top of what is in sight.
      const top = this.rowTop(index) - grid.scrollTop;
      if (top < 0) grid.scrollTop = index * this.pitch;
      else if (top + ROW_HEIGHT > grid.clientHeight - HEADER_HEIGHT) grid.scrollTop = Math.max(0, index * this.pitch - (grid.clientHeight - HEADER_HEIGHT - ROW_HEIGHT));
      this.emit('focus-row', index);
    } else if (e.key === 'Enter' && this.focused >= 0) {
      e.preventDefault();
      this.emit('open-row', this.focused);
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && this.focused >= 0 && !window.getSelection()?.toString()) {
      // The host copies (it holds the record and the raw values); text the user selected copies as usual.
      e.preventDefault();
      this.emit('copy-row', this.focused);
    }
  }

  /** The left offset of each pinned column (the widths of the pinned columns before it). */
  private pinOffsets(cols: readonly ColumnInfo[]): number[] {
    const out: number[] = [];
    let left = 0;
    for (const c of cols.slice(0, PINNED)) {
      out.push(left);
      left += this.width(c);
    }
    return out;
  }

  private pinClass(i: number): string {
    return i < PINNED ? `pinned${i === PINNED - 1 ? ' edge' : ''}` : '';
  }

  private cellBox(c: ColumnInfo, i: number, pins: readonly number[]): Record<string, string> {
    return i < pins.length ? { width: `${this.width(c)}px`, left: `${pins[i]}px` } : { width: `${this.width(c)}px` };
  }

  /**
   * Where a row is drawn in the scroll area. At full height that is its place; when the rows are
   * scaled into MAX_SCROLL_PX, the rows in sight are laid out at full height from the one the
   * scroll position stands for.
   */
  private rowTop(index: number): number {
    if (this.pitch === ROW_HEIGHT) return index * ROW_HEIGHT;
    const anchor = this.scrolled / this.pitch;
    return this.scrolled + (index - anchor) * ROW_HEIGHT;
  }

  private cellClass(c: ColumnInfo, text: string): string {
    if (c.kind !== 'status') return '';
    return text.startsWith('Failure') ? 'failure' : text.startsWith('Interrupted') ? 'interrupted' : text === 'Success' ? 'success' : '';
  }

  override render(): TemplateResult {
    const cols = this.columns;
    const total = cols.reduce((s, c) => s + this.width(c), 0);
    const pins = this.pinOffsets(cols);
    const { first, last } = this.range();
    const positions = Array.from({ length: Math.max(0, last - first) }, (_, k) => first + k);
    const height = this.pitch === ROW_HEIGHT ? this.total * ROW_HEIGHT : MAX_SCROLL_PX + this.viewport;
    // Busy while the rows in sight are not all here yet (assistive technology, and tests, wait on it).
    const busy = this.busy || positions.some((i) => this.rowAt(i) === undefined);
    return html`<div class="grid" tabindex="0" role="grid" aria-busy=${busy ? 'true' : 'false'} aria-label=${this.label} aria-rowcount=${this.total + 1} aria-colcount=${cols.length} @scroll=${(e: Event) => (this.scrolled = (e.target as HTMLElement).scrollTop)} @keydown=${this.onKey}>
      <div class="thead" role="row" aria-rowindex="1" ${cssProps({ width: `${total}px` })}>
        ${cols.map((c, i) => html`<div class="th ${this.pinClass(i)}" role="columnheader" aria-sort=${this.sort?.column === c.id ? (this.sort.descending ? 'descending' : 'ascending') : 'none'} ${cssProps(this.cellBox(c, i, pins))} title=${`Sort by ${c.label}`} @click=${() => this.sortBy(c.id)}>${c.label}${this.sort?.column === c.id ? (this.sort.descending ? ' ▼' : ' ▲') : ''}<span class="resize" @pointerdown=${(e: PointerEvent) => this.startResize(e, c)}></span></div>`)}
      </div>
      <div class="body" ${cssProps({ height: `${height}px`, width: `${total}px` })}>
        <div class="rows" ${cssProps({ top: `${this.rowTop(first)}px`, width: `${total}px` })}>
        ${positions.map((index) => {
          const row = this.rowAt(index);
          // Not here yet (asked for): an empty band holds its place; the grid says it is busy.
          if (!row) return html`<div class="tr pending" role="presentation"></div>`;
          return html`<div class="tr ${index % 2 ? 'alt' : ''} ${index === this.focused ? 'focused' : ''} ${row.unreadable ? 'unreadable' : ''}" role="row" aria-rowindex=${index + 2} aria-selected=${index === this.focused ? 'true' : 'false'} @click=${() => this.emit('focus-row', index)} @dblclick=${() => this.emit('open-row', index)}>
            ${cols.map((c, i) => {
              const text = row.cells[c.id] ?? '';
              // A labelled enum cell keeps its raw value in the tooltip (what Graph and filters use).
              const raw = row.raw?.[c.id];
              return html`<div class="td ${this.cellClass(c, text)} ${this.pinClass(i)}" role="gridcell" data-row=${index} data-column=${c.id} ${cssProps(this.cellBox(c, i, pins))} title=${raw ?? (text.length > 30 ? text.slice(0, 2000) : '')}>${text}</div>`;
            })}
          </div>`;
        })}
        </div>
      </div>
      ${this.total === 0 && this.emptyText ? html`<div class="empty">${this.emptyText}</div>` : nothing}
    </div>`;
  }
}
