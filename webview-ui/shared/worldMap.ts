/**
 * A small world map of places: land from bundled offline geography, each place a dot (its label
 * is its tooltip and part of the map's accessible name), and moves between places as lines, an
 * impossible one marked. Zoomed to the places (core/geo/mapView). SVG with classes only: the CSP
 * allows no inline style, and every text is a Lit binding.
 */
import { css, html, LitElement, nothing, svg, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { fitWindow } from '../../src/core/geo/mapView';
import { landPath } from './landPath';

export interface MapPoint {
  readonly latitude: number;
  readonly longitude: number;
  readonly label: string;
  /** `alert`: a place to look at (a risky or impossible sign-in); `plain`: any other. */
  readonly tone: 'alert' | 'plain';
}

export interface MapMove {
  readonly from: { readonly latitude: number; readonly longitude: number };
  readonly to: { readonly latitude: number; readonly longitude: number };
  readonly impossible: boolean;
}

@customElement('world-map')
export class WorldMap extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 520px; }
    svg { display: block; width: 100%; height: auto; border: 1px solid var(--vscode-panel-border, #8885); background: var(--vscode-editor-background); }
    .land { fill: color-mix(in srgb, var(--vscode-foreground) 16%, var(--vscode-editor-background)); stroke: color-mix(in srgb, var(--vscode-foreground) 45%, var(--vscode-editor-background)); stroke-width: 0.6; vector-effect: non-scaling-stroke; }
    line { stroke: var(--vscode-descriptionForeground); stroke-width: 1.5; stroke-dasharray: 4 3; vector-effect: non-scaling-stroke; }
    line.impossible { stroke: var(--vscode-errorForeground); stroke-width: 2; stroke-dasharray: none; }
    circle { stroke: var(--vscode-editor-background); vector-effect: non-scaling-stroke; stroke-width: 1.5; }
    circle.plain { fill: var(--vscode-charts-blue, #1a85ff); }
    circle.alert { fill: var(--vscode-errorForeground); }
    .caption { color: var(--vscode-descriptionForeground); font-size: 0.92em; margin-top: 2px; }
  `;

  @property({ attribute: false }) points: readonly MapPoint[] = [];
  @property({ attribute: false }) moves: readonly MapMove[] = [];

  override render(): TemplateResult | typeof nothing {
    if (this.points.length === 0) return nothing;
    const w = fitWindow([...this.points, ...this.moves.flatMap((m) => [m.from, m.to])]);
    // Dots keep about the same size on screen whatever the zoom.
    const r = w.width / 110;
    const labels = [...new Set(this.points.map((p) => p.label))];
    const name = `Map of ${labels.length === 1 ? labels[0] : `${labels.length} places: ${labels.slice(0, 8).join('; ')}${labels.length > 8 ? '; …' : ''}`}`;
    return html`<svg viewBox="${w.x} ${w.y} ${w.width} ${w.height}" role="img" aria-label=${name} preserveAspectRatio="xMidYMid meet">
        <path class="land" d=${landPath()}></path>
        <path class="land" d=${landPath()} transform="translate(-360 0)"></path>
        <path class="land" d=${landPath()} transform="translate(360 0)"></path>
        ${this.moves.map((m) => svg`<line class=${m.impossible ? 'impossible' : 'possible'} x1=${m.from.longitude} y1=${-m.from.latitude} x2=${m.to.longitude} y2=${-m.to.latitude}></line>`)}
        ${this.points.map((p) => svg`<circle class=${p.tone} cx=${p.longitude} cy=${-p.latitude} r=${p.tone === 'alert' ? r * 1.3 : r}><title>${p.label}</title></circle>`)}
      </svg>
      <div class="caption">Map: Natural Earth (offline). Places are the service's geolocation of the address, often a city's centre.</div>`;
  }
}
