/**
 * The results toolbar: what has loaded, the load buttons, the Columns button, the menu of less
 * frequent actions, Export, and the banner of an export started here. It holds no state of its
 * own: it shows its properties and asks the host through `host-request` events.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { type ExportInfo, type InitInfo, type ProgressInfo, type ResultsRequests } from '../../src/webview/results/protocol';

type CopyFormat = InitInfo['copyFormats'][number];

const COPY_LABEL: Readonly<Record<CopyFormat, string>> = {
  url: 'Copy query as Graph URL',
  curl: 'Copy query as curl',
  powershell: 'Copy query as PowerShell',
  kql: 'Copy query as KQL',
};

/** A request for the host, as the app shell forwards it. */
export type HostRequest = { [K in keyof ResultsRequests]: { method: K; params: ResultsRequests[K]['params'] } }[keyof ResultsRequests];

export function hostRequest(target: EventTarget, request: HostRequest): void {
  target.dispatchEvent(new CustomEvent<HostRequest>('host-request', { detail: request, bubbles: true, composed: true }));
}

@customElement('results-toolbar')
export class ResultsToolbar extends LitElement {
  static override styles = css`
    :host { display: flex; flex-direction: column; gap: 6px; }
    .bar { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
    .spacer { flex: 1; }
    .status { color: var(--vscode-descriptionForeground); font-variant-numeric: tabular-nums; }
    .status.failed { color: var(--ile-error); }
    vscode-single-select.actions { width: 150px; }
    .exporting { display: flex; align-items: center; gap: 8px; padding: 4px 8px; border-left: 3px solid var(--vscode-progressBar-background, #0e70c0); background: var(--vscode-textBlockQuote-background); font-variant-numeric: tabular-nums; }
    .exporting.done { border-left-color: var(--vscode-testing-iconPassed, #73c991); }
    .exporting.failed, .exporting.partial { border-left-color: var(--vscode-editorWarning-foreground, #cca700); }
    .exporting .text { flex: 1; }
  `;

  @property({ attribute: false }) progress: ProgressInfo | undefined;
  /** Rows the grid shows after its filters. */
  @property({ attribute: false }) shown = 0;
  /** A Graph query (saved, copied as a request); false for Office 365 content. */
  /** What the query can be copied as, whether it can be saved, and whether (and how) it exports: the source's capabilities. */
  @property({ attribute: false }) copyFormats: readonly CopyFormat[] = [];
  @property({ attribute: false }) canSaveQuery = false;
  @property({ attribute: false }) exportHint: string | undefined;
  @property({ attribute: false }) chooserOpen = false;
  @property({ attribute: false }) exportInfo: ExportInfo | undefined;

  private ask(request: HostRequest): void {
    hostRequest(this, request);
  }

  /** One menu for the less frequent actions, so the toolbar stays on one line. */
  private action(e: Event): void {
    const select = e.target as HTMLElement & { value: string };
    const action = select.value;
    select.value = '';
    const format = this.copyFormats.find((f) => f === action);
    if (format) this.ask({ method: 'copyAs', params: { format } });
    else if (action === 'openJson' || action === 'saveJson') this.ask({ method: 'resultsJson', params: { action: action === 'openJson' ? 'open' : 'save' } });
    else if (action === 'saveQuery') this.ask({ method: 'saveQuery', params: {} });
  }

  private statusText(): string {
    const p = this.progress;
    if (!p) return 'Waiting for the first page…';
    return `${this.shown.toLocaleString('en-US')} shown of ${p.loaded.toLocaleString('en-US')} loaded${p.more ? ' (more available)' : ''} · page ${p.pages}${p.throttled ? ` · throttled ${p.throttled}×` : ''}${p.retries ? ` · ${p.retries} retries` : ''}${p.splits ? ` · split into smaller windows ${p.splits}×` : ''} · ${p.state === 'loading' ? 'loading…' : p.state === 'done' ? 'all loaded' : p.state}`;
  }

  private renderExport(): TemplateResult | typeof nothing {
    const e = this.exportInfo;
    if (!e) return nothing;
    const cls = e.state === 'done' ? (e.complete ? 'done' : 'partial') : e.state === 'running' ? '' : 'failed';
    return html`<div class="exporting ${cls}" role="status" aria-live="polite">
      <span class="text">${e.text}</span>
      ${e.state === 'running' ? html`<vscode-button secondary @click=${() => this.ask({ method: 'cancelExport', params: {} })}>Cancel export</vscode-button>` : nothing}
      ${e.state === 'done' ? html`<vscode-button secondary @click=${() => this.ask({ method: 'openManifest', params: {} })}>Open manifest</vscode-button>` : nothing}
      ${e.state !== 'running' ? html`<vscode-button secondary @click=${() => this.dispatchEvent(new CustomEvent('dismiss-export'))}>Dismiss</vscode-button>` : nothing}
    </div>`;
  }

  override render(): TemplateResult {
    const p = this.progress;
    const loading = p?.state === 'loading';
    return html`<div class="bar">
        <span class="status ${p?.state === 'failed' ? 'failed' : ''}" role="status" aria-live="polite">${this.statusText()}</span>
        <span class="spacer"></span>
        ${p?.more && !loading ? html`<vscode-button secondary @click=${() => this.ask({ method: 'loadMore', params: {} })}>Load more</vscode-button>` : nothing}
        ${p?.more ? html`<vscode-button secondary @click=${() => this.ask({ method: 'loadAll', params: {} })}>Load all</vscode-button>` : nothing}
        ${loading ? html`<vscode-button secondary @click=${() => this.ask({ method: 'cancel', params: {} })}>Cancel</vscode-button>` : nothing}
        <vscode-button secondary class="columns-button" @click=${() => this.dispatchEvent(new CustomEvent('toggle-columns'))} aria-expanded=${this.chooserOpen ? 'true' : 'false'}>Columns</vscode-button>
        <vscode-single-select class="actions" aria-label="Save or copy" @change=${(e: Event) => this.action(e)}>
          <vscode-option value="">Save or copy…</vscode-option>
          ${this.canSaveQuery ? html`<vscode-option value="saveQuery">Save query in the tree</vscode-option>` : nothing}
          <vscode-option value="openJson">Open results as JSON</vscode-option>
          <vscode-option value="saveJson">Save results as JSON…</vscode-option>
          ${this.copyFormats.map((f) => html`<vscode-option value=${f}>${COPY_LABEL[f]}</vscode-option>`)}
        </vscode-single-select>
        ${this.exportHint !== undefined ? html`<vscode-button @click=${() => this.ask({ method: 'exportResults', params: {} })} title=${this.exportHint}>Export…</vscode-button>` : nothing}
      </div>
      ${this.renderExport()}`;
  }
}
