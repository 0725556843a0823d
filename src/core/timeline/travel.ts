/**
 * Distance and speed between consecutive sign-ins of one user, and when the speed is beyond any
 * flight: the "impossible travel" an investigator looks for after a token theft.
 */

export interface Place {
  readonly latitude: number;
  readonly longitude: number;
}

/** Faster than an airliner's cruise (about 900 km/h), with room for geolocation error. */
export const IMPOSSIBLE_KMH = 1000;
/** Below this, two places are one place told apart by geolocation noise (city centroids, mobile carriers). */
export const NEAR_KM = 100;

const EARTH_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: Place, b: Place): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Leg {
  readonly km: number;
  readonly minutes: number;
  /** km/h; Infinity for a move in no time. */
  readonly kmh: number;
  readonly impossible: boolean;
}

/** The move between two sign-ins, or undefined when they are the same place (within NEAR_KM). */
export function leg(from: Place, fromMs: number, to: Place, toMs: number): Leg | undefined {
  const km = distanceKm(from, to);
  if (km < NEAR_KM) return undefined;
  const minutes = Math.abs(toMs - fromMs) / 60_000;
  const kmh = minutes === 0 ? Number.POSITIVE_INFINITY : km / (minutes / 60);
  return { km, minutes, kmh, impossible: kmh > IMPOSSIBLE_KMH };
}

/** A coordinate pair the service sent, checked: numbers within the globe. */
export function placeOf(location: unknown): Place | undefined {
  const geo = typeof location === 'object' && location !== null ? (location as { geoCoordinates?: unknown }).geoCoordinates : undefined;
  const g = (typeof geo === 'object' && geo !== null ? geo : {}) as { latitude?: unknown; longitude?: unknown };
  const { latitude, longitude } = g;
  if (typeof latitude !== 'number' || typeof longitude !== 'number' || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return { latitude, longitude };
}
