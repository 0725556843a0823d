/**
 * "An export survives a crash at any point", with the crash a power cut rather than a kill: the
 * export runs on a file system that keeps only what was fsynced (files) and what was made durable
 * in its directory (names), and loses power at any one of its file operations, once or twice.
 * After each cut, nothing under the target's name is ever less than the whole file, and a resume
 * finishes it byte for byte equal to an uninterrupted export, leaving no partial file or
 * checkpoint behind. Runs IDLOG_PROPERTY_RUNS × 2 cut points (24 by default) plus the first and the
 * last nine in each format.
 */
import * as assert from 'assert';
import * as crypto from 'crypto';
import fc from 'fast-check';
import * as path from 'path';
import { PartFile } from '../../../src/core/export/atomicFile';
import { checkpointPathOf, type Destination, type ExportSpec, loadCheckpoint } from '../../../src/core/export/checkpoint';
import { o365Category } from '../../../src/core/o365/category';
import { newO365Export, runO365Export } from '../../../src/core/o365/exportContent';
import { ManageApi } from '../../../src/core/o365/manageApi';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { emulatorApi } from '../../support/emulatorApi';
import { exportOrResume, exportSpec } from '../../support/exportHarness';
import { PowerLossFs } from '../../support/powerLossFs';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';
const RUNS = Number(process.env.IDLOG_PROPERTY_RUNS ?? 12);
const SEED = process.env.IDLOG_PROPERTY_SEED ? { seed: Number(process.env.IDLOG_PROPERTY_SEED) } : {};
const DAY = 86_400_000;

