/**
 * The host's compact row table against the grid's definition of a view (gridView.ts): for any
 * rows, any filter and any sort, the table shows the same rows in the same order, and every cell
 * reads back as the text it was given. Runs IDLOG_PROPERTY_RUNS cases (12 by default, times 10 here:
 * each case is cheap); IDLOG_PROPERTY_SEED replays one.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { categoryById } from '../../../src/core/catalog/categories';
import { filterRows, sortRows } from '../../../src/core/query/gridView';
import { NO_ROW_FILTERS, type RowFilters } from '../../../src/core/query/rowFilters';
import { RowTable } from '../../../src/core/query/rowTable';
import { type DisplayRow, PIVOT_KEYS, type Pivots, toDisplayRow } from '../../../src/core/query/rows';
import { UnreadableRecord } from '../../../src/core/records/untrusted';

const RUNS = Number(process.env.IDLOG_PROPERTY_RUNS ?? 12) * 10;
const SEED = process.env.IDLOG_PROPERTY_SEED ? { seed: Number(process.env.IDLOG_PROPERTY_SEED) } : {};

const COLUMNS = [
  { id: 'time', kind: 'datetime' as const },
  { id: 'status', kind: 'status' as const },
  { id: 'user' },
  { id: 'risk', kind: 'enum' as const },
  { id: 'request' },
  { id: 'count', kind: 'number' as const },
];

// Values chosen to collide: shared users, equal instants, GUIDs in any column, text that looks
// like a time or a number, case and accents that collate together.
// fast-check's uuid() favours near-identical values: a pool of random ones makes order matter.
const guid = fc.oneof(fc.uuid(), fc.constantFrom('4770c639-cf6e-4da0-a7ec-cadddaee2c6c', '3e960129-5897-4b2f-9773-36eca6dd6bf6', 'acbd68e0-239e-4b4c-9459-1e77a0ea7834', '67e51eb6-8323-4091-a79f-85bc4e991214', '6fee32f0-3aad-4a38-8db4-c4385c39dda8', '11d9d8c9-62f9-451f-8006-904e9cbacf6d', '9158bda9-e464-497e-81a0-42e1e3bb0865', '3e13a6a6-6c93-4ecc-89fb-84b745250652'));
const time = fc.date({ min: new Date('1999-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z'));
const word = fc.constantFrom('', 'alice@contoso.com', 'Alice@contoso.com', 'bob', 'Éclair', 'eclair', '<img src=x>', 'Success', 'Failure 50126', 'Failure 53003', 'Interrupted 50074', '42', '-3.5', '2026-11-30 08:15:02Z', 'not a time', 'caf\u00e9', 'cafe\u0301', 'ABCDEF01-2345-6789-ABCD-EF0123456789');
const cell = fc.oneof(word, guid, time, fc.string({ maxLength: 6 }));
const raws = fc.constantFrom(undefined, 'atRisk', 'none', 'confirmedCompromised');
const ca = fc.option(fc.array(fc.tuple(fc.constantFrom('Require MFA', 'Block legacy', 'Report: risky'), fc.constantFrom('success', 'failure', 'notApplied', 'reportOnlyFailure', 'reportOnlySuccess')), { maxLength: 3 }), { nil: undefined });

const displayRow = fc
  .record({ cells: fc.tuple(cell, cell, cell, cell, cell, cell), raw: raws, failed: fc.boolean(), ca, unreadable: fc.boolean(), pivots: fc.subarray([...PIVOT_KEYS]) })
  .map(({ cells, raw, failed, ca, unreadable, pivots }): Omit<DisplayRow, 'id'> => {
    if (unreadable) return { cells: { time: `Unreadable record: ${cells[0]}` }, failed: false, unreadable: true };
    const byId: Record<string, string> = {};
    COLUMNS.forEach((c, k) => (byId[c.id] = cells[k]));
    return {
      cells: byId,
      failed,
      ...(raw !== undefined ? { raw: { risk: raw } } : {}),
      ...(ca ? { ca } : {}),
      ...(pivots.length ? { pivots: Object.fromEntries(pivots.map((key) => [key, true])) as Pivots } : {}),
    };
  });

const filters: fc.Arbitrary<RowFilters> = fc.record({
  text: fc.oneof(fc.constant(''), fc.constantFrom('alice', 'ECLAIR', '2026', ':15', 'z', '-', 'at', 'risk', '5', 'a1', ' '), fc.string({ maxLength: 3 })),
  failuresOnly: fc.boolean(),
  caPolicy: fc.constantFrom('', 'Require MFA', 'Report: risky'),
  caResult: fc.constantFrom('', 'failure', 'reportOnlyFailure'),
  reportOnly: fc.boolean(),
  // Equality on a column (raw value where the cell has one): values drawn from what cells hold, and a column the grid lacks.
  fields: fc.option(
    fc.array(fc.record({ column: fc.constantFrom(...COLUMNS.map((c) => c.id), 'absent'), label: fc.constant('Field'), values: fc.array(fc.oneof(word, guid, time, fc.constantFrom('atRisk', 'none')), { minLength: 1, maxLength: 3 }) }), { maxLength: 2 }),
    { nil: undefined },
  ),
  // A brushed time range, on the time column or one that holds times only sometimes.
  time: fc.option(
    fc.record({ column: fc.constantFrom('time', 'user', 'absent'), fromMs: fc.integer({ min: Date.parse('1999-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }), spanMs: fc.integer({ min: 1, max: 20 * 365 * 86_400_000 }) }).map(({ column, fromMs, spanMs }) => ({ column, fromMs, toMs: fromMs + spanMs })),
    { nil: undefined },
  ),
}).map(({ fields, time, ...f }) => ({ ...f, ...(fields ? { fields } : {}), ...(time ? { time } : {}) }));
const sort = fc.option(fc.record({ column: fc.constantFrom(...COLUMNS.map((c) => c.id)), descending: fc.boolean() }), { nil: undefined });

function tableOf(rows: readonly Omit<DisplayRow, 'id'>[]): { table: RowTable; withIds: DisplayRow[] } {
  const table = new RowTable(COLUMNS);
  const withIds = rows.map((r) => ({ ...r, id: String(table.add({ ...r, id: 'ignored' })) }));
  return { table, withIds };
}

/** What the grid's definition shows, as row indices. */
function expected(rows: DisplayRow[], f: RowFilters, s: { column: string; descending: boolean } | undefined): number[] {
  return sortRows(filterRows(rows, f), s, COLUMNS).map((r) => Number(r.id));
}

