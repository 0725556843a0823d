/** Detail panels for audits, risk and provisioning: fields, tables and changes, all as text. */
import { detailStyles } from '../shared/detailStyles';
import { statusColors } from '../shared/statusColors';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Change, Section } from '../../src/core/detail/recordView';
import { type RecordDetailNotifications, type RecordDetailRequests } from '../../src/webview/recordDetail/protocol';
import { DetailApp } from '../shared/detailApp';
import '../shared/detailParts';

class RecordDetailApp extends DetailApp<RecordDetailRequests, RecordDetailNotifications> {
  static override styles = [statusColors, detailStyles, css`
    detail-fields { --ile-label-width: 190px; }
    .success { color: var(--ile-success); border-color: var(--ile-success); }
    .failure { color: var(--ile-error); border-color: var(--ile-error); }
    .warning { color: var(--ile-warning); border-color: var(--ile-warning); }
    tr.failure td:first-child { color: inherit; }
    .change { border: 1px solid var(--vscode-panel-border, #8884); border-radius: 4px; margin: 6px 0; padding: 6px 10px; }
    .change .name { font-weight: 600; }
    .values { display: grid; grid-template-columns: 1fr auto 1fr; gap: 8px; align-items: start; margin-top: 4px; }
    .values code { font-family: var(--vscode-editor-font-family); white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: isolate; }
    .del { color: var(--vscode-gitDecoration-deletedResourceForeground, #c74e39); }
    .add { color: var(--vscode-gitDecoration-addedResourceForeground, #587c0c); }
    ul.diff { margin: 4px 0 0; padding-left: 18px; font-family: var(--vscode-editor-font-family); }
    ul.pivots { margin: 0; padding-left: 18px; }
    ul.pivots li { margin: 3px 0; }
    button.link { background: none; border: none; padding: 0; color: var(--vscode-textLink-foreground); cursor: pointer; font: inherit; text-align: left; }
    button.link:hover { text-decoration: underline; }
    button.link:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
  `];

  private change(c: Change): TemplateResult {
    return html`<div class="change">
      <div class="name">${c.name}</div>
      <div class="values"><code class="del" aria-label="old value">${c.oldValue || '(empty)'}</code><span aria-hidden="true">→</span><code class="add" aria-label="new value">${c.newValue || '(empty)'}</code></div>
      ${c.removed.length || c.added.length
        ? html`<ul class="diff" aria-label="differences">${c.removed.map((x) => html`<li class="del">− ${x}</li>`)}${c.added.map((x) => html`<li class="add">+ ${x}</li>`)}</ul>`
        : nothing}
    </div>`;
  }

  private section(s: Section, i: number): TemplateResult {
    const id = `s${i}`;
    let body: TemplateResult;
    if (s.kind === 'fields') {
      body = html`<detail-fields .fields=${s.fields}></detail-fields>`;
    } else if (s.kind === 'table') {
      body = s.rows.length
        ? html`<table aria-labelledby=${id}><thead><tr>${s.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead><tbody>${s.rows.map((r, k) => html`<tr class=${s.tones?.[k] ?? ''}>${r.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody></table>`
        : html`<p class="muted">None.</p>`;
    } else if (s.kind === 'changes') {
      body = s.changes.length ? html`${s.changes.map((c) => this.change(c))}` : html`<p class="muted">None.</p>`;
    } else body = html`<p class="muted">${s.text}</p>`;
    return html`<section aria-labelledby=${id}><h2 id=${id}>${s.heading}</h2>${body}</section>`;
  }

  override render(): TemplateResult {
    const d = this.data;
    if (!d) return html`<p class="muted">Loading…</p>`;
    const v = d.view;
    return html`<header>
        <div class="row">${v.badge ? html`<span class="badge ${v.badge.tone}">${v.badge.text}</span>` : nothing}<h1>${v.title}</h1></div>
        <div class="muted">${v.subtitle} · ${d.tenantName}</div>
        <detail-document-actions></detail-document-actions>
      </header>
      ${v.sections.map((s, i) => this.section(s, i))}
      ${d.pivots.length
        ? html`<section aria-labelledby="related"><h2 id="related">Related</h2><ul class="pivots">${d.pivots.map((label, index) => html`<li><button class="link" @click=${() => this.host.request('pivot', { index })}>${label}</button></li>`)}</ul></section>`
        : nothing}`;
  }
}

customElements.define('record-detail-app', RecordDetailApp);
