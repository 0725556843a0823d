/**
 * The benchmark's "ours" side, in its own process so its memory is its own: Identity Log
 * Explorer's client (pacer, retries, slicing) pages the query and streams ids to a file.
 */
import * as fs from 'fs';
import { benchClient, type BenchJob } from './benchClient';
import { categoryById } from '../src/core/catalog/categories';
import { type GraphCategory } from '../src/core/catalog/types';
import { runQuery } from '../src/core/query/runQuery';

async function main(): Promise<void> {
  const job = JSON.parse(process.env.IDLOG_BENCH_JOB ?? '{}') as BenchJob;
  const { client, bodyBytes } = await benchClient(job);
  const fd = fs.openSync(job.out, 'w');
  let count = 0;
  const started = process.hrtime.bigint();
  const gen = runQuery(client, { category: categoryById('signIns.interactive') as GraphCategory, graphOrigin: job.origin, filterWithoutTime: undefined, window: { fromMs: job.fromMs, toMs: job.toMs } }, { slowPageMs: 4000 * job.timeScale, minWindowMs: 60_000 });
  let incomplete: string | undefined;
  let error: string | undefined;
  try {
    for (;;) {
      const r = await gen.next();
      if (r.done) {
        incomplete = r.value.incomplete?.reason;
        break;
      }
      // A sink, not a store: ids go to the file and the records are dropped.
      if (r.value.records.length) fs.writeSync(fd, r.value.records.map((x) => `${String(x.id)}\n`).join(''));
      count += r.value.records.length;
    }
  } catch (e) {
    error = e instanceof Error ? e.message.slice(0, 300) : String(e);
  }
  fs.closeSync(fd);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ count, seconds, completed: !error && !incomplete, error: error ?? incomplete, retries: client.stats.retries, throttled: client.stats.throttled, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), cpuSeconds: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6, bodyBytes: bodyBytes() }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
