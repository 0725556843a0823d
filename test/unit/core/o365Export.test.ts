import { readable } from '../../../src/core/records/untrusted';
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkpointPathOf, type Destination, type ExportSpec, journalPathOf, loadCheckpoint } from '../../../src/core/export/checkpoint';
import { NODE_FS } from '../../../src/core/export/exportFs';
import { type ExportFormat } from '../../../src/core/export/formats';
import { ExportInterruptedError, type ExportOutcome, type ExportProgress } from '../../../src/core/export/runExport';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { creationMs, mergeRecords } from '../../../src/core/o365/browse';
import { o365Category } from '../../../src/core/o365/category';
import { contentTypeOfSpec, newO365Export, o365ExportPlan, runO365Export } from '../../../src/core/o365/exportContent';
import { parseJournal } from '../../../src/core/o365/exportJournal';
import { ManageApi } from '../../../src/core/o365/manageApi';
import { parseCsv } from '../../support/csvParse';
import { emulatorApi, type EmulatorApi } from '../../support/emulatorApi';
import { categoryOfSpec, exportsOf } from '../../../src/core/sources/registry';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const AAD = 'Audit.AzureActiveDirectory';
const CATEGORY = o365Category(AAD);

function spec(destination: Destination, format: ExportFormat, range: { fromMs: number; toMs: number }, columns?: string[]): ExportSpec {
  return {
    tenantKey: 'test',
    categoryId: 'o365',
    graphOrigin: '',
    filterWithoutTime: undefined,
    range,
    format,
    columns,
    destination,
    header: { tenant: { id: CONTOSO, name: 'Contoso', cloud: 'global' }, category: { id: 'o365', label: AAD, endpoint: 'v1.0/activity/feed' }, filter: null, fetchedAt: new Date(range.toMs).toISOString(), tool: 'test' },
    extensionVersion: '0.0.0-test',
    source: { kind: 'o365', params: { contentType: AAD } },
  };
}

