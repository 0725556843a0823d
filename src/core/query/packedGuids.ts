/**
 * A column's GUIDs (request and correlation ids, unique per row) kept as their 36 characters in one
 * byte buffer: no string object each, and a native search finds text in all of them at once.
 */

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
   * The GUIDs in order: a stable radix sort on their characters (last first, hyphens skipped: they
   * are in every GUID at the same places), so a million sort in 32 linear passes. Returns each
   * GUID's rank among the distinct ones and one GUID per rank. '0'-'9' come before 'a'-'f' by
   * code as by collation.
   */
  ranked(): { rankOf: Int32Array; representative: number[] } {
    let order = Uint32Array.from({ length: this.n }, (_, k) => k);
    let next = new Uint32Array(this.n);
    const counts = new Uint32Array(257);
    for (let char = GUID_CHARS - 1; char >= 0; char--) {
      if (char === 8 || char === 13 || char === 18 || char === 23) continue;
      counts.fill(0);
      for (let k = 0; k < order.length; k++) counts[this.chars[order[k] * GUID_CHARS + char] + 1]++;
      for (let b = 0; b < 256; b++) counts[b + 1] += counts[b];
      for (let k = 0; k < order.length; k++) next[counts[this.chars[order[k] * GUID_CHARS + char]]++] = order[k];
      [order, next] = [next, order];
    }
    const rankOf = new Int32Array(this.n);
    const representative: number[] = [];
    for (let k = 0; k < order.length; k++) {
      const g = order[k];
      if (k === 0 || !this.same(order[k - 1], g)) representative.push(g);
      rankOf[g] = representative.length - 1;
    }
    return { rankOf, representative };
  }

  private same(a: number, b: number): boolean {
    return this.chars.compare(this.chars, b * GUID_CHARS, (b + 1) * GUID_CHARS, a * GUID_CHARS, (a + 1) * GUID_CHARS) === 0;
  }
}
