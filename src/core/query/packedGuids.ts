/**
 * A column's GUIDs (request and correlation ids, unique per row) kept as their 36 characters in one
 * byte buffer: no string object each, and a native search finds text in all of them at once.
 */

/** A hex digit's value by its character code ('0'-'9', 'a'-'f'; canonical GUIDs are lower-case). */
const HEX = (() => {
  const t = new Uint8Array(256);
  for (let i = 0; i < 16; i++) t['0123456789abcdef'.charCodeAt(i)] = i;
  return t;
})();

/** Characters of a canonical GUID; positions 8, 13, 18 and 23 are hyphens. */
export const GUID_CHARS = 36;
export const CANONICAL_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class PackedGuids {
  private chars = Buffer.alloc(0);
  private n = 0;

  get count(): number {
    return this.n;
  }

  /** Keeps a canonical lower-case GUID; returns its number. */
  push(text: string): number {
    if ((this.n + 1) * GUID_CHARS > this.chars.length) {
      const next = Buffer.alloc(Math.max(GUID_CHARS * 1024, this.chars.length * 2));
      this.chars.copy(next);
      this.chars = next;
    }
    this.chars.write(text, this.n * GUID_CHARS, GUID_CHARS, 'latin1');
    return this.n++;
  }

  text(k: number): string {
    return this.chars.toString('latin1', k * GUID_CHARS, (k + 1) * GUID_CHARS);
  }

  /** Which GUIDs contain `needle` (lower-case): one native search through all their characters. */
  containing(needle: string): Uint8Array | undefined {
    if (this.n === 0 || !/^[0-9a-f-]+$/.test(needle) || needle.length > GUID_CHARS) return undefined;
    const hits = new Uint8Array(this.n);
    const end = this.n * GUID_CHARS;
    const wanted = Buffer.from(needle, 'latin1');
    for (let at = this.chars.indexOf(wanted, 0); at >= 0 && at < end; at = this.chars.indexOf(wanted, at + 1)) {
      // A match across two neighbouring GUIDs is not in either.
      if ((at % GUID_CHARS) + wanted.length <= GUID_CHARS && at + wanted.length <= end) hits[Math.floor(at / GUID_CHARS)] = 1;
    }
    return hits;
  }

  /** Which GUIDs are exactly one of `values`: a search per canonical value, kept where it starts a GUID. */
  equalTo(values: Iterable<string>): Uint8Array | undefined {
    let hits: Uint8Array | undefined;
    for (const v of values) {
      if (!CANONICAL_GUID.test(v)) continue;
      const found = this.containing(v);
      if (!found) continue;
      hits ??= new Uint8Array(this.n);
      for (let k = 0; k < this.n; k++) hits[k] |= found[k];
    }
    return hits;
  }

  /**
   * The GUIDs in order, with each one's rank among the distinct ones and one GUID per rank. A GUID's
   * 32 hex digits are 128 bits, kept as four 32-bit numbers; a stable radix sort on them, 16 bits a
   * pass from the last, orders a million in at most 8 linear passes whatever they share (a pass
   * whose digit is the same in every GUID, such as the version, is skipped). '0'-'9' come before
   * 'a'-'f' by value as by code and by collation.
   */
  ranked(): { rankOf: Int32Array; representative: number[] } {
    const n = this.n;
    const c = this.chars;
    // The digits of each group, hyphens skipped: 0-7, 9-12 and 14-17, 19-22 and 24-27, 28-35.
    const spans = [[0, 8], [9, 13, 14, 18], [19, 23, 24, 28], [28, 36]];
    const words = spans.map((span) => {
      const w = new Uint32Array(n);
      for (let k = 0; k < n; k++) {
        const at = k * GUID_CHARS;
        let v = 0;
        for (let p = 0; p < span.length; p += 2) for (let i = span[p]; i < span[p + 1]; i++) v = v * 16 + HEX[c[at + i]];
        w[k] = v;
      }
      return w;
    });
    let order = Uint32Array.from({ length: n }, (_, k) => k);
    let next = new Uint32Array(n);
    const counts = new Uint32Array(65_537);
    for (let word = 3; word >= 0; word--) {
      const w = words[word];
      for (const shift of [0, 16]) {
        counts.fill(0);
        for (let k = 0; k < n; k++) counts[((w[k] >>> shift) & 0xffff) + 1]++;
        if (n === 0 || counts.includes(n)) continue;
        for (let d = 0; d < 65_536; d++) counts[d + 1] += counts[d];
        for (let k = 0; k < n; k++) {
          const g = order[k];
          next[counts[(w[g] >>> shift) & 0xffff]++] = g;
        }
        [order, next] = [next, order];
      }
    }
    const same = (a: number, b: number) => words[0][a] === words[0][b] && words[1][a] === words[1][b] && words[2][a] === words[2][b] && words[3][a] === words[3][b];
    const rankOf = new Int32Array(n);
    const representative: number[] = [];
    for (let k = 0; k < n; k++) {
      const g = order[k];
      if (k === 0 || !same(order[k - 1], g)) representative.push(g);
      rankOf[g] = representative.length - 1;
    }
    return { rankOf, representative };
  }
}