function ndjson(file: string): Record<string, unknown>[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const blobGets = (api: EmulatorApi) => api.sent.filter((s) => s.url.includes('/activity/feed/audit/')).length;

describe('core/o365: bulk export of audit content', function () {
  this.timeout(120_000);
  let emulator: Emulator;
  let api: EmulatorApi;
  let manage: ManageApi;
  let dir: string;
  const now = Date.now();

  before(async () => {
    emulator = await startEmulator({ signIns: 6000, throttling: false, contentPageSize: 7, anchorMs: now });
    api = await emulatorApi(emulator, CONTOSO, FULL_APP, { timeScale: 0.001 });
    manage = new ManageApi(api.client, emulator.origin, CONTOSO, CONTOSO);
    await manage.start(AAD);
  });
  after(() => emulator.close());
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ile-o365-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The fake tenant's truth: every blob available in the range, records merged by Id. */
  function truth(range: { fromMs: number; toMs: number }) {
    const data = emulator.datasets.get(CONTOSO)!;
    const blobs = data.blobsCreatedBetween(AAD, range.fromMs, range.toMs + 1, Date.now());
    return { blobs, merged: mergeRecords(blobs.map((b) => data.blobRecords(b))) };
  }

  async function run(s: ExportSpec, options: { signal?: AbortSignal; onProgress?: (p: ExportProgress) => void } = {}): Promise<ExportOutcome> {
    const existing = await loadCheckpoint(NODE_FS, checkpointPathOf(s.destination));
    const cp = existing ?? newO365Export(s, Date.now());
    if (existing) cp.resumes++;
    return runO365Export({ api: manage, stats: manage.stats, category: CATEGORY, fs: NODE_FS, now: Date.now, concurrency: 4, ...options }, cp);
  }

  it('the spec names its source the way the adapter writes it, and a checkpoint from before (an `o365` field) still resumes as the same content', () => {
    const made = { ...spec({ kind: 'file', path: '/x.ndjson' }, 'ndjson', { fromMs: 0, toMs: 1 }), ...exportsOf(CATEGORY).exportSpecFields(CATEGORY, { time: { kind: 'all' }, clauses: [], client: [] }) };
    assert.deepStrictEqual(made.source, { kind: 'o365', params: { contentType: AAD } });
    assert.strictEqual(categoryOfSpec(made)?.endpoint, CATEGORY.endpoint);
    const { source: _omitted, ...older } = made;
    const legacy = { ...older, o365: { contentType: AAD } } as ExportSpec;
    assert.strictEqual(contentTypeOfSpec(legacy), AAD);
    assert.strictEqual(categoryOfSpec(legacy)?.label, AAD);
    assert.strictEqual(categoryOfSpec({ ...older, categoryId: 'directoryAudits' })?.id, 'directoryAudits', 'no source: a Graph report by id');
  });

  it('plans at most the 7 days the service keeps, and refuses a range that ends before them', () => {
    const p = o365ExportPlan({ kind: 'last', hours: 30 * 24 }, now);
    assert.ok(p.range && now - p.range.fromMs < 7 * DAY && now - p.range.fromMs > 7 * DAY - 2 * 60_000, 'cut to 7 days, a minute inside');
    assert.match(o365ExportPlan({ kind: 'between', from: new Date(now - 20 * DAY).toISOString(), to: new Date(now - 10 * DAY).toISOString() }, now).problem ?? '', /7 days/);
  });

  it('exports 2 days to NDJSON: every record of the fake tenant once, blobs in contentCreated order, one window per UTC day, verified by the manifest', async () => {
    const range = { fromMs: now - 2 * DAY, toMs: now };
    const dest: Destination = { kind: 'file', path: path.join(dir, 'aad.ndjson') };
    const before = blobGets(api);
    const out = await run(spec(dest, 'ndjson', range));
    const { blobs, merged } = truth(range);
    const rows = ndjson(dest.path);
    assert.strictEqual(rows.length, merged.records.length);
    assert.deepStrictEqual(rows.map((r) => r.Id).sort(), readable(merged.records).map((r) => r.Id).sort(), 'the same records, none repeated');
    assert.ok(merged.duplicates > 0 && out.manifest.duplicatesDropped === merged.duplicates, `repeats dropped: ${out.manifest.duplicatesDropped} of ${merged.duplicates}`);
    assert.strictEqual(blobGets(api) - before, blobs.length, 'each blob read once');
    // Written blob by blob in availability order, each blob's records by time: the file is the same every time.
    const data = emulator.datasets.get(CONTOSO)!;
    const seen = new Set<string>();
    const expected: string[] = [];
    for (const b of [...blobs].sort((a, c) => a.contentCreatedMs - c.contentCreatedMs)) {
      const recs = data.blobRecords(b).sort((a, c) => creationMs(a) - creationMs(c) || String(a.Id).localeCompare(String(c.Id)));
      for (const r of recs) {
        if (seen.has(String(r.Id))) continue;
        seen.add(String(r.Id));
        expected.push(String(r.Id));
      }
    }
    assert.deepStrictEqual(
      rows.map((r) => r.Id),
      expected,
    );
    const m = out.manifest;
    assert.strictEqual(m.complete, true);
    assert.strictEqual(m.rows, rows.length);
    assert.strictEqual(m.windows.length, new Set([range.fromMs, range.toMs, range.fromMs + DAY].map((t) => new Date(t).toISOString().slice(0, 10))).size, 'one window per UTC day touched');
    assert.ok(m.windows[0].from < m.windows[m.windows.length - 1].from, 'oldest day first: blobs expire after 7 days');
    assert.strictEqual(m.blobs?.fetched, blobs.length);
    assert.deepStrictEqual(m.blobs?.failed, []);
    assert.strictEqual(m.windows.reduce((n, w) => n + (w.blobs?.written ?? 0), 0), blobs.length);
    assert.strictEqual(m.files[0].sha256, crypto.createHash('sha256').update(fs.readFileSync(dest.path)).digest('hex'));
    assert.ok(!fs.existsSync(checkpointPathOf(dest)) && !fs.existsSync(journalPathOf(dest)), 'checkpoint and journal removed');
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['aad.ndjson', 'aad.ndjson.manifest.json']);
  });

  it('a blob created at the very last millisecond of the range is exported (the range end is inclusive)', async () => {
    const data = emulator.datasets.get(CONTOSO)!;
    const edge = data.blobsCreatedBetween(AAD, now - 2 * DAY, now - HOUR, Date.now())[0];
    assert.ok(edge, 'a blob to put at the edge');
    const range = { fromMs: edge.contentCreatedMs - 6 * HOUR, toMs: edge.contentCreatedMs };
    const dest: Destination = { kind: 'file', path: path.join(dir, 'edge.ndjson') };
    const out = await run(spec(dest, 'ndjson', range));
    const { blobs, merged } = truth(range);
    assert.ok(blobs.some((b) => b.contentId === edge.contentId), 'the truth holds the edge blob');
    assert.strictEqual(out.manifest.blobs?.fetched, blobs.length, 'every blob of the range, the edge one too');
    assert.deepStrictEqual(ndjson(dest.path).map((r) => String(r.Id)).sort(), readable(merged.records).map((r) => String(r.Id)).sort());
  });

  it('cancelled mid-way, then resumed: the same bytes as an uninterrupted export, and no blob read twice', async () => {
    const range = { fromMs: now - 3 * DAY, toMs: now - HOUR };
    const once: Destination = { kind: 'file', path: path.join(dir, 'once.ndjson') };
    await run(spec(once, 'ndjson', range));
    const { blobs } = truth(range);
    const dest: Destination = { kind: 'file', path: path.join(dir, 'resumed.ndjson') };
    const before = blobGets(api);
    const abort = new AbortController();
    const err = await run(spec(dest, 'ndjson', range), { signal: abort.signal, onProgress: (p) => p.rows >= 1000 && abort.abort() }).catch((e: unknown) => e);
    assert.ok(err instanceof ExportInterruptedError, String(err));
    assert.ok(!fs.existsSync(dest.path), 'nothing under the target name');
    const cp = await loadCheckpoint(NODE_FS, checkpointPathOf(dest));
    assert.ok(cp && cp.rows === err.rows && cp.rows >= 1000);
    const journal = parseJournal(fs.readFileSync(journalPathOf(dest), 'utf8'));
    assert.ok(journal.blobs.size > 0 && journal.blobs.size < blobs.length, `${journal.blobs.size} blobs in the journal`);
    assert.strictEqual(journal.records.size, cp.rows, 'the journal names every record written');
    const out = await run(spec(dest, 'ndjson', range));
    assert.strictEqual(out.manifest.resumes, 1);
    assert.ok(fs.readFileSync(dest.path).equals(fs.readFileSync(once.path)), 'byte for byte the same');
    // Read ahead may have fetched a few blobs that were not yet written when the cancel came.
    const reads = blobGets(api) - before;
    assert.ok(reads >= blobs.length && reads <= blobs.length + 4, `${reads} blob reads for ${blobs.length} blobs`);
  });

  it('a blob that keeps failing: its day is marked incomplete with the reason, every other blob is exported', async () => {
    const range = { fromMs: now - 2 * DAY, toMs: now - HOUR };
    const { blobs, merged } = truth(range);
    const bad = blobs[Math.floor(blobs.length / 2)];
    // More failures than the client's 8 tries: the blob stays unreadable for this export.
    emulator.faults.enqueue({ kind: '500', pathContains: bad.contentId.slice(0, 20), times: 8 });
    const dest: Destination = { kind: 'file', path: path.join(dir, 'aad.ndjson') };
    const out = await run(spec(dest, 'ndjson', range));
    emulator.faults.reset();
    const m = out.manifest;
    assert.strictEqual(m.complete, false);
    assert.deepStrictEqual(
      m.blobs?.failed.map((f) => f.contentId),
      [bad.contentId],
    );
    assert.strictEqual(m.incompleteWindows.length, 1);
    assert.match(m.incompleteWindows[0].reason, /1 of \d+ content blobs could not be read/);
    const data = emulator.datasets.get(CONTOSO)!;
    const badIds = new Set(data.blobRecords(bad).map((r) => String(r.Id)));
    const others = new Set(blobs.filter((b) => b !== bad).flatMap((b) => data.blobRecords(b).map((r) => String(r.Id))));
    const rows = ndjson(dest.path).map((r) => String(r.Id));
    assert.deepStrictEqual(rows.sort(), [...others].sort(), 'every record of the other blobs');
    assert.ok([...badIds].some((id) => !others.has(id)) && merged.records.length > rows.length);
  });

  it('a foreign NextPageUri: the window is marked incomplete with the reason, its listed blobs and every other day are exported, no token leaves', async () => {
    // The range starts at a UTC midnight, so its oldest window is a whole day whose listing spans
    // several pages whatever the time of day the test runs (a short first window could fit one page,
    // and then no NextPageUri exists to point elsewhere).
    const fromMs = Math.floor((now - 2 * DAY) / DAY) * DAY;
    const range = { fromMs, toMs: now - HOUR };
    assert.ok(truth({ fromMs, toMs: fromMs + DAY - 1 }).blobs.length > 7, 'the oldest day lists more than one page');
    emulator.faults.enqueue({ kind: 'foreignNextLink', pathContains: 'subscriptions/content' });
    const dest: Destination = { kind: 'file', path: path.join(dir, 'aad.ndjson') };
    const out = await run(spec(dest, 'ndjson', range));
    emulator.faults.reset();
    const m = out.manifest;
    assert.strictEqual(m.complete, false);
    assert.strictEqual(m.incompleteWindows.length, 1, JSON.stringify(m.incompleteWindows));
    assert.match(m.incompleteWindows[0].reason, /listing was cut short: .*evil\.test/);
    // The oldest day is listed first, so the fault hit it; the later days are whole.
    assert.strictEqual(m.windows[0].complete, false);
    assert.ok(m.windows.slice(1).every((w) => w.complete));
    assert.ok((m.windows[0].blobs?.written ?? 0) > 0, 'the blobs listed before the bad link were written');
    assert.ok(api.sent.every((x) => !x.url.includes('evil.test')), 'nothing went to the foreign host');
    const rows = new Set(ndjson(dest.path).map((r) => String(r.Id)));
    const laterDays = { fromMs: Date.parse(m.windows[1].from), toMs: range.toMs };
    for (const r of readable(truth(laterDays).merged.records)) assert.ok(rows.has(String(r.Id)), `record ${String(r.Id)} of a whole day is in the export`);
  });

  it('CSV per day in a folder: one file per UTC day, CreationTime as UTC and RecordType by name', async () => {
    const range = { fromMs: now - DAY - 6 * HOUR, toMs: now };
    const dest: Destination = { kind: 'folder', dir, base: 'contoso-aad' };
    const out = await run(spec(dest, 'csv', range, ['Id', 'CreationTime', 'Operation', 'RecordTypeName', 'UserId']));
    assert.ok(out.files.length >= 2, `${out.files.length} files`);
    for (const f of out.manifest.files) assert.match(f.name, /^contoso-aad-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = out.files.flatMap((f) => parseCsv(fs.readFileSync(f, 'utf8')).slice(1));
    assert.strictEqual(rows.length, out.manifest.rows);
    assert.strictEqual(rows.length, truth(range).merged.records.length);
    for (const r of rows.slice(0, 200)) {
      assert.match(r[1], /Z$/, 'UTC marked');
      assert.match(r[3], /\(\d+\)$/, 'record type by name');
      assert.ok(r[2].length > 0 && r[0].length > 0, 'operation and id filled');
    }
  });
});
