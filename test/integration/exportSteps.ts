/** Steps the export tests share: cancel an export once it has written rows, and read what it left. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ExportManifest } from '../../src/core/export/manifest';
import type { IdentityLogsApi } from '../../src/vscode/testing/testApi';
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

/**
 * Checks the export to `file` is the one offered for Resume Export (under `label`), resumes it
 * there, and returns its manifest once complete, with every record once.
 */
export async function resumeOffered(api: IdentityLogsApi, file: string, label: RegExp, idOf: (r: Record<string, unknown>) => string): Promise<{ manifest: ExportManifest; ids: string[] }> {
  const pending = api.storedState()['identityLogs.pendingExports'] as { checkpointPath: string; label: string }[];
  assert.deepStrictEqual(pending.map((p) => p.checkpointPath), [`${file}.checkpoint.json`], 'offered for Resume Export');
  assert.match(pending[0].label, label);
  const resumed = await vscode.commands.executeCommand<ExportJob>('identityLogs.resumeExport', pending[0].checkpointPath);
  assert.ok(await resumed.done, 'the resumed export finished');
  const manifest = JSON.parse(fs.readFileSync(`${file}.manifest.json`, 'utf8')) as ExportManifest;
  assert.strictEqual(manifest.resumes, 1);
  assert.strictEqual(manifest.complete, true);
  const ids = ndjsonRecords(file).map(idOf);
  assert.strictEqual(new Set(ids).size, ids.length, 'no record twice');
  assert.strictEqual(ids.length, manifest.rows);
  assert.deepStrictEqual(api.storedState()['identityLogs.pendingExports'], [], 'no longer offered');
  assert.ok(!fs.existsSync(`${file}.checkpoint.json`), 'no checkpoint left');
  return { manifest, ids };
}
