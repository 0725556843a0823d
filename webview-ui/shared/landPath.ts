/**
 * The world's land as one SVG path, in the map's coordinates (x = longitude, y = −latitude):
 * Natural Earth's 1:110m land (public domain) from world-atlas, decoded once with topojson-client.
 * About 55 KB bundled with the panels that draw maps; no tile server, nothing fetched.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land from 'world-atlas/land-110m.json';

let path: string | undefined;

/**
 * A ring as path data. Rings that cross the antimeridian (Fiji, Chukotka) jump from 180° to −180°:
 * drawn as is, that is a line across the whole map. Their longitudes are unwrapped instead (the
 * ring goes on past ±180°), and the map draws the land again 360° to either side.
 */
function ringPath(ring: readonly number[][]): string {
  let offset = 0;
  let prev: number | undefined;
  const points = ring.map(([lon, lat]) => {
    let x = lon + offset;
    if (prev !== undefined && Math.abs(x - prev) > 180) {
      const turn = x > prev ? -360 : 360;
      offset += turn;
      x += turn;
    }
    prev = x;
    return `${x.toFixed(2)},${(-lat).toFixed(2)}`;
  });
  return `M${points.join('L')}Z`;
}

export function landPath(): string {
  if (path !== undefined) return path;
  const topology = land as unknown as Topology<{ land: GeometryCollection }>;
  const geo = feature(topology, topology.objects.land);
  const parts: string[] = [];
  for (const f of geo.features) {
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const polygon of polygons) for (const ring of polygon) parts.push(ringPath(ring));
  }
  path = parts.join('');
  return path;
}
