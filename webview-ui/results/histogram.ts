/**
 * The loaded rows over time, above the grid: one bar per time bucket, stacked by outcome for
 * sign-ins. Dragging across bars (or the arrow keys with Shift, then Enter) keeps that time range:
 * a filter the user removes from its chip. SVG with classes only: the CSP allows no inline style.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { css, html, LitElement, nothing, svg, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type HistogramInfo } from '../../src/webview/results/protocol';
import { minuteText, type TimeFilter } from './model';

const BAR = 10;
const HEIGHT = 60;
const KINDS = ['success', 'interrupted', 'failure', 'other'] as const;
const KIND_LABEL = { success: 'Success', interrupted: 'Interrupted', failure: 'Failure', other: 'Rows' } as const;

@customElement('results-histogram')
export class ResultsHistogram extends LitElement {
  static override styles = css`
    :host { display: block; margin: 2px 0 6px; }
    .wrap { outline: none; border-radius: 2px; }
    .wrap:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
    svg { display: block; width: 100%; height: 60px; cursor: crosshair; touch-action: none; }
    rect.success { fill: var(--vscode-charts-green, #388a34); }
    rect.interrupted { fill: var(--vscode-charts-yellow, #bf8803); }
    rect.failure { fill: var(--vscode-charts-red, #e51400); }
    rect.other { fill: var(--vscode-charts-blue, #1a85ff); }
    rect.sel { fill: var(--vscode-editor-selectionBackground, rgba(0, 120, 215, 0.3)); fill-opacity: 0.45; stroke: var(--vscode-focusBorder); stroke-width: 1; vector-effect: non-scaling-stroke; }
    rect.cursor { fill: none; stroke: var(--vscode-focusBorder); stroke-width: 1; vector-effect: non-scaling-stroke; }
    .axis { display: flex; justify-content: space-between; gap: 12px; color: var(--vscode-descriptionForeground); font-size: 0.92em; font-variant-numeric: tabular-nums; }
    .legend { display: inline-flex; gap: 10px; }
    .swatch { display: inline-block; width: 9px; height: 9px; margin-right: 4px; vertical-align: baseline; }
    .swatch.success { background: var(--vscode-charts-green, #388a34); }
    .swatch.interrupted { background: var(--vscode-charts-yellow, #bf8803); }
    .swatch.failure { background: var(--vscode-charts-red, #e51400); }
    .beyond { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; margin-top: 4px; padding: 4px 8px; border-left: 3px solid var(--vscode-editorWarning-foreground, #cca700); background: var(--vscode-textBlockQuote-background); }
  `;

  @property({ attribute: false }) histogram: HistogramInfo | null | undefined;
  /** The time range kept now, if any. */
  @property({ attribute: false }) kept: TimeFilter | undefined;
  /** The oldest loaded row's time, whether more pages exist, and whether the query can be run over a range. */
  @property({ attribute: false }) oldestMs: number | undefined;
  @property({ type: Boolean }) more = false;
  @property({ type: Boolean }) canQuery = false;
  /** Buckets chosen by dragging or keys: [anchor, end], in either order. */
  @state() private chosen: [number, number] | undefined;
  private dragging = false;

  private bucketAt(e: PointerEvent, n: number): number {
    const box = (e.currentTarget as SVGElement).getBoundingClientRect();
    return Math.max(0, Math.min(n - 1, Math.floor(((e.clientX - box.left) / Math.max(1, box.width)) * n)));
  }

  private keep(): void {
    const h = this.histogram;
    if (!h || !this.chosen) return;
    const [a, b] = [Math.min(...this.chosen), Math.max(...this.chosen)];
    this.chosen = undefined;
    this.dispatchEvent(new CustomEvent<TimeFilter>('keep-time', { detail: { column: h.column, fromMs: h.fromMs + a * h.bucketMs, toMs: h.fromMs + (b + 1) * h.bucketMs } }));
  }

  private onKey(e: KeyboardEvent, n: number): void {
    const [anchor, end] = this.chosen ?? [n - 1, n - 1];
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const next = Math.max(0, Math.min(n - 1, end + (e.key === 'ArrowLeft' ? -1 : 1)));
      this.chosen = e.shiftKey ? [anchor, next] : [next, next];
    } else if (e.key === 'Enter' && this.chosen) this.keep();
    else if (e.key === 'Escape') this.chosen = undefined;
    else return;
    e.preventDefault();
  }

  override render(): TemplateResult | typeof nothing {
    const h = this.histogram;
    if (!h || h.bars.length === 0) return nothing;
    const n = h.bars.length;
    const peak = Math.max(1, ...h.bars.map((b) => b[0] + b[1] + b[2] + b[3]));
    const total = h.bars.reduce((s, b) => s + b[0] + b[1] + b[2] + b[3], 0);
    const scale = (HEIGHT - 2) / peak;
    const sel = this.chosen ? [Math.min(...this.chosen), Math.max(...this.chosen)] : undefined;
    const end = h.fromMs + n * h.bucketMs;
    const label = `${total.toLocaleString('en-US')} rows from ${minuteText(h.fromMs)} to ${minuteText(end)}, ${n} bars of ${Math.round(h.bucketMs / 60_000).toLocaleString('en-US')} minutes, the highest ${peak.toLocaleString('en-US')}. Drag across bars, or use the arrow keys (Shift to extend) and Enter, to keep a time range.`;
    return html`<div class="wrap" tabindex="0" role="group" aria-label=${label} @keydown=${(e: KeyboardEvent) => this.onKey(e, n)}>
      <svg viewBox=${`0 0 ${n * BAR} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label=${label}
        @pointerdown=${(e: PointerEvent) => {
          const i = this.bucketAt(e, n);
          this.dragging = true;
          (e.currentTarget as SVGElement).setPointerCapture(e.pointerId);
          this.chosen = [i, i];
        }}
        @pointermove=${(e: PointerEvent) => {
          if (this.dragging && this.chosen) this.chosen = [this.chosen[0], this.bucketAt(e, n)];
        }}
        @pointerup=${(e: PointerEvent) => {
          if (!this.dragging || !this.chosen) return;
          this.dragging = false;
          this.chosen = [this.chosen[0], this.bucketAt(e, n)];
          this.keep();
        }}>
        ${h.bars.map((bar, i) => {
          let y = HEIGHT;
          return KINDS.map((kind, k) => {
            if (bar[k] === 0) return nothing;
            const height = Math.max(1, bar[k] * scale);
            y -= height;
            return svg`<rect class=${kind} x=${i * BAR + 1} y=${y} width=${BAR - 2} height=${height}><title>${`${minuteText(h.fromMs + i * h.bucketMs)}: ${bar[k].toLocaleString('en-US')} ${KIND_LABEL[kind].toLowerCase()}`}</title></rect>`;
          });
        })}
        ${sel ? svg`<rect class="sel" x=${sel[0] * BAR} y="0" width=${(sel[1] - sel[0] + 1) * BAR} height=${HEIGHT}></rect>` : nothing}
      </svg>
      <div class="axis">
        <span>${minuteText(h.fromMs)}</span>
        ${h.outcomes ? html`<span class="legend">${(['success', 'interrupted', 'failure'] as const).map((k) => html`<span><span class="swatch ${k}"></span>${KIND_LABEL[k]}</span>`)}</span>` : nothing}
        <span>highest bar ${peak.toLocaleString('en-US')}</span>
        <span>${minuteText(end)}</span>
      </div>
      ${this.beyond()}
    </div>`;
  }

  /**
   * A kept range that starts before the oldest loaded row, while more pages exist, is not all here
   * (the rows come newest first): the query can be run over just that range, in a tab of its own.
   */
  private beyond(): TemplateResult | typeof nothing {
    const kept = this.kept;
    if (!kept || !this.more || !this.canQuery || this.oldestMs === undefined || kept.fromMs >= this.oldestMs) return nothing;
    const run = () => this.dispatchEvent(new CustomEvent<TimeFilter>('query-range', { detail: kept }));
    return html`<div class="beyond" role="note"><span>Rows are loaded back to ${minuteText(this.oldestMs)} only: this range starts before that, so part of it is not here.</span><vscode-button secondary @click=${run}>Query This Range</vscode-button></div>`;
  }
}
