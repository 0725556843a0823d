/**
 * Runs a category query as a stream of pages, newest first. A wide query the service gives up on
 * (504, or our own timeout) is split into smaller time windows that are fetched in the order the
 * user sees them and stitched together: records at window edges are de-duplicated by id, and a
 * window that failed half-way resumes from the last record already delivered.
 */
import { type GraphCategory } from '../catalog/types';
import { UnsafeLinkError } from '../http/allowlist';
import { type ApiClient, QueryTimeoutError } from '../http/client';
import { datetimeLiteral } from '../odata/literals';
import { isUnreadable, jsonText, type LogRecord, screenPage } from '../records/untrusted';

export interface QueryPlan {
  readonly category: GraphCategory;
  readonly graphOrigin: string;
  /** The clauses' `$filter` without the time range (fixed event-type filter included). */
  readonly filterWithoutTime: string | undefined;
  /** The time window, when the category is filtered by time. */
  readonly window: { readonly fromMs: number; readonly toMs: number } | undefined;
  readonly pageSize?: number;
}

export interface QueryPage {
  /** Unreadable records are kept in place (DESIGN rule 2), never dropped. */
  readonly records: LogRecord[];
  /** The window this page came from. */
  readonly window?: { readonly fromMs: number; readonly toMs: number };
  readonly pageNumber: number;
}

export interface QueryEnd {
  /** Set when the results are known to be incomplete, with the reason and the part not covered. */
  readonly incomplete?: { readonly reason: string; readonly uncovered?: { readonly fromMs: number; readonly toMs: number } };
  readonly splits: number;
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  /** Windows narrower than this are not narrowed further; their timeouts are retried instead. */
  readonly minWindowMs?: number;
  /**
   * A page that takes longer than this means the window is too wide for the service (filtered
   * sign-in queries slow down with the width of the time window): later windows are narrowed.
   */
  readonly slowPageMs?: number;
  readonly now?: () => number;
  readonly onSplit?: (window: { fromMs: number; toMs: number }) => void;
}

/** Edge records can come twice (inclusive bounds, resumed windows): remember ids near the frontier. */
class EdgeDeduper {
  private readonly seen = new Map<string, number>();
  private frontier = Infinity;

  accept(id: string, timeMs: number): boolean {
    if (this.seen.has(id)) return false;
    this.seen.set(id, timeMs);
    if (timeMs < this.frontier) {
      this.frontier = timeMs;
      // Later windows end at or below the frontier (+1 ms), so ids well above it cannot recur.
      if (this.seen.size > 4096) for (const [k, t] of this.seen) if (t > this.frontier + 2000) this.seen.delete(k);
    }
    return true;
  }
}

function url(plan: QueryPlan, window: { fromMs: number; toMs: number } | undefined): string {
  const c = plan.category;
  const parts: string[] = [];
  if (plan.filterWithoutTime) parts.push(plan.filterWithoutTime);
  if (window && c.timeProperty && c.timeOperators) {
    const [lower, upper] = c.timeOperators;
    // gt/lt categories (provisioning) need the bounds widened by a millisecond to stay inclusive.
    parts.push(`${c.timeProperty} ${lower} ${datetimeLiteral(lower === 'gt' ? window.fromMs - 1 : window.fromMs)}`);
    parts.push(`${c.timeProperty} ${upper} ${datetimeLiteral(upper === 'lt' ? window.toMs + 1 : window.toMs)}`);
  }
  const u = new URL(`${plan.graphOrigin}/${c.apiVersion}${c.path}`);
  if (parts.length > 0) u.searchParams.set('$filter', parts.join(' and '));
  u.searchParams.set('$top', String(plan.pageSize ?? c.defaultPageSize));
  return u.toString();
}

/**
 * Walks the time range from newest to oldest with a cursor. The window starts as the whole range;
 * a timeout (504 or our own) or a slow page narrows the window for what is left, and quick pages
 * let it widen again. A window left part-way resumes just below the last record delivered, so
 * nothing is lost, and the edge records that come again are dropped by id.
 */
