import * as assert from 'assert';
import fc from 'fast-check';
import { CellDictionary } from '../../../src/core/query/cellDictionary';

/** Cells that collide and that change length when lower-cased ('İ' is two code units lower-case, 'ẞ' three bytes). */
const unit = fc.constantFrom('a', 'A', 'b', 'İ', 'i', 'ẞ', 'ß', '9', '-', ' ', '\u0301', '😀', 'é');
const text = fc.string({ unit, maxLength: 6 });
const cell = fc.record({ text, raw: fc.option(text, { nil: undefined }) });

describe('core/query/cellDictionary: distinct cells, plain or packed', () => {
  it('property: packed past a threshold, it numbers, reads back and searches cells exactly as plain strings do', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 80 }), fc.integer({ min: 2, max: 40 }), fc.array(text, { maxLength: 4 }), (cells, packAt, needles) => {
        const dict = new CellDictionary(packAt);
        // The model: first-seen numbering of (text, raw) pairs, entry 0 the empty cell.
        const model: { text: string; raw?: string }[] = [{ text: '' }];
        const ids = cells.map((c) => {
          const got = dict.intern(c.text, c.raw);
          let k = model.findIndex((m) => m.text === c.text && m.raw === c.raw);
          if (k < 0) k = model.push(c.raw === undefined ? { text: c.text } : { text: c.text, raw: c.raw }) - 1;
          assert.strictEqual(got, k, `${JSON.stringify(c)}`);
          return got;
        });
        assert.strictEqual(dict.size, model.length);
        model.forEach((m, k) => {
          assert.deepStrictEqual(dict.entry(k), m);
          assert.strictEqual(dict.text(k), m.text);
        });
        for (const needle of needles.map((n) => n.toLowerCase()).filter((n) => n !== '')) {
          const { hits, any } = dict.matching(needle);
          const want = model.map((m) => m.text.toLowerCase().includes(needle) || (m.raw !== undefined && m.raw.toLowerCase().includes(needle)));
          assert.deepStrictEqual(Array.from(hits, (h) => h === 1), want, needle);
          assert.strictEqual(any, want.includes(true));
        }
        // Searching, then adding more, then searching again sees the new entries too.
        const late = dict.intern('zz-late-Ab', undefined);
        assert.strictEqual(dict.matching('late-ab').hits[late], 1);
        return ids.length === cells.length;
      }),
      { numRuns: 400 },
    );
  });

  it('a million distinct cells: packed, each read back, a search finds exactly the ones holding the text', () => {
    const dict = new CellDictionary();
    const token = (i: number) => Buffer.from(`token-${i}`).toString('base64url');
    for (let i = 0; i < 1_000_000; i++) dict.intern(token(i), undefined);
    assert.strictEqual(dict.size, 1_000_001);
    for (let i = 0; i < 1_000_000; i += 9973) assert.strictEqual(dict.text(i + 1), token(i));
    assert.strictEqual(dict.intern(token(123_456), undefined), 123_457, 'a repeat is found, not added');
    const needle = token(777_777).toLowerCase();
    const { hits } = dict.matching(needle);
    const found = [...hits.keys()].filter((k) => hits[k]);
    assert.deepStrictEqual(found.map((k) => dict.text(k).toLowerCase()).filter((t) => !t.includes(needle)), []);
    assert.ok(found.includes(777_778));
  });
});
