/**
 * The facets above the grid: each facet column's most frequent values among the rows in view, with
 * their counts and a bar for their share. Clicking a value keeps only its rows (a field filter, a
 * chip the user removes to undo); the value already kept is marked. All text is record text,
 * rendered as text; the bars' widths go through CSSOM (the CSP allows no inline style).
 */
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { type FacetInfo } from '../../src/webview/results/protocol';
import { cssProps } from '../shared/cssProps';
import { type FieldFilter } from './model';

@customElement('results-facets')
export class ResultsFacets extends LitElement {
  static override styles = css`
    :host { display: block; }
    details { margin: 2px 0 6px; }
    summary { cursor: pointer; color: var(--vscode-descriptionForeground); width: max-content; }
    summary:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
    .facets { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 6px 16px; margin-top: 6px; }
    section { min-width: 0; }
    h2 { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; margin: 0 0 2px; color: var(--vscode-descriptionForeground); }
    button { display: grid; grid-template-columns: 1fr auto; gap: 6px; width: 100%; padding: 1px 4px; border: 1px solid transparent; background: none; color: var(--vscode-foreground); font: inherit; text-align: left; cursor: pointer; position: relative; border-radius: 2px; }
    button:hover { background: var(--vscode-list-hoverBackground); }
    button:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
    button.kept { border-color: var(--vscode-focusBorder); font-weight: 600; }
    .text { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; unicode-bidi: isolate; position: relative; }
    .count { color: var(--vscode-descriptionForeground); font-variant-numeric: tabular-nums; position: relative; }
    .bar { position: absolute; left: 0; top: 0; bottom: 0; width: var(--share); background: var(--vscode-list-inactiveSelectionBackground, rgba(128, 128, 128, 0.2)); border-radius: 2px; pointer-events: none; }
    .others { color: var(--vscode-descriptionForeground); padding: 0 5px; font-size: 0.95em; }
  `;

  @property({ attribute: false }) facets: readonly FacetInfo[] = [];
  /** The field filters in force: a kept value is marked. */
  @property({ attribute: false }) kept: readonly FieldFilter[] = [];
  /** Rows in view: each value's bar is its share of them. */
  @property({ attribute: false }) total = 0;

  private pick(facet: FacetInfo, value: string): void {
    this.dispatchEvent(new CustomEvent<FieldFilter>('keep-value', { detail: { column: facet.column, label: facet.label, values: [value] } }));
  }

  private facet(f: FacetInfo): TemplateResult | typeof nothing {
    if (f.values.length === 0) return nothing;
    const kept = this.kept.find((k) => k.column === f.column)?.values ?? [];
    return html`<section aria-label=${`Top values of ${f.label}`}>
      <h2>${f.label}</h2>
      ${f.values.map((v) => {
        const share = this.total > 0 ? Math.min(100, (100 * v.count) / this.total) : 0;
        const isKept = kept.includes(v.value);
        return html`<button class=${isKept ? 'kept' : ''} aria-pressed=${isKept ? 'true' : 'false'} title=${`${v.label}${v.value !== v.label ? ` (${v.value})` : ''}: ${v.count.toLocaleString('en-US')} rows. Click to keep only these.`} @click=${() => this.pick(f, v.value)}>
          <span class="bar" ${cssProps({ '--share': `${share.toFixed(1)}%` })}></span><span class="text">${v.label}</span><span class="count">${v.count.toLocaleString('en-US')}</span>
        </button>`;
      })}
      ${f.others > 0 ? html`<div class="others">${f.others.toLocaleString('en-US')} other${f.others === 1 ? '' : 's'}</div>` : nothing}
    </section>`;
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.facets.some((f) => f.values.length > 0)) return nothing;
    return html`<details open><summary>Top values</summary><div class="facets">${this.facets.map((f) => this.facet(f))}</div></details>`;
  }
}