function shown(table: RowTable, f: RowFilters, s: { column: string; descending: boolean } | undefined): number[] {
  const v = table.view(f, s);
  return v ? Array.from(v) : Array.from({ length: table.size }, (_, i) => i);
}

describe('results row table: compact columns in the host, the grid view computed where the rows are', () => {
  it('every cell, raw value, flag and conditional access list reads back as given', () => {
    fc.assert(
      fc.property(fc.array(displayRow, { maxLength: 60, size: 'medium' }), (rows) => {
        const { table, withIds } = tableOf(rows);
        withIds.forEach((r, i) => {
          const back = table.row(i);
          for (const c of COLUMNS) assert.strictEqual(back.cells[c.id], r.cells[c.id] ?? '', `${c.id} of row ${i}`);
          assert.deepStrictEqual(back.raw, r.raw);
          assert.strictEqual(back.failed, r.failed);
          assert.strictEqual(back.unreadable, r.unreadable);
          assert.deepStrictEqual(back.pivots, r.pivots);
          assert.deepStrictEqual(back.ca, r.ca);
        });
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('filters and sorts exactly as the grid definition does (the same rows, in the same order)', () => {
    fc.assert(
      fc.property(fc.array(displayRow, { maxLength: 80, size: 'medium' }), filters, sort, (rows, f, s) => {
        const { table, withIds } = tableOf(rows);
        assert.deepStrictEqual(shown(table, f, s), expected(withIds, f, s));
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('rows replaced in place (records read again) read, filter, sort and count exactly as a table built with them from the start', () => {
    fc.assert(
      fc.property(fc.array(displayRow, { minLength: 1, maxLength: 60, size: 'medium' }), fc.array(fc.tuple(fc.nat(), displayRow), { maxLength: 6 }), filters, sort, (rows, changes, f, s) => {
        const { table } = tableOf(rows);
        const after = [...rows];
        for (const [at, row] of changes) {
          table.replace(at % rows.length, { ...row, id: 'ignored' });
          after[at % rows.length] = row;
        }
        table.replace(rows.length, { ...rows[0], id: 'ignored' });
        const fresh = tableOf(after);
        assert.strictEqual(table.size, rows.length, 'a place beyond the rows is not made');
        after.forEach((_, i) => assert.deepStrictEqual(table.row(i), fresh.table.row(i), `row ${i}`));
        assert.deepStrictEqual(shown(table, f, s), expected(fresh.withIds, f, s));
        assert.deepStrictEqual(table.facets(['user', 'risk'], table.view(f, undefined), 3), fresh.table.facets(['user', 'risk'], fresh.table.view(f, undefined), 3));
        const wanted = new Set(after.slice(0, 2).map((r) => r.raw?.risk ?? r.cells.request ?? ''));
        assert.deepStrictEqual(table.rowsWith('request', wanted), fresh.table.rowsWith('request', wanted));
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('facets: the top values among the view\'s rows equal a plain count (GUIDs, unique per row, are not values)', () => {
    const GUID_CELL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    fc.assert(
      fc.property(fc.array(displayRow, { maxLength: 80, size: 'medium' }), filters, fc.integer({ min: 1, max: 4 }), (rows, f, n) => {
        const { table, withIds } = tableOf(rows);
        const view = table.view(f, undefined);
        const inView = filterRows(withIds, f);
        for (const column of ['user', 'risk', 'request']) {
          const counts = new Map<string, { text: string; raw?: string; count: number }>();
          let nonEmpty = 0;
          for (const r of inView) {
            const text = r.cells[column] ?? '';
            const raw = r.raw?.[column];
            if (raw === undefined && GUID_CELL.test(text)) continue;
            if (text === '' && raw === undefined) continue;
            nonEmpty++;
            const key = `${text}\u0000${raw ?? ''}`;
            const e = counts.get(key) ?? { text, ...(raw !== undefined ? { raw } : {}), count: 0 };
            e.count++;
            counts.set(key, e);
          }
          const top = [...counts.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)).slice(0, n);
          const [facet] = table.facets([column], view, n);
          assert.deepStrictEqual(facet.values.map((v) => v.count), top.map((t) => t.count), `${column}: counts`);
          assert.deepStrictEqual(facet.values.map((v) => v.value), top.map((t) => t.raw ?? t.text), `${column}: values`);
          assert.strictEqual(facet.others, nonEmpty - top.reduce((s, t) => s + t.count, 0), `${column}: others`);
        }
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('a histogram: round buckets that fit the bars, rows counted by outcome, rows without a time left out; a brushed range keeps its rows', () => {
    const row = (time: string, failed: boolean, interrupted = false): Omit<DisplayRow, 'id'> => ({ cells: { time }, failed, ...(interrupted ? { interrupted: true as const } : {}) });
    const { table } = tableOf([
      row('2026-12-01 10:00:05Z', false),
      row('2026-12-01 10:04:59Z', true),
      row('2026-12-01 10:20:00Z', true, true),
      row('2026-12-01 11:59:00Z', false),
      row('not a time', true),
    ]);
    // Two hours at most 10 bars: 15-minute buckets from 10:00.
    const h = table.histogram('time', undefined, true, 10)!;
    assert.strictEqual(h.bucketMs, 900_000);
    assert.strictEqual(new Date(h.fromMs).toISOString(), '2026-12-01T10:00:00.000Z');
    assert.deepStrictEqual(h.bars, [[1, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [1, 0, 0, 0]]);
    assert.deepStrictEqual(table.histogram('time', undefined, false, 200)!.bars.filter((b) => b[3] > 0).length, 4, 'one-minute buckets; not sign-ins: all "other"');
    // The first bucket kept: [10:00, 10:15).
    const kept = table.view({ ...NO_ROW_FILTERS, time: { column: 'time', fromMs: h.fromMs, toMs: h.fromMs + h.bucketMs } }, undefined)!;
    assert.deepStrictEqual(Array.from(kept), [0, 1]);
    const narrow = table.histogram('time', kept, true, 10)!;
    assert.strictEqual(narrow.bucketMs, 60_000, 'five minutes of rows: one-minute buckets');
    assert.deepStrictEqual(narrow.bars, [[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 1, 0]], 'counted over the view');
    assert.strictEqual(table.histogram('time', Uint32Array.from([4]), true, 10), undefined, 'no row with a time');
  });

  it('a text filter finds part of a GUID, never a match across two neighbouring ones', () => {
    const { table } = tableOf([
      { cells: { request: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1' }, failed: false },
      { cells: { request: '2bbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb' }, failed: false },
      { cells: { request: 'cccccccc-cccc-4ccc-8ccc-cccccccccc12' }, failed: false },
    ]);
    // "12" spans the end of the first and the start of the second, where the characters are stored side by side.
    assert.deepStrictEqual(shown(table, { ...NO_ROW_FILTERS, text: '12' }, undefined), [2]);
    assert.deepStrictEqual(shown(table, { ...NO_ROW_FILTERS, text: 'BBBB-4' }, undefined), [1]);
  });

  it('a text filter finds a replaced row by its new GUID, never by the one it held before', () => {
    const { table } = tableOf([
      { cells: { request: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1' }, failed: false },
      { cells: { request: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd' }, failed: false },
    ]);
    table.replace(0, { id: '0', cells: { request: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee' }, failed: false });
    assert.deepStrictEqual(shown(table, { ...NO_ROW_FILTERS, text: 'aaaa1' }, undefined), []);
    assert.deepStrictEqual(shown(table, { ...NO_ROW_FILTERS, text: 'eeee-4' }, undefined), [0]);
    assert.deepStrictEqual(shown(table, { ...NO_ROW_FILTERS, text: 'dddd' }, undefined), [1]);
  });

  it('a text filter finds part of a time, and knows five digits in a row are in none', () => {
    const { table } = tableOf([
      { cells: { time: '2026-11-30 08:15:02Z', user: 'a' }, failed: false },
      { cells: { time: '2025-01-02 03:04:05Z', user: 'b' }, failed: false },
      { cells: { time: 'not a time 20261', user: 'c' }, failed: false },
    ]);
    assert.deepStrictEqual(shown(table, { ...NO_ROW_FILTERS, text: '2026' }, undefined), [0, 2]);
    assert.deepStrictEqual(shown(table, { ...NO_ROW_FILTERS, text: '08:15' }, undefined), [0]);
    assert.deepStrictEqual(shown(table, { ...NO_ROW_FILTERS, text: '5z' }, undefined), [1]);
    assert.deepStrictEqual(shown(table, { ...NO_ROW_FILTERS, text: '20261' }, undefined), [2]);
  });

  it('a field filter keeps rows whose cell is exactly one of its values: a raw enum value, a whole GUID, a time; every filter must hold', () => {
    const { table } = tableOf([
      { cells: { request: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1', risk: 'At risk', time: '2026-11-30 08:15:02Z', user: 'alice' }, raw: { risk: 'atRisk' }, failed: false },
      { cells: { request: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa2', risk: 'At risk', time: '2026-11-30 08:15:03Z', user: 'bob' }, raw: { risk: 'atRisk' }, failed: false },
      { cells: { request: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1', risk: 'None', time: '2026-11-30 08:15:02Z', user: 'alice' }, raw: { risk: 'none' }, failed: false },
    ]);
    const where = (...fields: { column: string; values: string[] }[]) => shown(table, { ...NO_ROW_FILTERS, fields: fields.map((f) => ({ ...f, label: f.column })) }, undefined);
    assert.deepStrictEqual(where({ column: 'risk', values: ['atRisk'] }), [0, 1]);
    assert.deepStrictEqual(where({ column: 'risk', values: ['At risk'] }), [], 'the raw value is compared, not its label');
    assert.deepStrictEqual(where({ column: 'request', values: ['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1'] }), [0, 2]);
    assert.deepStrictEqual(where({ column: 'request', values: ['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa'] }), [], 'part of a GUID is not equal to it');
    assert.deepStrictEqual(where({ column: 'time', values: ['2026-11-30 08:15:03Z'] }), [1]);
    assert.deepStrictEqual(where({ column: 'user', values: ['alice', 'bob'] }, { column: 'risk', values: ['none'] }), [2]);
  });

  it('many rows: a column widens as its distinct values pass 256 and 65,536, and times after thousands of instants still read back', () => {
    const table = new RowTable(COLUMNS);
    const n = 70_000;
    const cellsOf = (i: number) => ({ time: i < 5000 ? `2026-11-30 ${String(Math.floor(i / 3600) % 24).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z` : `not a time ${i % 7}`, status: `Failure ${i % 300}`, user: `user${i}@contoso.com`, risk: '', request: '', count: String(i % 3) });
    for (let i = 0; i < n; i++) table.add({ id: '', cells: cellsOf(i), failed: false });
    for (const i of [0, 255, 256, 4999, 5000, 5001, 65_535, 65_536, 69_999]) assert.deepStrictEqual(table.row(i).cells, cellsOf(i), `row ${i}`);
  });

  it('lists the conditional access policies in the order they first appeared', () => {
    const { table } = tableOf([
      { cells: {}, failed: false, ca: [['B', 'success']] },
      { cells: {}, failed: false },
      { cells: {}, failed: false, ca: [['A', 'failure'], ['B', 'failure']] },
    ]);
    assert.deepStrictEqual(table.policies(), ['B', 'A']);
  });

  it('holds real sign-in rows (GUID ids, times, enum labels, an unreadable record) and sorts them by time, newest first', () => {
    const SI = categoryById('signIns.interactive')!;
    const record = (n: number) => ({
      id: `0000000${n}-aaaa-4bbb-8ccc-0123456789ab`,
      correlationId: `1111111${n}-aaaa-4bbb-8ccc-0123456789ab`,
      createdDateTime: `2026-11-${29 + (n % 2 === 0 ? 1 : 0)}T0${n}:00:00Z`,
      status: { errorCode: n % 3 === 0 ? 0 : 50126 },
      userPrincipalName: `user${n % 2}@contoso.com`,
      riskLevelDuringSignIn: 'none',
      conditionalAccessStatus: 'notApplied',
    });
    const rows = [record(1), record(2), new UnreadableRecord('not an object', '42'), record(3)].map((r) => toDisplayRow(SI, r));
    const table = new RowTable(SI.columns);
    rows.forEach((r) => table.add(r));
    rows.forEach((r, i) => assert.deepStrictEqual(table.row(i).cells, Object.fromEntries(SI.columns.map((c) => [c.id, r.cells[c.id] ?? '']))));
    const byTime = shown(table, NO_ROW_FILTERS, { column: 'createdDateTime', descending: true });
    // Nov 30 02:00, Nov 29 03:00, Nov 29 01:00; the unreadable row's first cell is its reason,
    // text that collates after any date.
    assert.deepStrictEqual(byTime, [2, 1, 3, 0]);
    assert.deepStrictEqual(byTime, expected(rows.map((r, i) => ({ ...r, id: String(i) })), NO_ROW_FILTERS, { column: 'createdDateTime', descending: true }));
  });
});
