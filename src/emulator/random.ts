/**
 * Deterministic randomness. Every generated record draws from its own stream, seeded by
 * (seed, kind, index), so record N is the same whether or not records 0..N-1 were ever made:
 * that is what lets a million sign-ins be served without holding them in memory.
 */

/** 32-bit mix (from splitmix/murmur finalisers): turns related inputs into unrelated seeds. */
export function mix32(a: number, b = 0, c = 0): number {
  let h = (a ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (b + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13) ^ (c + 0x165667b1), 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x6d2b79f5;
  }

  static for(seed: number, stream: number, index: number): Rng {
    return new Rng(mix32(seed, stream, index));
  }

  /** mulberry32: fast, good enough for test data. */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  range(min: number, maxInclusive: number): number {
    return min + this.int(maxInclusive - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(table: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [v, w] of table) {
      r -= w;
      if (r < 0) return v;
    }
    return table[table.length - 1][0];
  }

  /** A random (version 4 layout) GUID from this stream. */
  guid(): string {
    const w = (n: number) => (Math.floor(this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0').slice(0, n);
    const a = w(8);
    const b = w(8);
    const c = w(8);
    const d = w(8);
    const variant = (8 + (Number.parseInt(c[0], 16) & 3)).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  }

  ipv4(): string {
    return `${this.range(11, 223)}.${this.int(256)}.${this.int(256)}.${this.range(1, 254)}`;
  }
}

/** Stream ids, so different record kinds never share randomness. */
export const STREAM = {
  tenant: 1,
  user: 2,
  app: 3,
  signIn: 4,
  audit: 5,
  provisioning: 6,
  riskDetection: 7,
  riskyUser: 8,
  o365: 9,
  faults: 10,
  policy: 11,
  workspaceHistory: 12,
  graphActivity: 13,
} as const;
