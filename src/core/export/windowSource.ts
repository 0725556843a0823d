/**
 * Where a timed export's records come from (the window source interface), and Graph's: runQuery
 * over the export's filter, by the report's time property.
 */
import { type GraphCategory } from '../catalog/types';
import { type ApiClient, type RequestStats } from '../http/client';
import { type QueryEnd, type QueryPage, runQuery, type RunOptions } from '../query/runQuery';
import { type ExportSpec } from './checkpoint';

/**
 * Where a timed export's records come from: the pages of one window, newest first (the window's
 * end is inclusive, so a resume asks again for its cursor's instant and drops what it wrote there),
 * and the instant of a record on the axis the windows cut.
 */
export interface WindowSource {
  pages(window: { readonly fromMs: number; readonly toMs: number } | undefined, options: { readonly signal?: AbortSignal; readonly onSplit: () => void }): AsyncGenerator<QueryPage, QueryEnd, void>;
  /**
   * The window the export will ask for after the current one: a source whose service allows
   * queries side by side (a workspace) may start on it while this one is written. Nothing is
   * written from it before its turn, so checkpoints and resume are unchanged.
   */
  ahead?(window: { readonly fromMs: number; readonly toMs: number }, signal?: AbortSignal): void;
  timeOf(record: Record<string, unknown>): number | undefined;
  readonly stats: RequestStats;
}

/** A Graph report as a window source: runQuery over the export's filter, by the report's time property. */
export function graphWindows(client: ApiClient, category: GraphCategory, spec: ExportSpec, now: () => number, runOptions?: Pick<RunOptions, 'minWindowMs' | 'slowPageMs'>): WindowSource {
  return {
    stats: client.stats,
    timeOf: (r) => timeOf(category, r),
    pages: (window, o) => runQuery(client, { category, graphOrigin: spec.graphOrigin, filterWithoutTime: spec.filterWithoutTime, pageSize: spec.pageSize, window }, { ...runOptions, signal: o.signal, now, onSplit: o.onSplit }),
  };
}


function timeOf(category: GraphCategory, r: Record<string, unknown>): number | undefined {
  if (!category.timeProperty) return undefined;
  const t = Date.parse(String(r[category.timeProperty]));
  return Number.isNaN(t) ? undefined : t;
}
