/**
 * The benchmark's export side, in its own process so its memory is its own: Identity Log
 * Explorer's export (runExport: day windows, NDJSON, fsync and checkpoint after every page, SHA-256,
 * manifest) of a range of sign-ins to a file. Job in IDLOG_BENCH_EXPORT; one JSON line out.
 */
import { benchClient, type BenchJob } from './benchClient';
import { checkpointPathOf, type Destination } from '../src/core/export/checkpoint';
import { exportOrResume, exportSpec } from '../test/support/exportHarness';

async function main(): Promise<void> {
  const job = JSON.parse(process.env.IDLOG_BENCH_EXPORT ?? '{}') as BenchJob;
  const { client } = await benchClient(job);
  const destination: Destination = { kind: 'file', path: job.out };
  const started = process.hrtime.bigint();
  let count = 0;
  let error: string | undefined;
  let complete = false;
  try {
    const out = await exportOrResume(client, exportSpec(job.origin, job.tenant, destination, 'ndjson', { fromMs: job.fromMs, toMs: job.toMs }), { checkpointPath: checkpointPathOf(destination) });
    count = out.manifest.rows;
    complete = out.manifest.complete;
  } catch (e) {
    error = e instanceof Error ? e.message.slice(0, 300) : String(e);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ count, seconds, completed: complete && !error, error, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), cpuSeconds: Number(((process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6).toFixed(1)) }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
