/**
 * The file a results panel keeps its records in: whatever the records are (any JSON a service
 * may send, unreadable ones, text in any script), and in whatever order the grid asks for them,
 * each reads back exactly as it arrived. Runs IDLOG_PROPERTY_RUNS cases (12 by default).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { SpillFile } from '../../../src/core/records/spillFile';
import { type LogRecord, screenRecord, UnreadableRecord } from '../../../src/core/records/untrusted';

const RUNS = Number(process.env.IDLOG_PROPERTY_RUNS ?? 12);
const SEED = process.env.IDLOG_PROPERTY_SEED ? { seed: Number(process.env.IDLOG_PROPERTY_SEED) } : {};

const record: fc.Arbitrary<LogRecord> = fc.oneof(
  // As a service's page is parsed: JSON.parse (so a key such as __proto__ is an own property).
  fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 6 }).map((r) => screenRecord(JSON.parse(JSON.stringify(r)))),
  fc.tuple(fc.string(), fc.string()).map(([reason, raw]) => new UnreadableRecord(reason, raw)),
  // Big enough that several records cross the in-memory buffer's size.
  fc.integer({ min: 0, max: 3 }).map((n) => ({ id: `big-${n}`, blob: '€'.repeat(200_000 + n) })),
);

describe('spill file: a panel\'s records on disk, read back exactly', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idlog-spill-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('any records, read back in any order (written or still waiting in memory), equal what was appended', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 40 }), fc.func(fc.integer()), async (records, key) => {
        const file = new SpillFile(path.join(dir, `${n++}.rows`));
        records.forEach((r) => file.append(r));
        const order = Uint32Array.from(records.map((_, i) => i).sort((a, b) => key(a) - key(b) || a - b));
        const back = await file.readMany(order);
        assert.deepStrictEqual(back, Array.from(order, (i) => records[i]));
        // Appends after a read go on where the file ends.
        file.append({ id: 'after' });
        assert.deepStrictEqual(await file.read(records.length), { id: 'after' });
        assert.strictEqual(await file.read(records.length + 1), undefined);
        file.dispose();
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('a record replaced (read again) reads back as the newer one in every read, its neighbours as appended', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 30 }), fc.nat(), record, async (records, at, newer) => {
        const file = new SpillFile(path.join(dir, `r${n++}.rows`));
        records.forEach((r) => file.append(r));
        const index = at % records.length;
        file.replace(index, newer);
        file.replace(records.length, { id: 'beyond' });
        const expected = records.map((r, i) => (i === index ? newer : r));
        assert.deepStrictEqual(await file.readMany(Uint32Array.from(records.keys())), expected);
        assert.deepStrictEqual(await file.read(index), newer);
        assert.strictEqual(await file.read(records.length), undefined, 'no record is made beyond the end');
        file.dispose();
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('a file that cannot be written fails the read with the reason, never with wrong records; no index outside the rows reads', async () => {
    const file = new SpillFile(path.join(dir, 'no-such-folder', 'one.rows'));
    file.append({ id: 'x' });
    await assert.rejects(file.read(0), /The loaded rows could not be kept on disk \(ENOENT/);
    const ok = new SpillFile(path.join(dir, 'ok.rows'));
    ok.append({ id: 'y' });
    for (const i of [-1, 0.5, 1]) assert.strictEqual(await ok.read(i), undefined, String(i));
    ok.dispose();
  });

  it('after dispose, appends are ignored and no file comes back', async () => {
    const file = new SpillFile(path.join(dir, 'gone.rows'));
    file.append({ id: 'a' });
    await file.read(0);
    file.dispose();
    file.append({ id: 'b', blob: 'x'.repeat(2 << 20) });
    for (let i = 0; i < 50 && fs.existsSync(file.path); i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(!fs.existsSync(file.path));
  });

  it('is readable by its owner only, and is deleted on dispose', async () => {
    const file = new SpillFile(path.join(dir, 'one.rows'));
    file.append({ id: 'x', userPrincipalName: 'alice@contoso.com' });
    assert.deepStrictEqual(await file.read(0), { id: 'x', userPrincipalName: 'alice@contoso.com' });
    if (process.platform !== 'win32') assert.strictEqual(fs.statSync(file.path).mode & 0o777, 0o600);
    file.dispose();
    for (let i = 0; i < 50 && fs.existsSync(file.path); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(!fs.existsSync(file.path));
  });
});
