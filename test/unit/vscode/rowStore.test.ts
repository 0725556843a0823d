import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { categoryById } from '../../../src/core/catalog/categories';
import type { GraphCategory } from '../../../src/core/catalog/types';
import { NO_ROW_FILTERS } from '../../../src/core/query/rowFilters';
import { SpillFile } from '../../../src/core/records/spillFile';
import { isUnreadable, screenPage } from '../../../src/core/records/untrusted';
import { NULL_LOGGER } from '../../../src/core/log/redact';
import type { RowWindow, ViewInfo } from '../../../src/webview/results/protocol';
import { RowStore } from '../../../src/vscode/results/rowStore';

const category = categoryById('signIns.interactive') as GraphCategory;
const withoutFacets = ({ facets: _facets, histogram: _histogram, oldestMs: _oldest, ...view }: ViewInfo): Omit<ViewInfo, 'facets' | 'histogram' | 'oldestMs'> => view;

function signIn(id: string, user: string, errorCode: number, minute: number): Record<string, unknown> {
  return { id, createdDateTime: `2026-11-30T10:${String(minute).padStart(2, '0')}:00Z`, userPrincipalName: user, userDisplayName: user, appDisplayName: 'Teams', ipAddress: '10.0.0.1', status: { errorCode }, conditionalAccessStatus: 'notApplied', location: {}, deviceDetail: {} };
}

