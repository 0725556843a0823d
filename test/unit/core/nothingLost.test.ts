/**
 * "Nothing lost, nothing repeated", as a property: against a fake tenant whose records come many
 * to a millisecond (where slicing, paging and resuming by time have their hardest cases), any
 * range, page size, minimum window, fault rate and cancel point gives exactly the truth. The
 * query is narrowed by real gateway timeouts on wide windows and, mid-window, by slow pages (it then
 * resumes below the oldest record delivered, inside a burst); pages are dropped and cut short by
 * real faults. Runs IDLOG_PROPERTY_RUNS cases (12 by default); fast-check prints the seed and the
 * case when one fails, and IDLOG_PROPERTY_SEED replays it.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkpointPathOf, type Destination } from '../../../src/core/export/checkpoint';
import { ExportInterruptedError } from '../../../src/core/export/runExport';
import { categoryById } from '../../../src/core/catalog/categories';
import { type GraphCategory } from '../../../src/core/catalog/types';
import { runQuery } from '../../../src/core/query/runQuery';
import { isUnreadable } from '../../../src/core/records/untrusted';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { emulatorApi } from '../../support/emulatorApi';
import { exportOrResume, exportSpec, SIGN_INS } from '../../support/exportHarness';
import { interactiveIds } from '../../support/truth';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';
const PER_MS = 12;
const RUNS = Number(process.env.IDLOG_PROPERTY_RUNS ?? 12);
const SEED = process.env.IDLOG_PROPERTY_SEED ? { seed: Number(process.env.IDLOG_PROPERTY_SEED) } : {};
const FAULTS = ['reset', 'truncate', '500', '503'] as const;

describe('property: nothing lost, nothing repeated, with many records in each millisecond', function () {
  this.timeout(600_000);
  let emulator: Emulator;
  let dir: string;
  const span = () => {
    const t = emulator.datasets.get(CONTOSO)!.signInTimeline;
    return { fromMs: t.anchorMs - t.spanMs, toMs: t.anchorMs };
  };
  /** A range inside the data, as fractions of its span; the ends are at record times, so ties sit on them. */
  const rangeOf = (start: number, length: number) => {
    const s = span();
    const width = s.toMs - s.fromMs;
    const data = emulator.datasets.get(CONTOSO)!;
    const toMs = Math.floor(s.toMs - start * width);
    // An end on an instant several records share: the window edge cuts through a burst.
    const [i] = data.signInRange(s.fromMs, toMs);
    const atRecord = data.signIn(Math.min(i + 1, data.sizes.signIns - 1)).createdMs;
    return { fromMs: Math.max(s.fromMs, atRecord - Math.floor(length * width)), toMs: atRecord };
  };

  before(async () => {
    // Wide windows time out at the gateway (0.6 s of service time per day, 0.3 s allowed), so the
    // query narrows them: its edges then fall inside bursts.
    emulator = await startEmulator({ signIns: 6000, throttling: false, timeScale: 0.001, sizes: { recordsPerMs: PER_MS }, wideQuerySecondsPerDay: 600, gatewayTimeoutSeconds: 300 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ile-nothing-lost-'));
  });
  after(async () => {
    emulator.faults.configure({ rate: 0 });
    await emulator?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the data does put many records in each millisecond', () => {
    const data = emulator.datasets.get(CONTOSO)!;
    const times = Array.from({ length: 600 }, (_, i) => data.signIn(i).createdMs);
    assert.ok(new Set(times).size <= 600 / PER_MS + 1, `${new Set(times).size} distinct instants for 600 records`);
  });

  it('a query over any range, page size, minimum window and fault rate returns exactly the truth, newest first', async () => {
    const data = emulator.datasets.get(CONTOSO)!;
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 0.001, max: 1, noNaN: true }), fc.integer({ min: 7, max: 400 }), fc.constantFrom(1000, 60_000, 3_600_000), fc.constantFrom(0, 0.1, 0.25), fc.constantFrom(200, 60_000), async (start, length, pageSize, minWindowMs, faultRate, slowPageMs) => {
        // A client per query, as the extension makes one per operation: its retry budget is the query's.
        const { client } = await emulatorApi(emulator, CONTOSO, FULL_APP, { timeScale: 0.001, retry: { maxAttempts: 12 } });
        emulator.faults.configure({ rate: faultRate, kinds: [...FAULTS] });
        try {
          const window = rangeOf(start, length);
          const ids: string[] = [];
          const pages = runQuery(client, { category: SIGN_INS, graphOrigin: emulator.origin, filterWithoutTime: SIGN_INS.fixedFilter, window, pageSize }, { minWindowMs, slowPageMs });
          for (;;) {
            const next = await pages.next();
            if (next.done) {
              assert.strictEqual(next.value.incomplete, undefined, 'the query completed');
              break;
            }
            for (const r of next.value.records) ids.push(isUnreadable(r) ? 'unreadable' : String(r.id));
          }
          assert.deepStrictEqual(ids, interactiveIds(data, window.fromMs, window.toMs));
        } finally {
          emulator.faults.configure({ rate: 0 });
        }
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('provisioning (whose filter has only gt and lt): a window whose ends are record instants includes the records at both ends', async () => {
    const data = emulator.datasets.get(CONTOSO)!;
    const PROVISIONING = categoryById('provisioning') as GraphCategory;
    const count = data.sizes.provisioning;
    const at = (i: number) => Date.parse(String(data.provisioning(i).activityDateTime));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: count - 1 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 5, max: 200 }), async (first, span, pageSize) => {
        const { client } = await emulatorApi(emulator, CONTOSO, FULL_APP, { timeScale: 0.001 });
        const a = at(first);
        const b = at(Math.min(count - 1, first + span));
        const window = { fromMs: Math.min(a, b), toMs: Math.max(a, b) };
        const [from, to] = data.provisioningRange(window.fromMs, window.toMs);
        const truth = Array.from({ length: to - from }, (_, k) => String(data.provisioning(from + k).id));
        const ids: string[] = [];
        const pages = runQuery(client, { category: PROVISIONING, graphOrigin: emulator.origin, filterWithoutTime: PROVISIONING.fixedFilter, window, pageSize }, {});
        for (;;) {
          const next = await pages.next();
          if (next.done) break;
          for (const r of next.value.records) ids.push(isUnreadable(r) ? 'unreadable' : String(r.id));
        }
        assert.ok(truth.length >= 1);
        assert.deepStrictEqual([...ids].sort(), [...truth].sort(), `window ${new Date(window.fromMs).toISOString()} … ${new Date(window.toMs).toISOString()}`);
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('an export of any range, cancelled after any number of rows and resumed, holds exactly the truth, each once', async () => {
    const data = emulator.datasets.get(CONTOSO)!;
    let run = 0;
    // A client per run of the export, as the extension makes one per operation (a resume is another).
    const client = async () => (await emulatorApi(emulator, CONTOSO, FULL_APP, { timeScale: 0.001, retry: { maxAttempts: 12 } })).client;
    await fc.assert(
      fc.asyncProperty(fc.double({ min: 0, max: 0.6, noNaN: true }), fc.double({ min: 0.05, max: 0.4, noNaN: true }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.integer({ min: 7, max: 300 }), fc.constantFrom(0, 0.1), async (start, length, cancelFraction, pageSize, faultRate) => {
        emulator.faults.configure({ rate: faultRate, kinds: [...FAULTS] });
        const dest: Destination = { kind: 'file', path: path.join(dir, `export-${++run}.ndjson`) };
        try {
          const range = rangeOf(start, length);
          const truth = interactiveIds(data, range.fromMs, range.toMs);
          // Small pages put checkpoints (and so resume instants) in the middle of bursts.
          const spec = { ...exportSpec(emulator.origin, CONTOSO, dest, 'ndjson', range), pageSize };
          const cancelAt = Math.max(1, Math.floor(truth.length * cancelFraction));
          const abort = new AbortController();
          const first = await exportOrResume(await client(), spec, { checkpointPath: checkpointPathOf(dest), signal: abort.signal, onProgress: (p) => p.rows >= cancelAt && abort.abort() }).catch((e: unknown) => e);
          if (first instanceof ExportInterruptedError) await exportOrResume(await client(), spec, { checkpointPath: checkpointPathOf(dest) });
          else if (first instanceof Error) throw first;
          // The last page can end the export before the cancel is seen; otherwise it was resumed.
          else assert.ok(truth.length - cancelAt < pageSize * 2, `not cancelled at ${cancelAt} of ${truth.length}`);
          const ids = fs
            .readFileSync(dest.path, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => String((JSON.parse(l) as { id: unknown }).id));
          assert.deepStrictEqual(ids, truth);
        } finally {
          emulator.faults.configure({ rate: 0 });
          for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f), { force: true });
        }
      }),
      { numRuns: Math.max(4, Math.round(RUNS / 2)), ...SEED },
    );
  });
});
