/**
 * The grid's client-side filters (the ones Graph cannot do) and the Columns chooser. They show
 * their properties and report changes as events; the app shell holds the state.
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { enumLabel } from '../../src/core/catalog/labels';
import { type ColumnInfo } from '../../src/webview/results/protocol';
import { CA_RESULTS, type FieldFilter, minuteText, type RowFilters } from './model';

@customElement('results-filters')
export class ResultsFilters extends LitElement {
  static override styles = css`
    :host { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
    vscode-textfield { width: 180px; }
    vscode-single-select { width: 160px; }
    vscode-single-select.wide { width: 200px; }
    .chip { display: inline-flex; align-items: center; gap: 4px; padding: 1px 2px 1px 8px; border: 1px solid var(--vscode-contrastBorder, var(--vscode-input-border, transparent)); border-radius: 10px; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); max-width: 420px; }
    .chip span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .chip button { background: none; border: none; color: inherit; cursor: pointer; font: inherit; padding: 0 5px; border-radius: 8px; }
    .chip button:hover { background: var(--vscode-toolbar-hoverBackground); }
    .chip button:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
  `;

  @property({ attribute: false }) filters: RowFilters = { text: '', failuresOnly: false, caPolicy: '', caResult: '', reportOnly: false };
  @property({ attribute: false }) isSignIn = false;
  /** Graph left the CA policies out: no CA filter to offer. */
  @property({ attribute: false }) caHidden = false;
  /** The CA policy names seen in the loaded rows. */
  @property({ attribute: false }) policies: readonly string[] = [];

  /** A field filter as a chip: what it keeps, and a button that removes it. */
  private chip(field: FieldFilter, index: number): TemplateResult {
    const text = `${field.label}: ${field.values.map((v) => enumLabel(v)).join(' or ')}`;
    const without = (this.filters.fields ?? []).filter((_, j) => j !== index);
    return html`<span class="chip" title=${`${field.label}: ${field.values.join(' or ')}`}><span>${text}</span><button aria-label=${`Remove the filter ${text}`} @click=${() => this.change({ fields: without })}>✕</button></span>`;
  }

  private change(patch: Partial<RowFilters>): void {
    this.dispatchEvent(new CustomEvent<Partial<RowFilters>>('filters-change', { detail: patch }));
  }

  override render(): TemplateResult {
    const f = this.filters;
    return html`<vscode-textfield placeholder="Filter loaded rows" aria-label="Filter loaded rows" .value=${f.text} @input=${(e: Event) => this.change({ text: (e.target as HTMLInputElement).value })}></vscode-textfield>
      ${f.time ? html`<span class="chip" title="Rows in this time range (from the histogram)"><span>${`Time: ${minuteText(f.time.fromMs)} → ${minuteText(f.time.toMs)}`}</span><button aria-label="Remove the time range" @click=${() => this.change({ time: undefined })}>✕</button></span>` : nothing}
      ${(f.fields ?? []).map((field, i) => this.chip(field, i))}
      ${this.isSignIn
        ? html`<vscode-checkbox label="Failures only" ?checked=${f.failuresOnly} @change=${(e: Event) => this.change({ failuresOnly: (e.target as HTMLInputElement).checked })}></vscode-checkbox>
            ${this.caHidden
              ? nothing
              : html`<vscode-single-select class="wide" aria-label="Conditional access policy" @change=${(e: Event) => this.change({ caPolicy: (e.target as HTMLInputElement).value })}>
                    <vscode-option value="">Any CA policy</vscode-option>
                    ${this.policies.map((name) => html`<vscode-option value=${name}>${name}</vscode-option>`)}
                  </vscode-single-select>
                  <vscode-single-select aria-label="Conditional access result" @change=${(e: Event) => this.change({ caResult: (e.target as HTMLInputElement).value })}>
                    <vscode-option value="">Any result</vscode-option>
                    ${CA_RESULTS.map((r) => html`<vscode-option value=${r} description=${r}>${enumLabel(r)}</vscode-option>`)}
                  </vscode-single-select>
                  <vscode-checkbox label="Report-only results" ?checked=${f.reportOnly} @change=${(e: Event) => this.change({ reportOnly: (e.target as HTMLInputElement).checked })}></vscode-checkbox>`}`
        : nothing}`;
  }
}

/** The Columns popup: one checkbox per column of the report. */
@customElement('column-chooser')
export class ColumnChooser extends LitElement {
  static override styles = css`
    :host { position: absolute; right: 14px; top: 80px; z-index: 10; }
    .chooser { background: var(--vscode-editorWidget-background); border: 1px solid var(--vscode-editorWidget-border, var(--vscode-contrastBorder, #454545)); padding: 8px 12px; display: grid; grid-template-columns: 1fr 1fr; gap: 4px 16px; box-shadow: 0 2px 8px var(--vscode-widget-shadow, rgba(0,0,0,.35)); }
  `;

  @property({ attribute: false }) columns: readonly ColumnInfo[] = [];
  @property({ attribute: false }) visible: readonly string[] = [];

  override render(): TemplateResult {
    return html`<div class="chooser" role="group" aria-label="Columns">
      ${this.columns.map((c) => html`<vscode-checkbox label=${c.label} ?checked=${this.visible.includes(c.id)} @change=${(e: Event) => this.dispatchEvent(new CustomEvent('toggle-column', { detail: { id: c.id, on: (e.target as HTMLInputElement).checked } }))}></vscode-checkbox>`)}
    </div>`;
  }
}
