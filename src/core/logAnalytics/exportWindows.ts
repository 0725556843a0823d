/**
 * A workspace table as an export's window source: each export window (a UTC day, newest first) is
 * asked in time slices that fit the query API (slices.ts), its rows put in Graph's shape, and a
 * record's instant is when the workspace received it (TimeGenerated), the axis the slices cut.
 * The next window is asked while this one is written (the API runs 5 queries of a user at once),
 * so the service and the writer work side by side; its rows wait for their turn in memory.
 */
import { type WindowSource } from '../export/windowSource';
import { AbortedError } from '../http/clock';
import { type RequestStats } from '../http/client';
import { type FilterModel } from '../odata/model';
import { type LogRecord } from '../records/untrusted';
import { type LogAnalyticsApi } from './queryApi';
import { type Slice, sliceQuery } from './slices';
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

type Window = { readonly fromMs: number; readonly toMs: number };
interface Prefetch {
  readonly controller: AbortController;
  readonly result: Promise<{ readonly slices: readonly Slice[]; readonly narrowed: number }>;
  readonly unlink: () => void;
}

/**
 * Windows kept asked ahead. The export names the window after next before it asks for the next
 * one, so two are held for a moment; at most two queries run at once (the API allows 5 a user).
 */
const MAX_AHEAD = 2;

export function workspaceWindows(x: WorkspaceExport): WindowSource {
  const shape = (r: LogRecord) => toGraphShape(r, { workspaceId: x.workspaceId, ...(x.workspaceName ? { workspaceName: x.workspaceName } : {}), table: x.table.name });
  // The window's end is inclusive; slices are half-open, so they cover [from, to + 1 ms).
  const slicesOf = (window: Window, signal: AbortSignal | undefined) => sliceQuery(x.api, { workspaceId: x.workspaceId, table: x.table, model: x.model, range: { fromMs: window.fromMs, toMs: window.toMs + 1 } }, { nowMs: x.now(), signal });
  const key = (w: Window) => `${w.fromMs}/${w.toMs}`;
  // Windows asked before their turn, by key, oldest request first.
  const prefetched = new Map<string, Prefetch>();

  async function collect(window: Window, signal: AbortSignal) {
    const slices: Slice[] = [];
    const gen = slicesOf(window, signal);
    for (;;) {
      const next = await gen.next();
      if (next.done) return { slices, narrowed: next.value.narrowed };
      slices.push(next.value);
    }
  }

  return {
    stats: x.stats,
    timeOf: (r) => {
      const s = (r as { workspaceSource?: { timeGenerated?: unknown } }).workspaceSource;
      const t = typeof s?.timeGenerated === 'string' ? Date.parse(s.timeGenerated) : Number.NaN;
      return Number.isNaN(t) ? undefined : t;
    },
    ahead(window, signal) {
      // An abort listener added to a signal already aborted never runs: a cancelled export asks nothing more.
      if (signal?.aborted || prefetched.has(key(window))) return;
      const controller = new AbortController();
      const stop = () => controller.abort();
      signal?.addEventListener('abort', stop, { once: true });
      const result = collect(window, controller.signal);
      // Read when its turn comes; an export that stops first must not leave it unhandled.
      result.catch(() => undefined);
      prefetched.set(key(window), { controller, result, unlink: () => signal?.removeEventListener('abort', stop) });
      for (const [k, p] of prefetched) {
        if (prefetched.size <= MAX_AHEAD) break;
        p.controller.abort();
        p.unlink();
        prefetched.delete(k);
      }
    },
    async *pages(window, options) {
      if (!window) throw new Error('A workspace export needs a time range.');
      let pageNumber = 0;
      const ready = prefetched.get(key(window));
      if (ready) {
        prefetched.delete(key(window));
        try {
          // Rows asked ahead are not a reason to go on after a cancel.
          if (options.signal?.aborted) throw new AbortedError();
          const { slices, narrowed } = await ready.result;
          for (const slice of slices) {
            const records = slice.records.map(shape);
            for (let i = 0; i < records.length; i += PAGE_ROWS) yield { records: records.slice(i, i + PAGE_ROWS), window: slice.window, pageNumber: ++pageNumber };
          }
          for (let i = 0; i < narrowed; i++) options.onSplit();
          return { splits: narrowed };
        } finally {
          ready.unlink();
        }
      }
      const slices = slicesOf(window, options.signal);
      for (;;) {
        const next = await slices.next();
        if (next.done) {
          for (let i = 0; i < next.value.narrowed; i++) options.onSplit();
          return { splits: next.value.narrowed };
        }
        const records = next.value.records.map(shape);
        for (let i = 0; i < records.length; i += PAGE_ROWS) yield { records: records.slice(i, i + PAGE_ROWS), window: next.value.window, pageNumber: ++pageNumber };
      }
    },
  };
}
