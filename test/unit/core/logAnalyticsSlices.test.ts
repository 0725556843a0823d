import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkpointPathOf, type Destination, loadCheckpoint } from '../../../src/core/export/checkpoint';
import { NODE_FS } from '../../../src/core/export/exportFs';
import { ExportInterruptedError, newExport, runExport } from '../../../src/core/export/runExport';
import { workspaceCategory } from '../../../src/core/logAnalytics/category';
import { workspaceWindows } from '../../../src/core/logAnalytics/exportWindows';
import { QueryTimeoutError } from '../../../src/core/http/client';
import { type WorkspaceResult } from '../../../src/core/logAnalytics/queryApi';
import { slicePages, sliceQuery, SliceTooLargeError, type SlicedQuery } from '../../../src/core/logAnalytics/slices';
import { workspaceTable } from '../../../src/core/logAnalytics/tables';
import { type LogRecord } from '../../../src/core/records/untrusted';
import { evaluate, type Row } from '../../../src/emulator/kql/evaluate';
import { KDate } from '../../../src/emulator/kql/scalars';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const DAY = 86_400_000;
const COLUMNS = [
  { name: 'TimeGenerated', type: 'datetime' },
  { name: 'Id', type: 'string' },
  { name: 'ResultType', type: 'string' },
];

/**
 * A workspace that runs the query with the fake tenant's KQL engine over the given rows, cuts an
 * answer at `cap` rows (a partial result), and times out when a slice is wider than `timeoutMs`.
 */
function workspace(times: readonly number[], cap: number, timeoutMs = Infinity) {
  const rows: Row[] = times.map((t, i) => ({ TimeGenerated: new KDate(t), Id: `r${i}`, ResultType: i % 2 ? '0' : '50126' }));
  const asked: string[] = [];
  return {
    asked,
    query: async (q: { query: string; timespan?: string }): Promise<WorkspaceResult> => {
      asked.push(q.timespan ?? '');
      const [from, to] = (q.timespan ?? '').split('/').map(Date.parse);
      if (to - from > timeoutMs) throw new QueryTimeoutError(false);
      const r = evaluate(q.query, { now: NOW, table: (name) => (name === 'SigninLogs' ? { columns: COLUMNS, rows } : undefined) }, cap);
      const records = r.rows.map((x) => ({ Id: x.Id, TimeGenerated: (x.TimeGenerated as KDate).toJSON() }) as LogRecord);
      return { columns: r.columns, records, ...(r.truncated ? { partial: { code: 'PartialError', message: `exceeded the record count limit ${cap}` } } : {}) };
    },
  };
}

const plan = (fromMs: number, toMs: number): SlicedQuery => ({ workspaceId: 'w', table: workspaceTable('SigninLogs')!, model: { time: { kind: 'all' }, clauses: [], client: [] }, range: { fromMs, toMs } });

async function all(api: ReturnType<typeof workspace>, q: SlicedQuery, options: { minSliceMs?: number; initialSliceMs?: number; targetRows?: number } = {}) {
  const ids: string[] = [];
  const gen = sliceQuery(api, q, { nowMs: NOW, ...options });
  for (;;) {
    const next = await gen.next();
    if (next.done) return { ids, stats: next.value };
    ids.push(...next.value.records.map((r) => String((r as Record<string, unknown>).Id)));
  }
}