describe('property: an export survives a power cut at any file operation', function () {
  this.timeout(600_000);
  let emulator: Emulator;
  const dir = path.resolve('/export-target');
  // NDJSON ends with its last page; JSON and CSV are written past the last checkpoint (the closing
  // bracket), so the final commit's own fsync matters for them.
  const FORMATS = ['ndjson', 'json', 'csv'] as const;
  type Format = (typeof FORMATS)[number];
  const dest = (format: Format): Destination & { kind: 'file' } => ({ kind: 'file', path: path.join(dir, `signins.${format}`) });
  const spec: Partial<Record<Format, ReturnType<typeof exportSpec>>> = {};
  const reference: Partial<Record<Format, Buffer>> = {};
  let operations = Infinity;
  const client = async () => (await emulatorApi(emulator, CONTOSO, FULL_APP, { timeScale: 0.001 })).client;

  before(async () => {
    const now = Date.now();
    emulator = await startEmulator({ signIns: 2500, throttling: false, timeScale: 0.001, anchorMs: now });
    // Two days (two windows) in pages of 150: many pages, so many checkpoints to cut between.
    const midnight = Math.floor(now / DAY) * DAY;
    for (const format of FORMATS) {
      spec[format] = { ...exportSpec(emulator.origin, CONTOSO, dest(format), format, { fromMs: midnight - 2 * DAY, toMs: midnight - 1 }, format === 'csv' ? ['id', 'createdDateTime', 'userPrincipalName'] : undefined), pageSize: 150 };
      const clean = new PowerLossFs();
      await exportOrResume(await client(), spec[format], { fs: clean, checkpointPath: checkpointPathOf(dest(format)) });
      reference[format] = clean.contents(dest(format).path)!;
      operations = Math.min(operations, clean.operations);
      assert.ok(reference[format].length > 30_000 && clean.operations > 40, `${format}: ${reference[format].length} bytes in ${clean.operations} file operations`);
    }
  });
  after(() => emulator.close());

  /** After a cut: the target's name holds the whole export or nothing, never a part. */
  const nothingPartialUnderTheName = (format: Format, fsys: PowerLossFs, when: string) => {
    const now = fsys.contents(dest(format).path);
    assert.ok(now === undefined || now.equals(reference[format]!), `${when}: the target holds ${now?.length} bytes, not the whole ${reference[format]!.length}`);
  };

  const finishAndCheck = async (format: Format, fsys: PowerLossFs, when: string) => {
    await exportOrResume(await client(), spec[format]!, { fs: fsys, checkpointPath: checkpointPathOf(dest(format)) });
    const got = fsys.contents(dest(format).path);
    assert.ok(got, `${when}: the resumed export wrote the target`);
    const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
    assert.strictEqual(sha(got), sha(reference[format]!), `${when}: the resumed export equals an uninterrupted one (${got.length} vs ${reference[format]!.length} bytes)`);
    assert.deepStrictEqual(fsys.names().map((n) => path.basename(n)), [`signins.${format}`, `signins.${format}.manifest.json`], `${when}: no partial file or checkpoint left`);
  };

  const cutAt = async (format: Format, first: number, second: number | undefined) => {
    const when = `${format}, cut at operation ${first}${second ? `, then at ${second} of the resume` : ''}`;
    const a = new PowerLossFs(first);
    await exportOrResume(await client(), spec[format]!, { fs: a, checkpointPath: checkpointPathOf(dest(format)) }).catch(() => undefined);
    assert.ok(a.crashed, `${when}: the first run did lose power`);
    let b = a.afterPowerLoss(second);
    nothingPartialUnderTheName(format, b, when);
    if (second !== undefined) {
      await exportOrResume(await client(), spec[format]!, { fs: b, checkpointPath: checkpointPathOf(dest(format)) }).catch(() => undefined);
      b = b.afterPowerLoss();
      nothingPartialUnderTheName(format, b, when);
    }
    await finishAndCheck(format, b, when);
  };

  it('at the first and at each of the last operations, in every format', async () => {
    for (const format of FORMATS) {
      await cutAt(format, 1, undefined);
      // The end is where the file is finished, renamed and its folder synced: every step of it.
      for (let k = operations - 8; k <= operations; k++) await cutAt(format, k, undefined);
    }
  });

  it('at any operation, once or twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FORMATS), fc.integer({ min: 1, max: operations }), fc.option(fc.integer({ min: 1, max: operations }), { nil: undefined }), async (format, first, second) => cutAt(format, first, second)),
      { numRuns: RUNS * 2, ...SEED },
    );
  });

  it('a cut after the first checkpoints keeps the progress: the checkpoint itself survives (its folder is synced)', async () => {
    const a = new PowerLossFs(Math.floor(operations * 0.6));
    await exportOrResume(await client(), spec.ndjson!, { fs: a, checkpointPath: checkpointPathOf(dest('ndjson')) }).catch(() => undefined);
    const b = a.afterPowerLoss();
    const cp = JSON.parse(b.contents(checkpointPathOf(dest('ndjson')))?.toString() ?? '{}') as { rows?: number };
    assert.ok((cp.rows ?? 0) > 0, `the checkpoint survived the cut with its rows (${cp.rows})`);
    await finishAndCheck('ndjson', b, 'after a late cut');
  });

  it('a resume cuts off bytes no checkpoint claimed, even when nothing follows them', async () => {
    const f = new PowerLossFs();
    const first = await PartFile.create(f, '/d/x.ndjson');
    await first.append('committed\n');
    await first.sync();
    await first.append('not committed\n');
    await first.close();
    const resumed = await PartFile.resume(f, '/d/x.ndjson', 'committed\n'.length);
    const { bytes } = await resumed.commit();
    assert.strictEqual(bytes, 10);
    assert.strictEqual(f.contents('/d/x.ndjson')?.toString(), 'committed\n');
  });

  it('(the model) keeps unsynced bytes and unsynced names from surviving', async () => {
    const f = new PowerLossFs();
    const h = await f.open('/d/a', 'w');
    await h.write(Buffer.from('abc'), 0, 3, 0);
    await h.sync();
    await h.write(Buffer.from('def'), 0, 3, 3);
    assert.strictEqual(f.afterPowerLoss().contents('/d/a'), undefined, 'a name never made durable is gone');
    await f.syncDir('/d');
    assert.strictEqual(f.afterPowerLoss().contents('/d/a')?.toString(), 'abc', 'only the synced bytes');
    await f.rename('/d/a', '/d/b');
    assert.deepStrictEqual(f.afterPowerLoss().names(), [path.resolve('/d/a')], 'a rename not made durable is undone');
  });
});

