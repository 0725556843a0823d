/**
 * A grid column's distinct cells (text, and the raw value behind a readable label), each with a
 * number the rows hold instead of the text. Most columns have few (users, apps, statuses): plain
 * strings and a Map. A column unique to nearly every row (a sign-in's token id, an address) would
 * cost a string and a Map entry per row, about 110 bytes: past PACK_AT entries the dictionary moves
 * to one UTF-8 buffer with offsets and an open-addressing table of numbers, about 40 bytes an entry
 * (and a lower-cased copy where the keys have capitals), searched for text with native searches.
 */

/** Entries past which the dictionary is packed. */
export const PACK_AT = 65_536;

/** Text and raw value in one key: a NUL cannot be part of what a user reads as the same cell. */
const keyOf = (text: string, raw: string | undefined): string => (raw === undefined ? text : `${text}\u0000${raw}`);

/** FNV-1a over UTF-16 code units: no encoding needed to hash a lookup. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function grown<T extends Uint32Array | Int32Array>(a: T, min: number): T {
  if (a.length >= min) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(min, a.length * 2));
  next.set(a);
  return next;
}

/** The packed form: keys' bytes back to back, where each starts, their hashes, and the table. */
class Packed {
  bytes = Buffer.alloc(1 << 20);
  starts = new Uint32Array(PACK_AT * 2 + 1);
  hashes = new Uint32Array(PACK_AT * 2);
  table = new Int32Array(PACK_AT * 4);
  size = 0;
  private scratch = Buffer.alloc(1024);
  /**
   * The keys lower-cased, for text search, kept as they are added; absent while every key is its
   * own lower case (addresses, numbers), the keys themselves being searched then.
   */
  private lower: Buffer | undefined;
  private lowerStarts = new Uint32Array(0);

  key(i: number): string {
    return this.bytes.toString('utf8', this.starts[i], this.starts[i + 1]);
  }

  find(key: string, hash: number): number {
    const mask = this.table.length - 1;
    let length = -1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const e = this.table[at] - 1;
      if (e < 0) return -1;
      if (this.hashes[e] !== hash) continue;
      if (length < 0) length = this.encode(key);
      if (this.starts[e + 1] - this.starts[e] === length && this.bytes.compare(this.scratch, 0, length, this.starts[e], this.starts[e + 1]) === 0) return e;
    }
  }

  add(key: string, hash: number): number {
    const e = this.size++;
    const length = Buffer.byteLength(key, 'utf8');
    const end = this.starts[e] + length;
    if (end > this.bytes.length) {
      const next = Buffer.alloc(Math.max(end, this.bytes.length * 2));
      this.bytes.copy(next);
      this.bytes = next;
    }
    this.bytes.write(key, this.starts[e], 'utf8');
    this.starts = grown(this.starts, e + 2);
    this.starts[e + 1] = end;
    this.hashes = grown(this.hashes, e + 1);
    this.hashes[e] = hash;
    const low = key.toLowerCase();
    if (!this.lower && low !== key) {
      this.lower = Buffer.from(this.bytes.subarray(0, Math.max(this.bytes.length, 1 << 20)));
      this.lowerStarts = this.starts.slice(0, Math.max(this.starts.length, e + 2));
    }
    if (this.lower) {
      const from = this.lowerStarts[e];
      const to = from + Buffer.byteLength(low, 'utf8');
      if (to > this.lower.length) {
        const next = Buffer.alloc(Math.max(to, this.lower.length * 2));
        this.lower.copy(next);
        this.lower = next;
      }
      this.lower.write(low, from, 'utf8');
      this.lowerStarts = grown(this.lowerStarts, e + 2);
      this.lowerStarts[e + 1] = to;
    }
    if (this.size * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(e);
    return e;
  }

  rehash(capacity: number): void {
    this.table = new Int32Array(capacity);
    for (let e = 0; e < this.size; e++) this.place(e);
  }

  private place(e: number): void {
    const mask = this.table.length - 1;
    let at = this.hashes[e] & mask;
    while (this.table[at] !== 0) at = (at + 1) & mask;
    this.table[at] = e + 1;
  }

  private encode(key: string): number {
    const length = Buffer.byteLength(key, 'utf8');
    if (length > this.scratch.length) this.scratch = Buffer.alloc(length * 2);
    return this.scratch.write(key, 0, 'utf8');
  }

  /** Entries whose lower-cased text or raw value contains `needle` (lower-case): native searches, then the entry each is in. */
  matching(needle: string, hits: Uint8Array): void {
    const [text, starts] = this.lower ? [this.lower, this.lowerStarts] : [this.bytes, this.starts];
    const wanted = Buffer.from(needle, 'utf8');
    if (wanted.length === 0) return;
    const end = starts[this.size];
    for (let at = text.indexOf(wanted, 0); at >= 0 && at < end; at = text.indexOf(wanted, at + 1)) {
      // The entry the match starts in; one that runs into the next entry is in neither.
      let lo = 0;
      let hi = this.size - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid] <= at) lo = mid;
        else hi = mid - 1;
      }
      if (at + wanted.length <= starts[lo + 1]) hits[lo] = 1;
    }
  }
}

export class CellDictionary {
  /** Entry 0 is the empty cell. */
  private texts: string[] | undefined = [''];
  private raws: (string | undefined)[] | undefined = [undefined];
  private index: Map<string, number> | undefined = new Map([['', 0]]);
  private packed: Packed | undefined;

  constructor(private readonly packAt = PACK_AT) {}

  get size(): number {
    return this.packed ? this.packed.size : this.texts!.length;
  }

  /** The entry's number, added when it is new. */
  intern(text: string, raw: string | undefined): number {
    const key = keyOf(text, raw);
    if (this.packed) {
      const hash = hashOf(key);
      const found = this.packed.find(key, hash);
      return found >= 0 ? found : this.packed.add(key, hash);
    }
    let id = this.index!.get(key);
    if (id === undefined) {
      id = this.texts!.length;
      this.texts!.push(text);
      this.raws!.push(raw);
      this.index!.set(key, id);
      if (id + 1 >= this.packAt) this.pack();
    }
    return id;
  }

  text(i: number): string {
    return this.packed ? this.entry(i).text : this.texts![i];
  }

  /** The entry's text, and its raw value where it has one. */
  entry(i: number): { readonly text: string; readonly raw?: string } {
    if (!this.packed) {
      const raw = this.raws![i];
      return raw === undefined ? { text: this.texts![i] } : { text: this.texts![i], raw };
    }
    const key = this.packed.key(i);
    const nul = key.indexOf('\u0000');
    return nul < 0 ? { text: key } : { text: key.slice(0, nul), raw: key.slice(nul + 1) };
  }

  /** Which entries' text or raw value contain `needle` (lower-case); whether any does. */
  matching(needle: string): { hits: Uint8Array; any: boolean } {
    const hits = new Uint8Array(this.size);
    if (this.packed) this.packed.matching(needle, hits);
    else {
      for (let i = 0; i < hits.length; i++) {
        const raw = this.raws![i];
        if (this.texts![i].toLowerCase().includes(needle) || (raw !== undefined && raw.toLowerCase().includes(needle))) hits[i] = 1;
      }
    }
    return { hits, any: hits.includes(1) };
  }

  private pack(): void {
    const packed = new Packed();
    for (let i = 0; i < this.texts!.length; i++) {
      const key = keyOf(this.texts![i], this.raws![i]);
      packed.add(key, hashOf(key));
    }
    this.packed = packed;
    this.texts = undefined;
    this.raws = undefined;
    this.index = undefined;
  }
}
