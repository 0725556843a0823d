/**
 * The sign-in detail panel: why a sign-in failed at a glance (outcome, error meaning, conditional
 * access with report-only results, authentication steps), then where, from what, and risk. All
 * record text is rendered through Lit text bindings.
 */
import { enumLabel } from '../../src/core/catalog/labels';
import { detailStyles } from '../shared/detailStyles';
import { statusColors } from '../shared/statusColors';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { css, html, nothing, type TemplateResult } from 'lit';
import type { PolicyRow, SignInView } from '../../src/core/detail/signInView';
import { type DetailNotifications, type DetailRequests } from '../../src/webview/signInDetail/protocol';
import { DetailApp } from '../shared/detailApp';
import '../shared/detailParts';
import '../shared/worldMap';

const VERDICT_LABEL = { confirmCompromised: 'Confirm Compromised', confirmSafe: 'Confirm Safe', dismiss: 'Dismiss Risk' } as const;

class SignInDetailApp extends DetailApp<DetailRequests, DetailNotifications> {
  static override styles = [statusColors, detailStyles, css`
    .badge { border-color: transparent; }
    .badge.reportOnly { border-style: dashed; }
    .error { padding: 8px 10px; border-left: 3px solid var(--vscode-errorForeground); background: var(--vscode-textBlockQuote-background); }
    .banner { padding: 10px 12px; border-left: 3px solid var(--vscode-editorWarning-foreground, #cca700); background: var(--vscode-textBlockQuote-background); display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 0 28px; }
    button.link:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
    button.link { background: none; border: none; padding: 0; color: var(--vscode-textLink-foreground); cursor: pointer; font: inherit; text-align: left; }
    button.link:hover { text-decoration: underline; }
    tr.reportOnly td { font-style: italic; }
    .map { max-width: 360px; margin-top: 8px; }
    .signals { margin: 10px 0 0; padding: 8px 12px; border-left: 3px solid var(--vscode-editorWarning-foreground, #cca700); background: var(--vscode-textBlockQuote-background); list-style: none; }
    .signals li { margin: 4px 0; }
    .verdicts { margin-top: 10px; }
    .investigate { margin: 2px 0 8px; }
    ul { margin: 0; padding-left: 18px; }
    li { margin: 3px 0; }
  `];

  private badge(result: string): TemplateResult {
    const cls = result === 'success' ? 'success' : result === 'failure' ? 'failure' : result.startsWith('reportOnly') ? 'reportOnly' : 'neutral';
    return html`<span class="badge ${cls}" title=${result}>${enumLabel(result)}</span>`;
  }

  private policies(v: SignInView): TemplateResult {
    if (v.policies === undefined) {
      return html`<div class="banner" role="alert"><span>${this.data?.caHiddenReason ?? ''}</span><vscode-button secondary @click=${() => this.host.request('diagnose', {})}>Diagnose Permissions</vscode-button></div>`;
    }
    if (v.policies.length === 0) return html`<p class="muted">No conditional access policy applied to this sign-in.</p>`;
    return html`<table aria-label="Applied conditional access policies">
      <thead><tr><th scope="col">Policy</th><th scope="col">Result</th><th scope="col">Grant controls</th><th scope="col">Session controls</th><th scope="col">Policy id</th></tr></thead>
      <tbody>
        ${v.policies.map((p: PolicyRow) => html`<tr class="${p.reportOnly ? 'reportOnly' : ''} ${p.result === 'failure' ? 'failure' : ''}"><td>${p.name}</td><td>${this.badge(p.result)}</td><td>${p.grantControls}</td><td>${p.sessionControls}</td><td class="muted">${p.id}</td></tr>`)}
      </tbody>
    </table>`;
  }

  /** An admin's verdict on a risky sign-in: the host checks permissions and asks before sending it. */
  private verdicts(v: SignInView): TemplateResult | typeof nothing {
    if (v.riskActions.length === 0) return nothing;
    return html`<div class="row verdicts" role="group" aria-label="Verdict on this sign-in's risk">${v.riskActions.map((a) => html`<vscode-button secondary @click=${() => this.host.request('triage', { action: a })}>${VERDICT_LABEL[a]}</vscode-button>`)}</div>`;
  }

  private map(v: SignInView): TemplateResult | typeof nothing {
    if (!v.coordinates) return nothing;
    const field = (label: string) => v.location.find((f) => f.label === label)?.value ?? '';
    const label = [field('City'), field('Country or region')].filter(Boolean).join(', ') || `${v.coordinates.latitude.toFixed(2)}, ${v.coordinates.longitude.toFixed(2)}`;
    return html`<world-map class="map" .points=${[{ ...v.coordinates, label, tone: v.signals.length > 0 ? 'alert' : 'plain' }]}></world-map>`;
  }

