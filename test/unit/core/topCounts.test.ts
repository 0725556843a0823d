/** The facets' top-n selection against a full sort, on count tables with many ties (addresses, each seen once or twice). */
import * as assert from 'assert';
import fc from 'fast-check';
import { topIds } from '../../../src/core/query/topCounts';

const RUNS = Number(process.env.IDLOG_PROPERTY_RUNS ?? 12) * 20;

describe('facets: the top entries of a count table', () => {
  it('equal the first n of a stable sort by count, then text (entry 0, the empty cell, never counts)', () => {
    const words = ['a', 'b', 'B', 'café', 'cafe\u0301', '10.0.0.1', '10.0.0.10', '2', ''];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom(...words)), { maxLength: 60 }), fc.integer({ min: 1, max: 6 }), (table, n) => {
        const counts = Uint32Array.from(table.map(([c]) => c));
        const text = (id: number) => table[id][1];
        const expected = table.map((_, id) => id).filter((id) => id > 0 && counts[id] > 0).sort((a, b) => counts[b] - counts[a] || text(a).localeCompare(text(b))).slice(0, n);
        assert.deepStrictEqual(topIds(counts, n, text), expected);
      }),
      { numRuns: RUNS },
    );
  });
});
