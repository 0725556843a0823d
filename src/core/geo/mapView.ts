/**
 * Where a small world map looks: the places to show, fitted into an equirectangular window
 * (x = longitude, y = −latitude, in degrees) with room around them, never narrower than a region
 * (one sign-in still shows its continent) and never beyond the world drawn (60°S to 84°N, where
 * people sign in). Pure, so it is tested apart from the drawing.
 */

export interface MapPlace {
  readonly latitude: number;
  readonly longitude: number;
}

export interface MapWindow {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The world as drawn: Antarctica and the Arctic Ocean are left out. */
export const WORLD: MapWindow = { x: -180, y: -84, width: 360, height: 144 };
/** Width over height of every window: the world's. */
export const ASPECT = WORLD.width / WORLD.height;
/** The narrowest window, in degrees of longitude: about a continent. */
const MIN_WIDTH = 80;
/** Room around the places, in degrees. */
const MARGIN = 12;

/** A window holding every place (the world when there is none), at the world's aspect. */
export function fitWindow(places: readonly MapPlace[]): MapWindow {
  const ok = places.filter((p) => Number.isFinite(p.latitude) && Number.isFinite(p.longitude) && Math.abs(p.latitude) <= 90 && Math.abs(p.longitude) <= 180);
  if (ok.length === 0) return WORLD;
  const xs = ok.map((p) => p.longitude);
  const ys = ok.map((p) => -p.latitude);
  const minX = Math.min(...xs) - MARGIN;
  const maxX = Math.max(...xs) + MARGIN;
  const minY = Math.min(...ys) - MARGIN;
  const maxY = Math.max(...ys) + MARGIN;
  let width = Math.max(MIN_WIDTH, maxX - minX, (maxY - minY) * ASPECT);
  width = Math.min(width, WORLD.width);
  const height = width / ASPECT;
  // Centred on the places, then moved (not shrunk) to stay inside the world.
  const x = clamp((minX + maxX) / 2 - width / 2, WORLD.x, WORLD.x + WORLD.width - width);
  const y = clamp((minY + maxY) / 2 - height / 2, WORLD.y, WORLD.y + WORLD.height - height);
  return { x, y, width, height };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}
