/** Steps the export tests share: cancel an export once it has written rows, and read what it left. */
import * as assert from 'assert';
import * as fs from 'fs';
import type { ExportJob, ExportState } from '../../src/vscode/export/exportJobs';

/** Cancels the job as soon as it reports written rows; checks it ended cancelled with nothing under the target name. */
export async function cancelOnceRowsWritten(job: ExportJob | undefined, file: string): Promise<void> {
  assert.ok(job, 'the export started');
  const states: ExportState[] = [];
  job.onState((s) => {
    states.push(s);
    if (s.state === 'running' && (s.progress?.rows ?? 0) > 0) job.cancel();
  });
  assert.strictEqual(await job.done, undefined, 'a cancelled export has no outcome');
  assert.strictEqual(states[states.length - 1].state, 'cancelled');
  assert.ok(!fs.existsSync(file), 'nothing under the target name');
  assert.ok(fs.existsSync(`${file}.checkpoint.json`), 'the checkpoint is kept');
}

/** The lines of an NDJSON export, parsed. */
export function ndjsonRecords(file: string): Record<string, unknown>[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
