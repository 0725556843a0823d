import * as assert from 'assert';
import { integer, list, none, nullable, object, oneOf, text } from '../../../src/webview/parse';
import { RECORD_DETAIL_REQUESTS } from '../../../src/webview/recordDetail/protocol';
import { RESULTS_REQUESTS } from '../../../src/webview/results/protocol';
import { DETAIL_REQUESTS } from '../../../src/webview/signInDetail/protocol';

describe('webview protocols as data: one table gives the methods, the types and the checks', () => {
  it('parsers narrow what they accept and refuse the rest', () => {
    const row = object({ id: text(5), n: integer(0, 3), kind: oneOf('a', 'b'), tags: list(text(2), 2), parent: nullable(text(5)) });
    assert.deepStrictEqual(row({ id: 'x', n: 2, kind: 'b', tags: ['t'], parent: null, extra: 'dropped' }), { id: 'x', n: 2, kind: 'b', tags: ['t'], parent: null });
    for (const bad of [null, [], 'x', { id: 'toolong', n: 2, kind: 'a', tags: [], parent: null }, { id: 'x', n: 3, kind: 'a', tags: [], parent: null }, { id: 'x', n: 1.5, kind: 'a', tags: [], parent: null }, { id: 'x', n: 1, kind: 'c', tags: [], parent: null }, { id: 'x', n: 1, kind: 'a', tags: ['a', 'b', 'c'], parent: null }, { id: 'x', n: 1, kind: 'a', tags: [], parent: 5 }]) {
      assert.strictEqual(row(bad), undefined, JSON.stringify(bad));
    }
    assert.deepStrictEqual(none(undefined), {});
    assert.deepStrictEqual(none({ anything: 1 }), {});
    assert.strictEqual(none('x'), undefined);
  });

  it('every request of every panel has a parser, and the tables are what the host accepts', () => {
    assert.deepStrictEqual(Object.keys(DETAIL_REQUESTS).sort(), ['copy', 'diagnose', 'investigate', 'openJson', 'runRelated', 'saveJson', 'tokenActivity', 'triage']);
    assert.deepStrictEqual(Object.keys(RECORD_DETAIL_REQUESTS).sort(), ['copy', 'openJson', 'pivot', 'saveJson']);
    assert.ok(Object.keys(RESULTS_REQUESTS).includes('viewChanged'));
    // A method name from a hostile webview cannot reach an inherited property.
    for (const table of [DETAIL_REQUESTS, RECORD_DETAIL_REQUESTS, RESULTS_REQUESTS]) {
      for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) assert.ok(!Object.hasOwn(table, name), name);
    }
    assert.deepStrictEqual(RESULTS_REQUESTS.copyAs({ format: 'curl' }), { format: 'curl' });
    assert.strictEqual(RESULTS_REQUESTS.copyAs({ format: 'bash' }), undefined);
    assert.strictEqual(RESULTS_REQUESTS.openRow({ id: 'x'.repeat(512) }), undefined);
    assert.strictEqual(DETAIL_REQUESTS.runRelated({ index: 20 }), undefined);
    assert.deepStrictEqual(DETAIL_REQUESTS.triage({ action: 'confirmSafe' }), { action: 'confirmSafe' });
    assert.strictEqual(DETAIL_REQUESTS.triage({ action: 'delete' }), undefined, 'only the three verdicts');
    assert.strictEqual(RECORD_DETAIL_REQUESTS.pivot({ index: -1 }), undefined);
  });
});
