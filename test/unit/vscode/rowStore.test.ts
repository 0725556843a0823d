import * as assert from 'assert';
import { categoryById } from '../../../src/core/catalog/categories';
import type { GraphCategory } from '../../../src/core/catalog/types';
import { filterRows, sortRows } from '../../../src/core/query/gridView';
import { NO_ROW_FILTERS } from '../../../src/core/query/rowFilters';
import { screenPage } from '../../../src/core/records/untrusted';
import { NULL_LOGGER } from '../../../src/core/log/redact';
import type { RowData } from '../../../src/webview/results/protocol';
import { RowStore } from '../../../src/vscode/results/rowStore';

const category = categoryById('signIns.interactive') as GraphCategory;

function signIn(id: string, user: string, errorCode: number, minute: number): Record<string, unknown> {
  return { id, createdDateTime: `2026-11-30T10:${String(minute).padStart(2, '0')}:00Z`, userPrincipalName: user, userDisplayName: user, appDisplayName: 'Teams', ipAddress: '10.0.0.1', status: { errorCode }, conditionalAccessStatus: 'notApplied', location: {}, deviceDetail: {} };
}

describe('results rows on the host: the view Save as JSON writes is the grid\'s own', () => {
  const records = [signIn('a', 'carol', 0, 1), signIn('b', 'alice', 50126, 2), signIn('c', 'bob', 50126, 3), signIn('d', 'dave', 53003, 4)];

  it('the host computes the grid\'s filter and sort from their spec: the same records, in the same order, as the webview shows', () => {
    const sent: RowData[][] = [];
    const store = new RowStore(category, NULL_LOGGER, (rows) => sent.push(rows));
    store.add(screenPage([...records, null]).records);
    store.flush();
    const shown = sent.flat();
    const filters = { ...NO_ROW_FILTERS, failuresOnly: true };
    const sort = { column: 'userPrincipalName', descending: true };
    // What the webview draws (its model re-exports these same functions) …
    const webview = sortRows(filterRows(shown, filters), sort, category.columns).map((r) => r.id);
    // … is what the host saves.
    assert.deepStrictEqual(store.view(filters, sort).map((r) => (r as { id: string }).id), webview);
    assert.deepStrictEqual(webview, ['d', 'c', 'b'], 'sorted against arrival order, so the check can tell');
    // Without a sort or filter: every record in arrival order, the unreadable one included.
    assert.strictEqual(store.view(NO_ROW_FILTERS, undefined).length, 5);
  });

  it('a reloaded webview gets every row again, and nothing waiting is sent twice', () => {
    const sent: RowData[][] = [];
    const store = new RowStore(category, NULL_LOGGER, (rows) => sent.push(rows));
    store.add(screenPage(records).records);
    const again = store.allRows();
    store.flush();
    assert.deepStrictEqual(again.map((r) => r.id), ['a', 'b', 'c', 'd']);
    assert.deepStrictEqual(sent, [], 'the rows that were waiting went with allRows(), not again');
    store.dispose();
  });
});
