/**
 * The benchmark's workspace side, in its own process: Identity Log Explorer's export of a
 * workspace table (day windows, each asked in time slices that fit the query API, NDJSON, fsync
 * and checkpoint after every page, manifest) over a range Graph no longer keeps. Job in
 * IDLOG_BENCH_WORKSPACE; one JSON line out.
 */
import { benchClient, type BenchJob } from './benchClient';
import { type Destination } from '../src/core/export/checkpoint';
import { runExport, newExport } from '../src/core/export/runExport';
import { NODE_FS } from '../src/core/export/exportFs';
import { workspaceCategory } from '../src/core/logAnalytics/category';
import { workspaceWindows } from '../src/core/logAnalytics/exportWindows';
import { LogAnalyticsApi } from '../src/core/logAnalytics/queryApi';
import { workspaceTable } from '../src/core/logAnalytics/tables';

interface WorkspaceJob extends BenchJob {
  readonly workspaceId: string;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.env.IDLOG_BENCH_WORKSPACE ?? '{}') as WorkspaceJob;
  const { client } = await benchClient(job);
  const table = workspaceTable('SigninLogs')!;
  const category = workspaceCategory({ id: job.workspaceId, name: 'bench' }, table)!;
  const destination: Destination = { kind: 'file', path: job.out };
  const model = { time: { kind: 'all' as const }, clauses: [], client: [] };
  const cp = newExport(
    {
      tenantKey: 'bench',
      categoryId: category.id,
      graphOrigin: '',
      filterWithoutTime: undefined,
      range: { fromMs: job.fromMs, toMs: job.toMs },
      format: 'ndjson',
      destination,
      header: { tenant: { id: job.tenant, name: 'bench', cloud: 'global' }, category: { id: category.id, label: category.label, endpoint: category.endpoint }, filter: null, fetchedAt: new Date(job.toMs).toISOString(), tool: 'bench' },
      extensionVersion: 'bench',
      source: { kind: 'logAnalytics', params: { workspaceId: job.workspaceId, workspaceName: 'bench', table: table.name, model: JSON.stringify({ clauses: [], client: [] }) } },
    },
    Date.now(),
  );
  const api = new LogAnalyticsApi(client, job.origin);
  let slices = 0;
  const counting = { query: (q: Parameters<LogAnalyticsApi['query']>[0]) => (slices++, api.query(q)) };
  const started = process.hrtime.bigint();
  let count = 0;
  let error: string | undefined;
  let complete = false;
  try {
    const out = await runExport({ category, fs: NODE_FS, now: Date.now, windows: workspaceWindows({ api: counting, stats: client.stats, workspaceId: job.workspaceId, table, model, now: Date.now }) }, cp);
    count = out.manifest.rows;
    complete = out.manifest.complete;
  } catch (e) {
    error = e instanceof Error ? e.message.slice(0, 300) : String(e);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const usage = process.resourceUsage();
  process.stdout.write(JSON.stringify({ count, seconds, completed: complete && !error, error, slices, requests: client.stats.requests, peakRssMb: Math.round(usage.maxRSS / 1024) }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
