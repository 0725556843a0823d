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
  const first = (await client.api(job.path).get()) as { value: { id: string }[] };
  const iterator = new PageIterator(client, first, (item: { id: string }) => {
    fs.writeSync(fd, `${item.id}\n`);
    count++;
    return true;
  });
  await iterator.iterate();
  fs.closeSync(fd);
  process.stdout.write(JSON.stringify({ count, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
