/**
 * Pages a Graph collection with the Graph JS SDK (PageIterator over Client.init's default
 * middleware, RetryHandler included), in its own process so NODE_EXTRA_CA_CERTS can make Node's
 * fetch trust the fake tenant. Job in IDLOG_SDK_JOB; ids go to the `out` file, one per line.
 */
import * as fs from 'fs';
import { Client, PageIterator } from '@microsoft/microsoft-graph-client';

interface Job {
  readonly origin: string;
  readonly token: string;
  readonly path: string;
  readonly out: string;
  /** Benchmark runs record a failure instead of exiting non-zero. */
  readonly tolerateFailure?: boolean;
  /** Write whole records as JSON lines (an export), not just ids. */
  readonly records?: boolean;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.env.IDLOG_SDK_JOB ?? '{}') as Job;
  const client = Client.init({
    authProvider: (done) => done(null, job.token),
    baseUrl: `${job.origin}/`,
    customHosts: new Set([new URL(job.origin).hostname]),
  });
  const fd = fs.openSync(job.out, 'w');
  let count = 0;
  const started = process.hrtime.bigint();
  let error: string | undefined;
  try {
    const first = (await client.api(job.path).get()) as { value: { id: string }[] };
    const iterator = new PageIterator(client, first, (item: { id: string }) => {
      fs.writeSync(fd, job.records ? `${JSON.stringify(item)}\n` : `${item.id}\n`);
      count++;
      return true;
    });
    await iterator.iterate();
  } catch (e) {
    // The benchmark reports how far the SDK got; the conformance test treats this as a failure.
    error = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e);
  }
  fs.closeSync(fd);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ count, seconds, completed: error === undefined, error, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), cpuSeconds: Number(((process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1e6).toFixed(1)) }) + '\n');
  if (error && !job.tolerateFailure) process.exit(1);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
