import * as assert from 'assert';
import fc from 'fast-check';
import { PackedGuids } from '../../../src/core/query/packedGuids';

/** GUIDs built from few pieces, so many share their first 16 digits, or all of them, or only the last group. */
const piece = (length: number) => fc.constantFrom(...['0', '9', 'a', 'f'].map((c) => c.repeat(length)), '0123456789abcdef'.slice(0, length), 'fedcba9876543210'.slice(0, length));
const guid = fc.tuple(piece(8), piece(4), piece(4), piece(4), piece(12)).map((parts) => parts.join('-'));

describe('core/query/packedGuids: GUIDs ranked', () => {
  it('property: each GUID’s rank is its place among the distinct GUIDs in code order, ties sharing one (prefixes shared to the last character)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(guid, fc.uuid()), { maxLength: 300 }), (guids) => {
        const packed = new PackedGuids();
        for (const g of guids) packed.push(g);
        const distinct = [...new Set(guids)].sort();
        const { rankOf, representative } = packed.ranked();
        assert.deepStrictEqual(Array.from(rankOf), guids.map((g) => distinct.indexOf(g)));
        assert.deepStrictEqual(representative.map((k) => guids[k]), distinct);
      }),
      { numRuns: 300 },
    );
  });

  it('a million GUIDs: in order, each once', () => {
    const packed = new PackedGuids();
    const texts: string[] = [];
    for (let i = 0; i < 1_000_000; i++) {
      // Spread like real ones, with a run of equal prefixes at the end.
      const g = i < 999_000 ? `${(Math.imul(i, 2654435761) >>> 0).toString(16).padStart(8, '0')}-${(i & 0xffff).toString(16).padStart(4, '0')}-4000-8000-${i.toString(16).padStart(12, '0')}` : `ffffffff-ffff-4fff-8fff-${i.toString(16).padStart(12, '0')}`;
      texts.push(g);
      packed.push(g);
    }
    const { rankOf, representative } = packed.ranked();
    assert.strictEqual(representative.length, texts.length);
    for (let k = 1; k < representative.length; k++) assert.ok(texts[representative[k - 1]] < texts[representative[k]], `${k}`);
    for (let k = 0; k < texts.length; k += 997) assert.strictEqual(texts[representative[rankOf[k]]], texts[k]);
  });
});
