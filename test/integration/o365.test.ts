import { readable } from '../../src/core/records/untrusted';
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExportJob } from '../../src/vscode/export/exportJobs';
import { cancelOnceRowsWritten, resumeOffered } from './exportSteps';
import type { ResultsPanel } from '../../src/vscode/results/resultsPanel';
import { mergeRecords } from '../../src/core/o365/browse';
import { contentWindows } from '../../src/core/o365/windows';
import { CONTOSO, FULL_APP, withFakeTenant } from './support/withFakeTenant';

const DAY = 86_400_000;

describe('Office 365 activity inside VS Code, against the fake tenant', function () {
  this.timeout(120_000);
  const fake = withFakeTenant({ signIns: 4000, timeScale: 0.01 });
  let key: string;

  before(async () => {
    key = await fake.addTenant('O365 Contoso', FULL_APP);
  });

  const ref = (contentType: string, extra: Record<string, unknown> = {}) => ({ tenantKey: key, contentType, ...extra });

  it('starts a subscription in the fake tenant, and a second start is reported, not failed', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('identityLogs.o365.startSubscription', ref('Audit.AzureActiveDirectory')), 'started');
    assert.deepStrictEqual(fake.emulator.subscriptions(CONTOSO), { 'Audit.AzureActiveDirectory': 'enabled' });
    // Within 15 minutes the service throttles another start: the user is told how long to wait.
    assert.strictEqual(await vscode.commands.executeCommand('identityLogs.o365.startSubscription', ref('Audit.AzureActiveDirectory')), 'throttled');
  });

  it('browses 2 days of Audit.AzureActiveDirectory: the panel holds exactly the fake tenant’s records, once each, newest first', async () => {
    const panel = await vscode.commands.executeCommand<ResultsPanel>('identityLogs.o365.browse', ref('Audit.AzureActiveDirectory', { hours: 48 }));
    assert.ok(panel, 'a results panel opened');
    await panel.loading;
    // The truth as of the instant the panel asked (its windows end there): nothing later counts.
    const now = panel.query.fetchedAtMs;
    const data = fake.emulator.datasets.get(CONTOSO)!;
    const blobs = contentWindows(now - 2 * DAY, now, now).flatMap((w) => data.blobsCreatedBetween('Audit.AzureActiveDirectory', w.startMs, w.endMs, now));
    const truth = readable(mergeRecords(blobs.map((b) => data.blobRecords(b))).records);
    const got = readable(await panel.loadedRecords());
    assert.ok(got.length > 500, `${got.length} records`);
    const ids = got.map((r) => String(r.Id));
    assert.strictEqual(new Set(ids).size, ids.length, 'no record twice');
    const times = got.map((r) => String(r.CreationTime));
    assert.deepStrictEqual(times, [...times].sort().reverse());
    assert.deepStrictEqual([...ids].sort(), truth.map((r) => String(r.Id)).sort(), 'exactly the records of the blobs available in the range');
  });

  it('exports 2 days of Audit.AzureActiveDirectory, cancelled after the first blobs: Resume Export completes it with every record once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ile-int-o365-'));
    try {
      const file = path.join(dir, 'aad.ndjson');
      fake.api.prompts.answer('One file', file);
      const job = await vscode.commands.executeCommand<ExportJob>('identityLogs.export', { tenantKey: key, category: 'o365', contentType: 'Audit.AzureActiveDirectory', time: { kind: 'last', hours: 48 }, format: 'ndjson' });
      await cancelOnceRowsWritten(job, file);
      const cp = JSON.parse(fs.readFileSync(`${file}.checkpoint.json`, 'utf8')) as { rows: number; journal: { bytes: number } };
      assert.ok(cp.rows > 0 && cp.journal.bytes > 0, 'the checkpoint holds the rows and blobs written so far');
      const { manifest, ids } = await resumeOffered(fake.api, file, /Audit\.AzureActiveDirectory · O365 Contoso → aad\.ndjson/, (r) => String(r.Id));
      const data = fake.emulator.datasets.get(CONTOSO)!;
      const range = manifest.range!;
      const blobs = data.blobsCreatedBetween('Audit.AzureActiveDirectory', Date.parse(range.from), Date.parse(range.to) + 1, Date.now());
      assert.strictEqual(manifest.blobs?.fetched, blobs.length, 'every blob of the range read');
      const truth = readable(mergeRecords(blobs.map((b) => data.blobRecords(b))).records).map((r) => String(r.Id));
      assert.deepStrictEqual([...ids].sort(), [...truth].sort(), "exactly the fake tenant's records of the range");
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['aad.ndjson', 'aad.ndjson.manifest.json'], 'no checkpoint, journal or partial file left');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a content type without a subscription offers to start it instead of listing', async () => {
    await vscode.commands.executeCommand('identityLogs.o365.refresh', { tenant: fake.api.tenants().find((t) => t.key === key) });
    const panel = await vscode.commands.executeCommand<ResultsPanel | undefined>('identityLogs.o365.browse', ref('Audit.Exchange', { hours: 1 }));
    assert.strictEqual(panel, undefined);
    assert.strictEqual(fake.emulator.subscriptions(CONTOSO)['Audit.Exchange'], undefined, 'nothing was started without asking');
  });

  it('stops a subscription', async () => {
    // Unanswered, the question declines and nothing is stopped; answered yes, the subscription stops.
    assert.strictEqual(await vscode.commands.executeCommand('identityLogs.o365.stopSubscription', ref('Audit.AzureActiveDirectory')), false);
    assert.strictEqual(fake.emulator.subscriptions(CONTOSO)['Audit.AzureActiveDirectory'], 'enabled');
    fake.api.prompts.answer(true);
    assert.strictEqual(await vscode.commands.executeCommand('identityLogs.o365.stopSubscription', ref('Audit.AzureActiveDirectory')), true);
    assert.match(fake.api.prompts.asked().at(-1)?.message ?? '', /^Stop the Audit\.AzureActiveDirectory subscription of O365 Contoso\?$/);
    assert.notStrictEqual(fake.emulator.subscriptions(CONTOSO)['Audit.AzureActiveDirectory'], 'enabled');
  });
});
