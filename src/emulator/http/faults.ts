/**
 * Fault injection, scripted per request or at a seeded random rate. Every fault injected is counted,
 * so a test can prove a client survived each one.
 */
import { Rng, STREAM } from '../random';

/**
 * `redirectLoop` answers 302 to the same URL; `redirectOtherTenant` (Management API) answers 302 to
 * the same path under another tenant's feed, on the same host.
 */
export const FAULT_KINDS = ['429', '500', '502', '503', '504', 'reset', 'truncate', 'latency', 'foreignNextLink', 'redirectLoop', 'redirectOtherTenant'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** What a random rate draws from: everything a robust client can survive. */
export const SURVIVABLE_FAULTS: readonly FaultKind[] = ['429', '500', '502', '503', '504', 'reset', 'truncate', 'latency'];

export interface ScriptedFault {
  readonly kind: FaultKind;
  /** Only requests whose path contains this; default any data request. */
  readonly pathContains?: string;
  /** How many matching requests get it; default 1. */
  readonly times?: number;
}

export interface FaultOptions {
  readonly rate: number;
  readonly kinds: readonly FaultKind[];
  readonly seed: number;
  readonly latencySpikeMs: number;
}

export class FaultInjector {
  private readonly rng: Rng;
  private readonly script: { kind: FaultKind; pathContains?: string; left: number }[] = [];
  private readonly counts = new Map<FaultKind, number>();
  private options: FaultOptions;

  constructor(options: FaultOptions) {
    this.options = options;
    this.rng = Rng.for(options.seed, STREAM.faults, 0);
  }

  configure(patch: Partial<Pick<FaultOptions, 'rate' | 'kinds' | 'latencySpikeMs'>>): void {
    this.options = { ...this.options, ...patch };
  }

  get latencySpikeMs(): number {
    return this.options.latencySpikeMs;
  }

  enqueue(...faults: ScriptedFault[]): void {
    for (const f of faults) this.script.push({ kind: f.kind, pathContains: f.pathContains, left: f.times ?? 1 });
  }

  /** Decides the fault for a data request, if any, and counts it. */
  next(path: string): FaultKind | undefined {
    const scripted = this.script.find((f) => f.left > 0 && (!f.pathContains || path.includes(f.pathContains)));
    let kind: FaultKind | undefined;
    if (scripted) {
      scripted.left--;
      if (scripted.left === 0) this.script.splice(this.script.indexOf(scripted), 1);
      kind = scripted.kind;
    } else if (this.options.rate > 0 && this.options.kinds.length > 0 && this.rng.next() < this.options.rate) {
      kind = this.rng.pick(this.options.kinds);
    }
    if (kind) this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    return kind;
  }

  /** Faults injected so far, by kind. */
  injected(): Record<FaultKind, number> {
    const out = {} as Record<FaultKind, number>;
    for (const k of FAULT_KINDS) out[k] = this.counts.get(k) ?? 0;
    return out;
  }

  reset(): void {
    this.counts.clear();
    this.script.length = 0;
  }
}
