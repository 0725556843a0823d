/** What an export of a category query sends: the filter without time, and the range it covers. */
import { type GraphCategory } from '../catalog/types';
import { buildFilter } from '../odata/build';
import { type FilterModel, resolveTime, type TimeRange } from '../odata/model';

export interface ExportPlan {
  /** `$filter` without the time range, fixed event-type filter included. */
  readonly filterWithoutTime: string | undefined;
  /** The whole `$filter` of the first window, for the header. */
  readonly filter: string | undefined;
  /** Undefined for categories without a time filter, or "all" where Graph keeps years. */
  readonly range: { readonly fromMs: number; readonly toMs: number } | undefined;
  /** Days the service keeps these records, when it keeps fewer than years (see ExportSpec). */
  readonly retentionDays?: number;
  /** The range starts where the service's retention does ("All available", or a range reaching past it). */
  readonly startsAtRetentionEdge?: boolean;
  /** Why this model cannot be exported (the filter UI's own messages). */
  readonly problem?: string;
}

export function exportPlan(category: GraphCategory, model: FilterModel, time: TimeRange, nowMs: number, retentionDays = 30): ExportPlan {
  const full = buildFilter(category, { ...model, time }, { nowMs, retentionDays });
  const withoutTime = buildFilter(category, { ...model, time: { kind: 'all' } }, { nowMs }).filter;
  if (full.problems.length > 0) return { filterWithoutTime: withoutTime, filter: full.filter, range: undefined, problem: full.problems[0].message };
  let range: { fromMs: number; toMs: number } | undefined;
  let atEdge = false;
  if (category.timeProperty) {
    // Report logs (sign-ins, audits, provisioning) are kept 30 days: "all" means exactly that, so
    // the export can still go window by window and resume by time.
    const oldest = nowMs - retentionDays * 86_400_000 + 60_000;
    const r = resolveTime(time, nowMs) ?? (category.throttle === 'reports' ? { fromMs: oldest, toMs: nowMs } : undefined);
    if (r) range = { fromMs: category.throttle === 'reports' ? Math.max(r.fromMs, oldest) : r.fromMs, toMs: Math.min(r.toMs, nowMs) };
    atEdge = category.throttle === 'reports' && r !== undefined && r.fromMs <= oldest;
  }
  return { filterWithoutTime: withoutTime, filter: full.filter, range, ...(category.throttle === 'reports' ? { retentionDays } : {}), ...(atEdge ? { startsAtRetentionEdge: true } : {}) };
}
