/**
 * The parts both detail apps (sign-in, and audit/risk/provisioning/Office 365 records) are built
 * from: a list of labelled values with copy buttons, and the record's document actions. Each part
 * says what the user asked for with an event; the app sends it to the host.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';

/** One labelled value; `copy` puts a Copy button beside it (ids). */
export interface DetailField {
  readonly label: string;
  readonly value: string;
  readonly copy?: boolean;
}

/** Fired by a part: `copy` with the value's text, or `open-json` / `save-json` for the record. */
export type DetailAction = { readonly kind: 'copy'; readonly text: string } | { readonly kind: 'openJson' } | { readonly kind: 'saveJson' };

function emit(from: HTMLElement, action: DetailAction): void {
  from.dispatchEvent(new CustomEvent<DetailAction>('detail-action', { detail: action, bubbles: true, composed: true }));
}

/**
 * The parts render into the app's own shadow root (no shadow root of their own), so a section's
 * text selects and copies as one piece, and detailStyles styles them.
 */
abstract class DetailPart extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }
}

/** Labels and values as a definition list; every value is text. The label column's width is `--ile-label-width`. */
export class DetailFields extends DetailPart {

  @property({ attribute: false }) fields: readonly DetailField[] = [];

  override render(): TemplateResult {
    return html`<dl>
      ${this.fields.map(
        (f) => html`<dt>${f.label}</dt>
          <dd><span class="value">${f.value}</span>${f.copy ? html`<button class="copy" title=${`Copy ${f.label}`} aria-label=${`Copy ${f.label}`} @click=${() => emit(this, { kind: 'copy', text: f.value })}>Copy</button>` : nothing}</dd>`,
      )}
    </dl>`;
  }
}

/** "Open as JSON" and "Save as JSON…": the record as the same document a results list saves. */
export class DetailDocumentActions extends DetailPart {
  override render(): TemplateResult {
    return html`<div class="row"><vscode-button secondary @click=${() => emit(this, { kind: 'openJson' })}>Open as JSON</vscode-button><vscode-button secondary @click=${() => emit(this, { kind: 'saveJson' })}>Save as JSON…</vscode-button></div>`;
  }
}

customElements.define('detail-fields', DetailFields);
customElements.define('detail-document-actions', DetailDocumentActions);

declare global {
  interface HTMLElementTagNameMap {
    'detail-fields': DetailFields;
    'detail-document-actions': DetailDocumentActions;
  }
}
