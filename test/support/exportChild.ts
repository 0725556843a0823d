/**
 * A separate process that runs (or resumes) one export against the fake tenant, so the kill test
 * can SIGKILL it at any moment. Arguments come as JSON in EXPORT_CHILD.
 */
import { checkpointPathOf, type Destination } from '../../src/core/export/checkpoint';
import { type EmulatorInfo } from '../../src/emulator';
import { emulatorApi } from './emulatorApi';
import { exportOrResume, exportSpec } from './exportHarness';

interface ChildArgs {
  origin: string;
  caPem: string;
  info: EmulatorInfo;
  tenant: string;
  app: string;
  destination: Destination;
  range: { fromMs: number; toMs: number };
  timeScale: number;
}

async function main(): Promise<void> {
  const a = JSON.parse(process.env.EXPORT_CHILD ?? '{}') as ChildArgs;
  const { client } = await emulatorApi({ origin: a.origin, caPem: a.caPem, info: a.info }, a.tenant, a.app, { timeScale: a.timeScale });
  const spec = exportSpec(a.origin, a.tenant, a.destination, 'ndjson', a.range);
  const out = await exportOrResume(client, spec, { checkpointPath: checkpointPathOf(a.destination) });
  process.stdout.write(`${JSON.stringify({ rows: out.manifest.rows })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