export async function* runQuery(client: ApiClient, plan: QueryPlan, options: RunOptions = {}): AsyncGenerator<QueryPage, QueryEnd, void> {
  const c = plan.category;
  const limit = c.throttle;
  const minWindowMs = options.minWindowMs ?? 60_000;
  const slowPageMs = options.slowPageMs ?? 10_000;
  const now = options.now ?? (() => Date.now());
  const dedupe = new EdgeDeduper();
  const timeOf = (r: Record<string, unknown>) => (c.timeProperty ? Date.parse(String(r[c.timeProperty])) : NaN);
  const range = plan.window;
  let pageNumber = 0;
  let splits = 0;
  let cursor = range?.toMs ?? 0;
  let size = range ? range.toMs - range.fromMs : 0;

  for (;;) {
    const window = range ? { fromMs: Math.max(range.fromMs, cursor - size), toMs: cursor } : undefined;
    let next: string | undefined = url(plan, window);
    let oldestDelivered: number | undefined;
    let narrowTo: number | undefined;
    let quick = true;
    try {
      while (next) {
        const narrowable = window !== undefined && window.toMs - window.fromMs > minWindowMs;
        const started = now();
        const res = await client.request(next, { resource: 'graph', limit, signal: options.signal, timeoutsToCaller: narrowable });
        const took = now() - started;
        const body = res.body as { value?: unknown; '@odata.nextLink'?: unknown };
        const value: unknown[] = Array.isArray(body?.value) ? (body.value as unknown[]) : [];
        const records: LogRecord[] = [];
        for (const r of screenPage(value).records) {
          // Two unreadable records with the same text (two nulls) are two records: without an id
          // or a time they cannot be told apart from a repeat, so they are never dropped as one.
          if (isUnreadable(r)) {
            records.push(r);
            continue;
          }
          const id = typeof r.id === 'string' ? r.id : jsonText(r);
          const t = timeOf(r);
          if (!dedupe.accept(id, Number.isNaN(t) ? 0 : t)) continue;
          records.push(r);
          if (!Number.isNaN(t)) oldestDelivered = oldestDelivered === undefined ? t : Math.min(oldestDelivered, t);
        }
        pageNumber++;
        yield { records, window, pageNumber };
        next = typeof body?.['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : undefined;
        if (took > slowPageMs / 4) quick = false;
        if (next && narrowable && took > slowPageMs && oldestDelivered !== undefined) {
          // Slow because the window is wide: finish what is left of it in narrower windows.
          narrowTo = Math.max(minWindowMs, Math.floor(((window.toMs - window.fromMs) * slowPageMs) / took / 2));
          break;
        }
      }
    } catch (e) {
      if (e instanceof QueryTimeoutError && window) {
        narrowTo = Math.max(minWindowMs, Math.floor((window.toMs - window.fromMs) / 4));
      } else if (e instanceof UnsafeLinkError) {
        const uncovered = window && range ? { fromMs: range.fromMs, toMs: oldestDelivered ?? window.toMs } : undefined;
        return { incomplete: { reason: e.message, uncovered }, splits };
      } else throw e;
    }
    if (!window || !range) return { splits };
    if (narrowTo !== undefined) {
      // Resume just below what was delivered (inclusive bound; edge records are de-duplicated).
      splits++;
      const resumeAt = oldestDelivered !== undefined ? Math.min(window.toMs, oldestDelivered + 1) : window.toMs;
      options.onSplit?.({ fromMs: window.fromMs, toMs: resumeAt });
      cursor = resumeAt;
      size = narrowTo;
      continue;
    }
    if (window.fromMs <= range.fromMs) return { splits };
    cursor = window.fromMs;
    if (quick) size = Math.min(range.toMs - range.fromMs, size * 2);
  }
}
