/**
 * A user's timeline: what each source said (or why it could not be read), then the entries newest
 * first by day, with bursts folded and the moves between far-apart sign-ins, impossible ones
 * flagged. Every text is record text, rendered as text; an entry opens its detail.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { SOURCE_LABEL, type TimelineEntry, type TimelineRow } from '../../src/core/timeline/timeline';
import { type Place } from '../../src/core/timeline/travel';
import { type TimelineNotifications, type TimelineRequests, type TimelineShow } from '../../src/webview/timeline/protocol';
import { HostConnection } from '../shared/hostConnection';
import { statusColors } from '../shared/statusColors';
import { type MapMove, type MapPoint } from '../shared/worldMap';
import '../shared/worldMap';

const time = (ms: number) => new Date(ms).toISOString().slice(11, 19) + 'Z';
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const minute = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + 'Z';
const number = (n: number) => Math.round(n).toLocaleString('en-US');

@customElement('timeline-app')
export class TimelineApp extends LitElement {
  static override styles = [statusColors, css`
    :host { display: block; padding: 14px 20px 40px; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); max-width: 1100px; }
    h1 { font-size: 1.35em; margin: 0 0 4px; }
    .muted { color: var(--vscode-descriptionForeground); }
    .sources { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 4px 18px; margin: 12px 0; padding: 8px 12px; background: var(--vscode-textBlockQuote-background); }
    .source.unavailable { color: var(--ile-warning); }
    h2 { font-size: 1em; margin: 18px 0 4px; padding-bottom: 2px; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
    ol { list-style: none; margin: 0; padding: 0; }
    li { display: grid; grid-template-columns: 84px 190px 1fr; gap: 10px; padding: 3px 4px; align-items: baseline; border-radius: 2px; }
    li.entry { cursor: pointer; }
    li.entry:hover { background: var(--vscode-list-hoverBackground); }
    li.entry:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
    .when { font-variant-numeric: tabular-nums; color: var(--vscode-descriptionForeground); }
    .src { color: var(--vscode-descriptionForeground); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .what { min-width: 0; overflow-wrap: anywhere; unicode-bidi: isolate; }
    .title.success { color: var(--ile-success); }
    .title.failure { color: var(--ile-error); font-weight: 600; }
    .title.interrupted { color: var(--ile-warning); }
    .tag { display: inline-block; padding: 0 5px; margin-left: 6px; border: 1px solid currentColor; border-radius: 8px; font-size: 0.88em; }
    li.move { grid-template-columns: 84px 1fr; color: var(--vscode-descriptionForeground); font-style: italic; }
    li.move.impossible { color: var(--ile-error); font-style: normal; font-weight: 600; }
    .where { color: var(--vscode-descriptionForeground); }
    p.empty { margin: 16px 0; }
  `];

  private readonly host = new HostConnection<TimelineRequests, TimelineNotifications>();
  @state() private data: TimelineShow | undefined;

  constructor() {
    super();
    this.host.on('show', (d) => (this.data = d));
    this.host.ready();
  }

  private openEntry(index: number): void {
    void this.host.request('openEntry', { index });
  }

  private entry(e: TimelineEntry, index: number, burst?: { count: number; fromMs: number }): TemplateResult {
    const open = () => this.openEntry(index);
    return html`<li class="entry" tabindex="0" role="button" @click=${open} @keydown=${(k: KeyboardEvent) => (k.key === 'Enter' || k.key === ' ') && (k.preventDefault(), open())}>
      <span class="when">${time(e.timeMs)}</span>
      <span class="src" title=${SOURCE_LABEL[e.source]}>${SOURCE_LABEL[e.source]}</span>
      <span class="what"><span class="title ${e.outcome}">${burst ? `${burst.count} × ` : ''}${e.title}</span>${e.caBlocked ? html`<span class="tag">blocked by conditional access</span>` : nothing}${burst ? html` <span class="muted">from ${time(burst.fromMs)}</span>` : nothing}
        ${e.detail ? html`<div class="muted">${e.detail}</div>` : nothing}
        ${e.ip || e.where ? html`<div class="where">${[e.ip, e.where].filter(Boolean).join(' · ')}</div>` : nothing}</span>
    </li>`;
  }

  private row(r: TimelineRow): TemplateResult {
    if (r.kind === 'entry') return this.entry(r.entry, r.index);
    if (r.kind === 'burst') return this.entry(r.first, r.index, { count: r.count, fromMs: r.fromMs });
    const speed = Number.isFinite(r.leg.kmh) ? `${number(r.leg.kmh)} km/h` : 'at once';
    return html`<li class="move ${r.leg.impossible ? 'impossible' : ''}" data-impossible=${r.leg.impossible ? 'true' : 'false'}><span></span><span>${r.leg.impossible ? 'Impossible travel: ' : 'Moved: '}${r.from} → ${r.to}, ${number(r.leg.km)} km in ${number(r.leg.minutes)} min (${speed})</span></li>`;
  }

  /** Where the user signed in from: each place once, the moves between them, impossible ones marked. */
  private map(rows: readonly TimelineRow[]): TemplateResult | typeof nothing {
    const points = new Map<string, MapPoint>();
    const moves: MapMove[] = [];
    const alerts = new Set<string>();
    const key = (p: Place) => `${p.latitude.toFixed(2)},${p.longitude.toFixed(2)}`;
    for (const r of rows) {
      if (r.kind === 'move') {
        moves.push({ from: r.fromPlace, to: r.toPlace, impossible: r.leg.impossible });
        if (r.leg.impossible) for (const p of [r.fromPlace, r.toPlace]) alerts.add(key(p));
        continue;
      }
      const e = r.kind === 'entry' ? r.entry : r.first;
      if (e.place && !points.has(key(e.place))) points.set(key(e.place), { ...e.place, label: e.where || e.ip || key(e.place), tone: 'plain' });
    }
    if (points.size === 0) return nothing;
    const shown = [...points].map(([k, p]) => (alerts.has(k) ? { ...p, tone: 'alert' as const } : p));
    return html`<section aria-labelledby="places"><h2 id="places">Places (${number(shown.length)})</h2><world-map .points=${shown} .moves=${moves}></world-map></section>`;
  }

  /** Rows grouped by UTC day, newest first (a move belongs to the day of the sign-in after it). */
  private days(rows: readonly TimelineRow[]): TemplateResult[] {
    const groups: { day: string; rows: TimelineRow[] }[] = [];
    let current = '';
    for (const r of rows) {
      const ms = r.kind === 'entry' ? r.entry.timeMs : r.kind === 'burst' ? r.toMs : undefined;
      if (ms !== undefined && day(ms) !== current) {
        current = day(ms);
        groups.push({ day: current, rows: [] });
      }
      if (groups.length === 0) groups.push({ day: current, rows: [] });
      groups[groups.length - 1].rows.push(r);
    }
    return groups.map((g) => html`<section aria-label=${g.day}><h2>${g.day}</h2><ol>${g.rows.map((r) => this.row(r))}</ol></section>`);
  }

  override render(): TemplateResult {
    const d = this.data;
    if (!d) return html`<p class="muted">Loading…</p>`;
    const impossible = d.rows.filter((r) => r.kind === 'move' && r.leg.impossible).length;
    return html`<header>
        <h1>${d.user}</h1>
        <div class="muted">${d.tenantName} · ${minute(d.fromMs)} → ${minute(d.toMs)} · ${d.state === 'reading' ? 'reading every source…' : `${number(d.entries)} events${impossible ? `, ${impossible} impossible travel` : ''}`}</div>
        ${d.state === 'done' ? html`<vscode-button secondary @click=${() => void this.host.request('refresh', {})}>Read Again</vscode-button>` : nothing}
      </header>
      ${d.state === 'failed' ? html`<p class="source unavailable" role="alert">The timeline could not be read: ${d.message ?? ''}</p>` : nothing}
      ${d.sources.length
        ? html`<div class="sources" role="list" aria-label="Sources">${d.sources.map(
            (s) => html`<div role="listitem" class="source ${s.state}" data-source=${s.source} data-state=${s.state}>${SOURCE_LABEL[s.source]}: ${s.state === 'unavailable' ? `not read. ${s.note ?? ''}` : `${number(s.count)}${s.note ? ` (${s.note})` : ''}`}</div>`,
          )}</div>`
        : nothing}
      ${this.map(d.rows)}
      ${d.state === 'done' && d.rows.length === 0 ? html`<p class="empty muted">Nothing in this range from the sources that could be read.</p>` : nothing}
      ${this.days(d.rows)}`;
  }
}
