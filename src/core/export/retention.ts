/**
 * Graph keeps report logs 7 or 30 days, and that edge moves while a long export runs: it is
 * resolved when each window starts (and on every resume), never once at planning time.
 */
import { ServiceError } from '../http/serviceError';
import { type WindowState } from './checkpoint';
import { DAY_MS } from './windows';

/**
 * How far inside the retention edge a window starts: the edge moves while the export runs, and the
 * service's clock is not ours.
 */
export const RETENTION_MARGIN_MS = 10 * 60_000;

/** Graph's answer when a date lies beyond what the tenant keeps (API-FACTS 1: the same 400). */
export function isRetentionRefusal(e: unknown): boolean {
  return e instanceof ServiceError && e.status === 400 && /retention|older than|too old|in the past/i.test(e.serviceMessage);
}

/**
 * Resolves the retention edge for a window at the moment it starts (and on every resume). A window
 * wholly beyond it is marked incomplete at once, with no request that is certain to fail (or, when
 * the range starts at the edge itself, passed over as empty); one that straddles it starts at the
 * edge plus a margin, and says so.
 */
export function clampToRetention(w: WindowState, retentionDays: number | undefined, nowMs: number, startsAtEdge = false): 'skip' | 'go' {
  if (retentionDays === undefined) return 'go';
  const edge = nowMs - retentionDays * DAY_MS + RETENTION_MARGIN_MS;
  if (w.toMs < edge && startsAtEdge) {
    // The edge moved past this whole window before its turn (an "All available" export started
    // just after midnight UTC, whose oldest day is minutes long): it covers nothing, by design.
    w.status = 'done';
    w.coveredFromMs = w.toMs;
    return 'skip';
  }
  if (w.toMs < edge) {
    w.status = 'incomplete';
    w.reason = `older than the ${retentionDays} days Graph keeps these logs by the time the export reached it (${new Date(edge).toISOString()}); these records are gone from Graph`;
    return 'skip';
  }
  if (w.fromMs < edge && (w.coveredFromMs === undefined || w.coveredFromMs < edge)) w.coveredFromMs = edge;
  return 'go';
}

