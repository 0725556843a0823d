/**
 * A workspace table as an export's window source: each export window (a UTC day, newest first) is
 * asked in time slices that fit the query API (slices.ts), its rows put in Graph's shape, and a
 * record's instant is when the workspace received it (TimeGenerated), the axis the slices cut.
 */
import { type WindowSource } from '../export/runExport';
import { type RequestStats } from '../http/client';
import { type FilterModel } from '../odata/model';
import { type LogAnalyticsApi } from './queryApi';
import { sliceQuery } from './slices';
import { type WorkspaceTable } from './tables';
import { toGraphShape } from './toGraph';

const PAGE_ROWS = 1000;

export interface WorkspaceExport {
  readonly api: Pick<LogAnalyticsApi, 'query'>;
  readonly stats: RequestStats;
  readonly workspaceId: string;
  readonly workspaceName?: string;
  readonly table: WorkspaceTable;
  readonly model: FilterModel;
  readonly now: () => number;
}

export function workspaceWindows(x: WorkspaceExport): WindowSource {
  return {
    stats: x.stats,
    timeOf: (r) => {
      const s = (r as { workspaceSource?: { timeGenerated?: unknown } }).workspaceSource;
      const t = typeof s?.timeGenerated === 'string' ? Date.parse(s.timeGenerated) : Number.NaN;
      return Number.isNaN(t) ? undefined : t;
    },
    async *pages(window, options) {
      if (!window) throw new Error('A workspace export needs a time range.');
      // The window's end is inclusive; slices are half-open, so they cover [from, to + 1 ms).
      const slices = sliceQuery(x.api, { workspaceId: x.workspaceId, table: x.table, model: x.model, range: { fromMs: window.fromMs, toMs: window.toMs + 1 } }, { nowMs: x.now(), signal: options.signal });
      let pageNumber = 0;
      for (;;) {
        const next = await slices.next();
        if (next.done) {
          for (let i = 0; i < next.value.narrowed; i++) options.onSplit();
          return { splits: next.value.narrowed };
        }
        const records = next.value.records.map((r) => toGraphShape(r, { workspaceId: x.workspaceId, ...(x.workspaceName ? { workspaceName: x.workspaceName } : {}), table: x.table.name }));
        for (let i = 0; i < records.length; i += PAGE_ROWS) yield { records: records.slice(i, i + PAGE_ROWS), window: next.value.window, pageNumber: ++pageNumber };
      }
    },
  };
}
