/**
 * The results webview's share of a large result: it asks only for the blocks in sight, holds a
 * bounded number of them, drops them all when the view changes, and fetches again what grew.
 */
import * as assert from 'assert';
import { type RowData } from '../../../src/webview/results/protocol';
import { BLOCK, RowWindows } from '../../../webview-ui/results/rowWindows';

const rows = (start: number, count: number): RowData[] => Array.from({ length: count }, (_, k) => ({ id: String(start + k), cells: {}, failed: false }));

function windows() {
  const asked: [number, number, number][] = [];
  let changes = 0;
  const w = new RowWindows((version, start, count) => asked.push([version, start, count]), 1000, () => changes++);
  return { w, asked, changes: () => changes };
}

describe('results webview: rows fetched by position as the grid scrolls', () => {
  it('asks once for each block in sight, and draws them when they come', () => {
    const { w, asked, changes } = windows();
    w.setView(0, 1_000_000);
    w.need(0, 40);
    w.need(0, 40);
    assert.deepStrictEqual(asked, [[0, 0, BLOCK]], 'one request, not one per draw');
    assert.strictEqual(w.row(3), undefined);
    w.receive({ version: 0, start: 0, rows: rows(0, BLOCK) });
    assert.strictEqual(w.row(3)?.id, '3');
    assert.strictEqual(changes(), 1);
    // Scrolling to the middle of a million rows asks for the blocks there only.
    w.need(500_010, 500_060);
    assert.deepStrictEqual(asked.slice(1), [[0, 2000 * BLOCK, BLOCK]]);
  });

  it('holds a bounded number of rows however far it scrolls', () => {
    const { w } = windows();
    w.setView(0, 1_000_000);
    for (let b = 0; b < 400; b++) {
      w.need(b * BLOCK, b * BLOCK + 40);
      w.receive({ version: 0, start: b * BLOCK, rows: rows(b * BLOCK, BLOCK) });
    }
    assert.ok(w.held <= 24 * BLOCK, `${w.held} rows held`);
    assert.strictEqual(w.row(399 * BLOCK)?.id, String(399 * BLOCK), 'the rows in sight stay');
  });

  it('a new view version drops every row, refuses late answers for the old one, and asks again', () => {
    const { w, asked } = windows();
    w.setView(0, 600);
    w.need(0, 30);
    w.receive({ version: 0, start: 0, rows: rows(0, BLOCK) });
    w.setView(1, 10);
    assert.strictEqual(w.row(0), undefined, 'a row of the old order would be a wrong row');
    assert.deepStrictEqual(asked.at(-1), [1, 0, 10]);
    w.receive({ version: 0, start: 0, rows: rows(0, BLOCK) });
    assert.strictEqual(w.row(0), undefined, 'a late answer for the old version is ignored');
  });

  it('blocks the host says are coming with a new view are not asked for again', () => {
    const { w, asked } = windows();
    w.setView(0, 1000);
    w.need(0, 30);
    w.receive({ version: 0, start: 0, rows: rows(0, BLOCK) });
    w.setView(1, 1000, [0]);
    assert.deepStrictEqual(asked, [[0, 0, BLOCK]], 'block 0 of version 1 is on its way');
    w.receive({ version: 1, start: 0, rows: rows(0, BLOCK) });
    assert.strictEqual(w.row(10)?.id, '10');
  });

  it('rows that arrive after a short last block was fetched are fetched too', () => {
    const { w, asked } = windows();
    w.setView(0, 10);
    w.need(0, 30);
    w.receive({ version: 0, start: 0, rows: rows(0, 10) });
    w.setView(0, 30);
    assert.deepStrictEqual(asked, [[0, 0, 10], [0, 0, 30]]);
    w.receive({ version: 0, start: 0, rows: rows(0, 30) });
    assert.strictEqual(w.row(29)?.id, '29');
  });
});