describe('core/logAnalytics: slicing a long range to stay inside the query API’s limits', function () {
  this.timeout(60_000);

  it('90 days with a 500-row cap: every row once, newest first, with the partial slices asked again narrower', async () => {
    const times = Array.from({ length: 3000 }, (_, i) => NOW - 1 - Math.floor((i * 90 * DAY) / 3000));
    const api = workspace(times, 500);
    const { ids, stats } = await all(api, plan(NOW - 90 * DAY, NOW));
    assert.deepStrictEqual(ids, times.map((_, i) => `r${i}`));
    assert.ok(stats.narrowed > 0, 'the first slice came back partial and was narrowed');
    assert.strictEqual(stats.slices, api.asked.length - stats.narrowed);
  });

  it('a slice that times out is halved; one that comes back small widens the next', async () => {
    const times = Array.from({ length: 200 }, (_, i) => NOW - 1 - i * 6 * 3_600_000);
    const api = workspace(times, 10_000, 10 * DAY);
    const { ids, stats } = await all(api, plan(NOW - 50 * DAY, NOW), { initialSliceMs: DAY, targetRows: 1000 });
    assert.deepStrictEqual(ids, times.map((_, i) => `r${i}`));
    const widths = api.asked.map((t) => t.split('/').map(Date.parse)).map(([f, to]) => to - f);
    assert.strictEqual(widths[0], DAY);
    assert.strictEqual(widths[1], 2 * DAY, 'small answer: the next slice is twice as wide');
    assert.ok(widths.every((w) => w <= 16 * DAY), 'never wider than twice the timeout');
    assert.ok(stats.narrowed > 0, 'a slice wider than the timeout was halved');
  });

  it('a panel\'s pages: the first slice at once, then pages of whole 1,000s gathered across slices, every row once in order', async () => {
    // 6,000 rows over 60 days; slices start at 1 hour and double while small.
    const times = Array.from({ length: 6000 }, (_, i) => NOW - 1 - Math.floor((i * 60 * DAY) / 6000));
    const api = workspace(times, 100_000);
    const pages = slicePages(sliceQuery(api, plan(NOW - 60 * DAY, NOW), { nowMs: NOW, initialSliceMs: 3_600_000, targetRows: 10_000 }), (r) => String((r as Record<string, unknown>).Id), 1000);
    const sizes: number[] = [];
    const ids: string[] = [];
    for (;;) {
      const next = await pages.next();
      if (next.done) break;
      sizes.push(next.value.records.length);
      ids.push(...next.value.records);
    }
    assert.deepStrictEqual(ids, times.map((_, i) => `r${i}`));
    // The first hour holds 5 rows (one every 14.4 minutes): they go out alone, not held for later slices.
    assert.strictEqual(sizes[0], 5);
    assert.ok(sizes.slice(1, -1).every((n) => n === 1000), sizes.join(' '));
    assert.ok(api.asked.length > sizes.length, `${api.asked.length} slices made ${sizes.length} pages`);
  });

  it('a row exactly on the instant where two slices meet is in the newer slice only', async () => {
    // Slices of 1 day, then 2 (small answers widen): they meet at exactly 1 and 3 days ago.
    const times = [NOW - 1000, NOW - DAY, NOW - 2 * DAY, NOW - 3 * DAY, NOW - 4 * DAY];
    const { ids } = await all(workspace(times, 1000), plan(NOW - 5 * DAY, NOW), { initialSliceMs: DAY, targetRows: 1000 });
    assert.deepStrictEqual(ids, ['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('a slice that cannot be narrowed any more and still does not fit is an error that says so', async () => {
    const times = Array.from({ length: 50 }, () => NOW - 5000);
    await assert.rejects(all(workspace(times, 10), plan(NOW - DAY, NOW), { minSliceMs: 60_000 }), SliceTooLargeError);
  });

  it('property: whatever the rows, the cap and the first slice, the slices hold every row exactly once, newest first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 30 * DAY }), { minLength: 0, maxLength: 400 }),
        fc.integer({ min: 5, max: 300 }),
        fc.integer({ min: 60_000, max: 40 * DAY }),
        async (ages, cap, first) => {
          // Distinct times: a cap below the rows of a single instant could never be sliced.
          const times = [...new Set(ages)].sort((a, b) => a - b).map((age) => NOW - age);
          const { ids } = await all(workspace(times, cap), plan(NOW - 30 * DAY, NOW), { initialSliceMs: first, minSliceMs: 1 });
          assert.deepStrictEqual(ids, times.map((_, i) => `r${i}`));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('core/logAnalytics: a workspace export asks the next day while it writes this one', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ile-ws-ahead-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const table = workspaceTable('SigninLogs')!;
  const category = workspaceCategory({ id: 'w', name: 'bench' }, table)!;
  const range = { fromMs: NOW - 10 * DAY, toMs: NOW - 1 };
  const times = Array.from({ length: 2000 }, (_, i) => NOW - 2 - Math.floor((i * 10 * DAY) / 2000));

  /** The workspace above, each answer after a short wait, counting how many queries run at once. */
  function slowWorkspace(delayMs = 15) {
    const inner = workspace(times, 100_000);
    const seen = { now: 0, most: 0, queries: 0 };
    return {
      seen,
      query: async (q: Parameters<typeof inner.query>[0] & { signal?: AbortSignal }) => {
        seen.queries++;
        seen.most = Math.max(seen.most, ++seen.now);
        try {
          await new Promise((r) => setTimeout(r, delayMs));
          if (q.signal?.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' });
          return await inner.query(q);
        } finally {
          seen.now--;
        }
      },
    };
  }

  const run = async (file: string, api: ReturnType<typeof slowWorkspace>, ahead: boolean, signal?: AbortSignal, stopAfterRows?: { rows: number; abort: AbortController }) => {
    const destination: Destination = { kind: 'file', path: file };
    const cp =
      (await loadCheckpoint(NODE_FS, checkpointPathOf(destination))) ??
      newExport(
        {
          tenantKey: 't',
          categoryId: category.id,
          graphOrigin: '',
          filterWithoutTime: undefined,
          range,
          format: 'ndjson',
          destination,
          header: { tenant: { id: 't', name: 't', cloud: 'global' }, category: { id: category.id, label: category.label, endpoint: category.endpoint }, filter: null, fetchedAt: new Date(NOW).toISOString(), tool: 'test' },
          extensionVersion: 'test',
          source: { kind: 'logAnalytics', params: { workspaceId: 'w', workspaceName: 'bench', table: table.name, model: JSON.stringify({ clauses: [], client: [] }) } },
        },
        NOW,
      );
    const source = workspaceWindows({ api, stats: { requests: 0, retries: 0, throttled: 0, refreshedTokens: 0 } as never, workspaceId: 'w', table, model: { time: { kind: 'all' }, clauses: [], client: [] }, now: () => NOW });
    const windows = ahead ? source : { ...source, ahead: undefined };
    return runExport({ category, fs: NODE_FS, now: () => NOW, windows, signal, onProgress: (p) => stopAfterRows && p.rows >= stopAfterRows.rows && stopAfterRows.abort.abort() }, cp);
  };
  const ids = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id);

  it('two queries at once at most, and the same file as asking one day at a time', async () => {
    const sequential = slowWorkspace();
    await run(path.join(dir, 'one.ndjson'), sequential, false);
    assert.strictEqual(sequential.seen.most, 1);
    const overlapped = slowWorkspace();
    await run(path.join(dir, 'two.ndjson'), overlapped, true);
    assert.strictEqual(overlapped.seen.most, 2, 'the next day was asked while this one was written');
    assert.strictEqual(overlapped.seen.queries, sequential.seen.queries, 'each day asked once');
    assert.deepStrictEqual(ids(path.join(dir, 'two.ndjson')), ids(path.join(dir, 'one.ndjson')));
    assert.deepStrictEqual(ids(path.join(dir, 'one.ndjson')), times.map((_, i) => `r${i}`));
  });

  it('a cancel stops the export even when the next day has already arrived', async () => {
    const file = path.join(dir, 'fast.ndjson');
    const abort = new AbortController();
    const api = slowWorkspace(0);
    await assert.rejects(run(file, api, true, abort.signal, { rows: 1, abort }), ExportInterruptedError);
    assert.ok(api.seen.queries <= 3, `${api.seen.queries} days asked: the one written, and at most two ahead`);
    assert.ok(!fs.existsSync(file));
  });

  it('cancelled midway with a day asked ahead, then resumed: the file is the workspace’s rows, each once', async () => {
    const file = path.join(dir, 'resumed.ndjson');
    const abort = new AbortController();
    await assert.rejects(run(file, slowWorkspace(), true, abort.signal, { rows: 700, abort }), ExportInterruptedError);
    assert.ok(!fs.existsSync(file) && fs.existsSync(checkpointPathOf({ kind: 'file', path: file })));
    await run(file, slowWorkspace(), true);
    assert.deepStrictEqual(ids(file), times.map((_, i) => `r${i}`));
  });
});