describe('property: an Office 365 export survives a power cut at any file operation', function () {
  this.timeout(600_000);
  const AAD = 'Audit.AzureActiveDirectory';
  let emulator: Emulator;
  let manage: ManageApi;
  const dest: Destination & { kind: 'file' } = { kind: 'file', path: path.resolve('/o365-target/aad.ndjson') };
  let spec: ExportSpec;
  let reference: Buffer;
  let operations = 0;
  const run = async (fsys: PowerLossFs) => {
    const existing = await loadCheckpoint(fsys, checkpointPathOf(dest));
    const cp = existing ?? newO365Export(spec, Date.now());
    if (existing) cp.resumes++;
    return runO365Export({ api: manage, stats: manage.stats, category: o365Category(AAD), fs: fsys, now: Date.now, concurrency: 4 }, cp);
  };

  before(async () => {
    const now = Date.now();
    emulator = await startEmulator({ signIns: 3000, throttling: false, contentPageSize: 7, anchorMs: now });
    const api = await emulatorApi(emulator, CONTOSO, FULL_APP, { timeScale: 0.001 });
    manage = new ManageApi(api.client, emulator.origin, CONTOSO, CONTOSO);
    await manage.start(AAD);
    const range = { fromMs: now - 2 * DAY, toMs: now - 3_600_000 };
    spec = {
      tenantKey: 'test',
      categoryId: 'o365',
      graphOrigin: '',
      filterWithoutTime: undefined,
      range,
      format: 'ndjson',
      destination: dest,
      header: { tenant: { id: CONTOSO, name: 'Contoso', cloud: 'global' }, category: { id: 'o365', label: AAD, endpoint: 'v1.0/activity/feed' }, filter: null, fetchedAt: new Date(range.toMs).toISOString(), tool: 'test' },
      extensionVersion: '0.0.0-test',
      source: { kind: 'o365', params: { contentType: AAD } },
    };
    const clean = new PowerLossFs();
    await run(clean);
    reference = clean.contents(dest.path)!;
    operations = clean.operations;
    assert.ok(reference.length > 20_000 && operations > 20, `${reference.length} bytes in ${operations} file operations`);
  });
  after(() => emulator.close());

  it('once or twice at any operation: the target is whole or absent after each cut, and the resume equals an uninterrupted export', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: operations }), fc.option(fc.integer({ min: 1, max: operations }), { nil: undefined }), async (first, second) => {
        const when = `cut at operation ${first}${second ? `, then at ${second} of the resume` : ''}`;
        const a = new PowerLossFs(first);
        await run(a).catch(() => undefined);
        let b = a.afterPowerLoss(second);
        const whole = (f: PowerLossFs) => {
          const now = f.contents(dest.path);
          assert.ok(now === undefined || now.equals(reference), `${when}: the target holds ${now?.length} bytes`);
        };
        whole(b);
        if (second !== undefined) {
          await run(b).catch(() => undefined);
          b = b.afterPowerLoss();
          whole(b);
        }
        await run(b);
        assert.ok(b.contents(dest.path)?.equals(reference), `${when}: the resumed export equals an uninterrupted one`);
        assert.deepStrictEqual(b.names().map((n) => path.basename(n)), ['aad.ndjson', 'aad.ndjson.manifest.json'], `${when}: no partial file, checkpoint or journal left`);
      }),
      { numRuns: RUNS * 2, ...SEED },
    );
  });
});
