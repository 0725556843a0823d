import { isUnreadable, type LogRecord } from '../../../src/core/records/untrusted';
import * as assert from 'assert';
import { categoryById } from '../../../src/core/catalog/categories';
import { type GraphCategory } from '../../../src/core/catalog/types';
import { type QueryEnd, runQuery } from '../../../src/core/query/runQuery';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { CONTOSO, FULL_APP } from '../../support/emulatorClient';
import { emulatorApi } from '../../support/emulatorApi';
import { interactiveIds } from '../../support/truth';

const DAY = 86_400_000;

async function collect(gen: AsyncGenerator<{ records: LogRecord[] }, QueryEnd>): Promise<{ ids: string[]; end: QueryEnd }> {
  const ids: string[] = [];
  for (;;) {
    const r = await gen.next();
    if (r.done) return { ids, end: r.value };
    for (const rec of r.value.records) ids.push(isUnreadable(rec) ? rec.id : String(rec.id));
  }
}

function truth(emulator: Emulator, fromMs: number, toMs: number): string[] {
  return interactiveIds(emulator.datasets.get(CONTOSO)!, fromMs, toMs);
}

describe('core/query against the fake tenant', function () {
  this.timeout(120_000);
  const SI = categoryById('signIns.interactive') as GraphCategory;

  it('splits a wide query the gateway times out on into windows, with no loss and no duplicates', async () => {
    // 7 days at 120 s of service time per day exceeds the 300 s gateway limit until windows are
    // narrower than 2.5 days. 1/1000 of real time.
    const emulator = await startEmulator({ signIns: 8000, timeScale: 0.001, wideQuerySecondsPerDay: 120, gatewayTimeoutSeconds: 300 });
    try {
      const { client } = await emulatorApi(emulator, CONTOSO, FULL_APP, { timeScale: 0.001 });
      const now = Date.now();
      const window = { fromMs: now - 7 * DAY + 120_000, toMs: now };
      const splits: unknown[] = [];
      const { ids, end } = await collect(runQuery(client, { category: SI, graphOrigin: emulator.origin, filterWithoutTime: undefined, window }, { onSplit: (w) => splits.push(w) }));
      const expected = truth(emulator, window.fromMs, window.toMs);
      assert.ok(end.splits >= 1, `${end.splits} splits`);
      assert.strictEqual(splits.length, end.splits);
      assert.strictEqual(end.incomplete, undefined);
      assert.strictEqual(new Set(ids).size, ids.length, 'no duplicates');
      assert.deepStrictEqual(ids, expected, 'exactly the generated set, newest first');
    } finally {
      await emulator.close();
    }
  });

  it('survives 5% random faults with no loss and no duplicates, and every fault is accounted for', async () => {
    const emulator = await startEmulator({ signIns: 12_000, timeScale: 0.001, faultRate: 0.05, latencySpikeMs: 20 });
    try {
      const { client } = await emulatorApi(emulator, CONTOSO, FULL_APP, { timeScale: 0.001, requestTimeoutMs: 10_000 });
      const now = Date.now();
      const window = { fromMs: now - 7 * DAY + 120_000, toMs: now };
      const plan = { category: SI, graphOrigin: emulator.origin, filterWithoutTime: undefined, window, pageSize: 50 };
      const { ids, end } = await collect(runQuery(client, plan));
      const faults = emulator.faults.injected();
      const injected = Object.values(faults).reduce((a, b) => a + b, 0);
      assert.ok(injected >= 3, `only ${injected} faults injected`);
      assert.deepStrictEqual(ids, truth(emulator, window.fromMs, window.toMs));
      const failing = faults['429'] + faults['500'] + faults['502'] + faults['503'] + faults['504'] + faults.reset + faults.truncate;
      // A 504 on a wide window narrows it (a split); every other failure is retried.
      assert.strictEqual(client.stats.retries + end.splits, failing, `retries ${client.stats.retries} + splits ${end.splits} vs faults ${JSON.stringify(faults)}`);
    } finally {
      await emulator.close();
    }
  });

  it('refuses a foreign nextLink without sending the token and reports the results as incomplete', async () => {
    const emulator = await startEmulator({ signIns: 3000, throttling: false });
    try {
      const api = await emulatorApi(emulator, CONTOSO, FULL_APP);
      emulator.faults.enqueue({ kind: 'foreignNextLink', pathContains: 'signIns' });
      const now = Date.now();
      const window = { fromMs: now - 7 * DAY + 120_000, toMs: now };
      const { ids, end } = await collect(runQuery(api.client, { category: SI, graphOrigin: emulator.origin, filterWithoutTime: undefined, window, pageSize: 100 }));
      assert.strictEqual(ids.length, 100, 'the first page arrived');
      assert.match(end.incomplete?.reason ?? '', /graph\.microsoft\.com\.evil\.test/);
      // The part said to be missing is exactly the window's start up to the oldest record delivered:
      // every record not delivered lies in it, and nothing delivered is claimed missing.
      const data = emulator.datasets.get(CONTOSO)!;
      const [from, to] = data.signInRange(window.fromMs, window.toMs);
      const timeOf = new Map<string, number>();
      for (let i = from; i < to; i++) if (data.signIn(i).eventType === 'interactiveUser') timeOf.set(String(data.signIn(i).json.id), data.signIn(i).createdMs);
      const oldestDelivered = Math.min(...ids.map((id) => timeOf.get(id)!));
      assert.deepStrictEqual(end.incomplete?.uncovered, { fromMs: window.fromMs, toMs: oldestDelivered }, 'says which part is missing');
      const delivered = new Set(ids);
      for (const [id, t] of timeOf) if (!delivered.has(id)) assert.ok(t >= window.fromMs && t <= oldestDelivered, `${id} is missing but not in the uncovered span`);
      assert.ok(api.sent.every((s) => new URL(s.url).origin === emulator.origin), 'nothing went to the foreign host');
    } finally {
      await emulator.close();
    }
  });
});
