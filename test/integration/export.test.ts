import { readable } from '../../src/core/records/untrusted';
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExportJob } from '../../src/vscode/export/exportJobs';
import { cancelOnceRowsWritten, resumeOffered } from './exportSteps';
import type { ResultsPanel } from '../../src/vscode/results/resultsPanel';
import { interactiveIds } from '../support/truth';
import { CONTOSO, FULL_APP, withFakeTenant } from './support/withFakeTenant';


describe('Save and export inside VS Code, against the fake tenant', function () {
  this.timeout(180_000);
  const fake = withFakeTenant({ signIns: 30_000, timeScale: 0.01 });
  let key: string;
  let dir: string;

  before(async () => {
    key = await fake.addTenant('Export test', FULL_APP);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ile-int-export-'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const runQuery = async (): Promise<ResultsPanel> => {
    const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runQuery', { tenantKey: key, category: 'signIns.interactive', model: { time: { kind: 'last', hours: 6 }, clauses: [], client: [] } });
    await panel.loading;
    return panel;
  };

  it('"Open Results as JSON" opens a read-only JSON editor with the loaded rows under a query header', async () => {
    const panel = await runQuery();
    const loaded = readable(await panel.loadedRecords()).map((r) => r.id);
    assert.ok(loaded.length > 0, 'the query returned rows');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('identityLogs.openResultsAsJson', panel);
    assert.strictEqual(editor.document.languageId, 'json');
    assert.ok(!editor.document.isUntitled && editor.document.uri.scheme === 'identitylogs-record', 'a read-only snapshot, not an untitled file');
    assert.ok(!editor.document.isDirty, 'closing it asks nothing');
    const doc = JSON.parse(editor.document.getText()) as { query: { tenant: { id: string }; category: { id: string; endpoint: string }; count: number; fetchedAt: string; filter: string }; value: { id: string }[] };
    assert.strictEqual(doc.query.tenant.id, CONTOSO);
    assert.strictEqual(doc.query.category.endpoint, 'beta/auditLogs/signIns', 'interactive sign-ins are read from beta, which carries the token and session fields');
    assert.match(doc.query.filter, /createdDateTime ge /);
    assert.strictEqual(doc.query.count, loaded.length);
    assert.deepStrictEqual(doc.value.map((r) => r.id), loaded);
    assert.ok(editor.document.getText().startsWith('{\n  "query": {'), 'pretty-printed');
  });

  it('with identityLogs.signIns.graphVersion set to v1.0, the same report is read from v1.0: its header says so and no beta-only field comes back', async () => {
    const config = vscode.workspace.getConfiguration('identityLogs');
    // A fixed range: both reads must cover the same sign-ins.
    const time = { kind: 'between', from: new Date(Date.now() - 6 * 3_600_000).toISOString(), to: new Date(Date.now() - 3_600_000).toISOString() };
    const read = async () => {
      const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.runQuery', { tenantKey: key, category: 'signIns.interactive', model: { time, clauses: [], client: [] }, pivot: true });
      await panel.loading;
      return panel;
    };
    const beta = readable(await (await read()).loadedRecords());
    assert.ok(beta.length > 0 && beta.every((r) => typeof r.sessionId === 'string' || r.sessionId === null), 'beta sign-ins carry a session id');
    await config.update('signIns.graphVersion', 'v1.0', vscode.ConfigurationTarget.Global);
    try {
      const panel = await read();
      const records = readable(await panel.loadedRecords());
      assert.strictEqual(panel.query.category.endpoint, 'v1.0/auditLogs/signIns');
      assert.deepStrictEqual(records.map((r) => r.id), beta.map((r) => r.id), 'the same sign-ins');
      assert.ok(records.every((r) => !('sessionId' in r) && !('authenticationProtocol' in r)), 'v1.0 has no beta-only field');
    } finally {
      await config.update('signIns.graphVersion', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('"Save Results as JSON…" writes the same document to the file, atomically', async () => {
    const panel = await runQuery();
    const target = vscode.Uri.file(path.join(dir, 'saved.json'));
    // The save dialog's answer.
    fake.api.prompts.answer(target.fsPath);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('identityLogs.saveResultsAsJson', panel);
    assert.strictEqual(uri?.fsPath, target.fsPath);
    const doc = JSON.parse(fs.readFileSync(target.fsPath, 'utf8')) as { query: { count: number; tenant: { name: string } }; value: { id: string }[] };
    assert.strictEqual(doc.query.tenant.name, 'Export test');
    assert.deepStrictEqual(doc.value.map((r) => r.id), readable(await panel.loadedRecords()).map((r) => r.id));
    assert.deepStrictEqual(fs.readdirSync(dir), ['saved.json'], 'no temporary file left');
  });

  it('a cancelled export is listed for "Resume Export", which completes it with every row once', async () => {
    const file = path.join(dir, 'signins.ndjson');
    // Where the rows go is asked even of a request: three days, so one file or one per day, then the file.
    const asked = fake.api.prompts.asked().length;
    fake.api.prompts.answer('One file', file);
    const job = await vscode.commands.executeCommand<ExportJob>('identityLogs.export', { tenantKey: key, category: 'signIns.interactive', time: { kind: 'last', hours: 72 }, format: 'ndjson' });
    assert.deepStrictEqual(fake.api.prompts.asked().slice(asked).map((q) => q.kind), ['pick', 'saveFile']);
    await cancelOnceRowsWritten(job, file);
    const { manifest, ids } = await resumeOffered(fake.api, file, /Interactive sign-ins · Export test → signins\.ndjson/, (r) => String(r.id));
    const range = manifest.range!;
    const expected = interactiveIds(fake.emulator.datasets.get(CONTOSO)!, Date.parse(range.from), Date.parse(range.to));
    assert.deepStrictEqual(ids, expected, 'exactly the fake tenant\'s sign-ins of the range, newest first');
  });
});