  /** Timelines of the week from this sign-in: its user's, its address's, its session's. */
  private timelines(v: SignInView): TemplateResult | typeof nothing {
    const ip = v.location.find((f) => f.label === 'IP address')?.value;
    const of = [
      ...(v.userId ? [{ of: 'user' as const, label: 'Investigate This User', primary: true }] : []),
      ...(ip ? [{ of: 'ip' as const, label: 'This IP Address', primary: false }] : []),
      ...(v.userId && v.sessionId ? [{ of: 'session' as const, label: 'This Session', primary: false }] : []),
    ];
    if (of.length === 0) return nothing;
    return html`<div class="row investigate" role="group" aria-label="Timelines of 7 days">${of.map((t) => html`<vscode-button class=${t.of} ?secondary=${!t.primary} @click=${() => this.host.request('investigate', { of: t.of })}>${t.label}${t.primary ? ': Timeline of 7 Days' : ''}</vscode-button>`)}</div>`;
  }

  override render(): TemplateResult {
    const d = this.data;
    if (!d) return html`<p class="muted">Loading…</p>`;
    const v = d.view;
    const local = Number.isNaN(v.timeMs) ? '' : new Date(v.timeMs).toLocaleString();
    return html`
      <header>
        <div class="row"><span class="badge ${v.outcome === 'success' ? 'success' : v.outcome === 'interrupted' ? 'interrupted' : v.outcome === 'failure' ? 'failure' : 'neutral'}">${v.outcome === 'success' ? 'Success' : v.outcome === 'interrupted' ? 'Interrupted' : v.outcome === 'failure' ? 'Failure' : 'Unknown'}</span><h1>${v.title}</h1></div>
        <div class="row muted"><span>${local} (local)</span><span>·</span><span>${v.timeUtc} (UTC)</span><span>·</span><span>${d.tenantName}</span></div>
        ${v.errorCode !== undefined && v.errorCode !== 0
          ? html`<div class="error"><strong>Error ${v.errorCode}</strong>: ${v.errorMeaning} ${v.errorDocs ? html`<a href=${v.errorDocs}>Error code reference</a>` : nothing}<div class="muted">${v.failureReason}</div></div>`
          : nothing}
        ${v.signals.length
          ? html`<ul class="signals" aria-label="What stands out">${v.signals.map((sg) => html`<li data-signal=${sg.kind}><strong>${sg.title}</strong>: ${sg.detail}</li>`)}</ul>`
          : nothing}
        <detail-document-actions></detail-document-actions>
      </header>
      <section aria-labelledby="ca"><h2 id="ca">Conditional access${v.caStatus ? html` <span class="muted" title=${v.caStatus}>· overall ${enumLabel(v.caStatus).toLowerCase()}</span>` : nothing}</h2>${this.policies(v)}</section>
      ${v.authSteps
        ? html`<section aria-labelledby="auth"><h2 id="auth">Authentication details${v.authRequirement ? html` <span class="muted" title=${v.authRequirement}>· ${enumLabel(v.authRequirement).toLowerCase()}</span>` : nothing}</h2>
            <table aria-label="Authentication steps"><thead><tr><th scope="col">Step</th><th scope="col">Method</th><th scope="col">Succeeded</th><th scope="col">Result</th><th scope="col">Time</th></tr></thead>
            <tbody>${v.authSteps.map((st) => html`<tr><td>${st.requirement}</td><td>${st.method}${st.detail ? html` <span class="muted">(${st.detail})</span>` : nothing}</td><td>${st.succeeded}</td><td>${st.result}</td><td class="muted">${st.time}</td></tr>`)}</tbody></table></section>`
        : nothing}
      <div class="grid">
        <section aria-labelledby="basic"><h2 id="basic">Basic info</h2><detail-fields .fields=${v.basic}></detail-fields></section>
        ${v.token.length ? html`<section aria-labelledby="token"><h2 id="token">Token and session</h2><detail-fields .fields=${v.token}></detail-fields></section>` : nothing}
        <section aria-labelledby="loc"><h2 id="loc">Location and network</h2><detail-fields .fields=${v.location}></detail-fields>${this.map(v)}</section>
        <section aria-labelledby="dev"><h2 id="dev">Device</h2>${v.device.length ? html`<detail-fields .fields=${v.device}></detail-fields>` : html`<p class="muted">No device details.</p>`}</section>
        <section aria-labelledby="risk"><h2 id="risk">Risk</h2><detail-fields .fields=${v.risk}></detail-fields>${v.riskHidden ? html`<p class="muted">Risk details are hidden: they need Microsoft Entra ID P2.</p>` : nothing}${this.verdicts(v)}</section>
      </div>
      <section aria-labelledby="rel"><h2 id="rel">Related</h2>${this.timelines(v)}<ul>${v.related.map((r, i) => html`<li><button class="link" @click=${() => this.host.request('runRelated', { index: i })}>${r.label}</button></li>`)}${v.tokenId
        ? html`<li><button class="link token-activity" @click=${() => this.host.request('tokenActivity', {})}>Graph requests made with this token</button> <span class="muted">(from a workspace that keeps Graph activity)</span></li>`
        : nothing}</ul></section>
    `;
  }
}

customElements.define('signin-detail-app', SignInDetailApp);