describe('results rows on the host: the grid asks for windows of a view computed here', () => {
  const records = [signIn('a', 'carol', 0, 1), signIn('b', 'alice', 50126, 2), signIn('c', 'bob', 50126, 3), signIn('d', 'dave', 53003, 4)];
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idlog-rows-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const storeWith = (announced: ViewInfo[], pushed: RowWindow[] = []) => {
    const file = new SpillFile(path.join(dir, 'panel.rows'));
    return { file, store: new RowStore(category, NULL_LOGGER, file, (v) => announced.push(v), (w) => pushed.push(w)) };
  };

  it('a filter and sort give a new version whose windows, and whose saved records, are in the grid order', async () => {
    const announced: ViewInfo[] = [];
    const { store } = storeWith(announced);
    store.add(screenPage([...records, null]).records);
    store.settle();
    assert.deepStrictEqual(withoutFacets(announced.at(-1)!), { version: 0, total: 5, loaded: 5, policies: [] });
    assert.strictEqual(announced.at(-1)!.oldestMs, Date.parse('2026-11-30T10:01:00Z'), 'the oldest loaded row\'s time: a kept range before it is not all loaded');
    store.setView({ ...NO_ROW_FILTERS, failuresOnly: true }, { column: 'userPrincipalName', descending: true });
    const view = announced.at(-1)!;
    assert.deepStrictEqual(withoutFacets(view), { version: 1, total: 3, loaded: 5, policies: [], coming: [] }, 'nothing asked yet: nothing sent along');
    const window = store.window(1, 0, 10)!;
    assert.deepStrictEqual(window.rows.map((r) => r.cells.userPrincipalName), ['dave', 'bob', 'alice'], 'sorted against arrival order, so the check can tell');
    // Row ids are arrival positions: the host reads each record back by it.
    assert.deepStrictEqual(window.rows.map((r) => r.id), ['3', '2', '1']);
    assert.deepStrictEqual((await store.view()).map((r) => (r as { id: string }).id), ['d', 'c', 'b'], 'Save as JSON writes what the grid shows');
    assert.strictEqual(store.window(0, 0, 10), undefined, 'a window of the old view is not sent');
    assert.deepStrictEqual(store.window(1, 2, 10)!.rows.map((r) => r.id), ['1'], 'a window past the end is cut short');
    store.dispose();
  });

  it('a sign-in read again after a verdict takes its row\'s place: new cells and saved record, the view computed again', async () => {
    const announced: ViewInfo[] = [];
    const pushed: RowWindow[] = [];
    const { store } = storeWith(announced, pushed);
    const atRisk = (id: string, user: string, state: string) => ({ ...signIn(id, user, 0, 7), riskState: state, riskLevelDuringSignIn: 'high' });
    store.add(screenPage([...records, atRisk('e', 'erin', 'atRisk')]).records);
    store.settle();
    store.setView({ ...NO_ROW_FILTERS, fields: [{ column: 'riskState', label: 'Risk state', values: ['atRisk'] }] }, undefined);
    assert.deepStrictEqual(store.window(announced.at(-1)!.version, 0, 10)!.rows.map((r) => r.cells.userPrincipalName), ['erin']);
    assert.deepStrictEqual(store.holding(['e', 'x', 'a']), ['e', 'a'], 'which ids the grid holds');
    const before = announced.length;
    assert.strictEqual(store.replace(screenPage([atRisk('e', 'erin', 'confirmedSafe'), atRisk('x', 'xavier', 'dismissed')]).records), 1, 'only loaded rows change');
    assert.strictEqual(announced.length, before + 1, 'a new view is announced');
    assert.strictEqual(announced.at(-1)!.total, 0, 'confirmed safe: the row leaves the "at risk" filter');
    store.setView(NO_ROW_FILTERS, undefined);
    const row = store.window(announced.at(-1)!.version, 4, 1)!.rows[0];
    assert.deepStrictEqual([row.id, row.cells.userPrincipalName, row.raw?.riskState], ['4', 'erin', 'confirmedSafe'], 'same place, new cells');
    assert.strictEqual(((await store.get('4')) as { riskState: string }).riskState, 'confirmedSafe', 'the detail and exports read the newer record');
    assert.strictEqual(store.size, 5, 'no row added');
    store.dispose();
  });

  it('facets: the top values of the view\'s rows, counted again with each new view; a kept value leaves its rows only', () => {
    const announced: ViewInfo[] = [];
    const { store } = storeWith(announced);
    store.add(screenPage([...records, signIn('e', 'alice', 0, 5), signIn('f', 'alice', 50126, 6)]).records);
    store.settle();
    const facet = (column: string) => announced.at(-1)!.facets!.find((f) => f.column === column)!;
    assert.deepStrictEqual(announced.at(-1)!.facets!.map((f) => f.column), category.facets, 'every facet column of the report, in its order');
    assert.deepStrictEqual(facet('userPrincipalName').values.map((v) => [v.label, v.count]), [['alice', 3], ['bob', 1], ['carol', 1], ['dave', 1]], 'most first, ties by name');
    assert.deepStrictEqual(facet('status').values.map((v) => [v.label, v.count]), [['Failure 50126', 3], ['Success', 2], ['Failure 53003', 1]]);
    // The enum's raw value is what a filter compares; its label is what the grid shows.
    assert.deepStrictEqual(facet('conditionalAccessStatus').values, [{ value: 'notApplied', label: 'Not applied', count: 6 }]);
    store.setView({ ...NO_ROW_FILTERS, fields: [{ column: 'conditionalAccessStatus', label: 'Conditional access', values: ['notApplied'] }, { column: 'userPrincipalName', label: 'User', values: ['alice'] }] }, undefined);
    assert.strictEqual(announced.at(-1)!.total, 3);
    assert.deepStrictEqual(facet('status').values.map((v) => [v.label, v.count]), [['Failure 50126', 2], ['Success', 1]], 'counted among the rows in view');
    assert.strictEqual(facet('userPrincipalName').others, 0);
    store.dispose();
  });

  it('a new sort sends the rows in sight along with the view, sparing the webview a round trip', () => {
    const announced: ViewInfo[] = [];
    const pushed: RowWindow[] = [];
    const { store } = storeWith(announced, pushed);
    store.add(screenPage(records).records);
    store.settle();
    // The webview had asked for the rows in sight of version 0.
    store.window(0, 0, 250);
    store.setView(NO_ROW_FILTERS, { column: 'userPrincipalName', descending: false });
    assert.deepStrictEqual(announced.at(-1)!.coming, [0]);
    assert.deepStrictEqual(pushed.map((w) => [w.version, w.start, w.rows.map((r) => r.cells.userPrincipalName)]), [[1, 0, ['alice', 'bob', 'carol', 'dave']]]);
    // A filter that leaves fewer rows than a window start sends nothing for that place.
    store.window(1, 250, 250);
    store.setView({ ...NO_ROW_FILTERS, text: 'alice' }, undefined);
    assert.deepStrictEqual(announced.at(-1)!.coming, [0]);
    assert.deepStrictEqual(pushed.at(-1)!.rows.map((r) => r.cells.userPrincipalName), ['alice']);
    store.dispose();
  });

  it('rows that arrive while the view is sorted join it at their place once it is recomputed', async () => {
    const announced: ViewInfo[] = [];
    const { store } = storeWith(announced);
    store.add(screenPage(records.slice(0, 2)).records);
    store.setView(NO_ROW_FILTERS, { column: 'userPrincipalName', descending: false });
    store.add(screenPage(records.slice(2)).records);
    store.settle();
    const last = announced.at(-1)!;
    assert.strictEqual(last.total, 4);
    assert.deepStrictEqual(store.window(last.version, 0, 4)!.rows.map((r) => r.cells.userPrincipalName), ['alice', 'bob', 'carol', 'dave']);
    store.dispose();
  });

  it('keeps the records in its file, reads each back as it arrived (an unreadable one verbatim), and deletes the file on close', async () => {
    const { store, file } = storeWith([]);
    const page = screenPage([...records, 'not a record']).records;
    store.add(page);
    assert.deepStrictEqual(await store.get('2'), records[2]);
    const unreadable = await store.get('4');
    assert.ok(isUnreadable(unreadable) && unreadable.raw === '"not a record"');
    assert.strictEqual(await store.get('5'), undefined, 'no such row');
    assert.strictEqual(await store.get('1e0'), undefined, 'not a row id');
    assert.deepStrictEqual((await store.all()).slice(0, 4), records);
    assert.ok(fs.existsSync(file.path));
    store.dispose();
    for (let i = 0; i < 50 && fs.existsSync(file.path); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(!fs.existsSync(file.path), 'the file is gone once the panel closes');
  });
});
