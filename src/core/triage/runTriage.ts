/**
 * Sends a triage action in calls of at most 60 ids and accounts for every id. A call either
 * succeeded, was refused (the service said no: nothing changed), or is uncertain (a reset, a
 * timeout or a 5xx after the request left: it may or may not have been applied). An uncertain call
 * is never sent again blindly; the subjects' state is re-read and each id is judged by what the
 * service now says.
 */
import { diagnose, summarize } from '../diagnose/classify';
import { RetriesExhaustedError } from '../http/client';
import { ServiceError } from '../http/serviceError';
import { chunkIds } from './chunk';
import { MAX_IDS_PER_CALL, TARGET_STATE, type TriageAction } from './subjects';

export interface SubjectState {
  readonly riskState: string;
  readonly riskLevel?: string;
  readonly isProcessing?: boolean;
}

export interface TriageDeps {
  /** One POST; resolves with the response's request id, throws on any failure. */
  send(ids: readonly string[], signal?: AbortSignal): Promise<{ status: number; requestId?: string }>;
  /**
   * The current state, by lower-case id, of every subject changed since `sinceMs` (service time);
   * `ids` are the ones in doubt (a source that cannot list changes reads just those).
   */
  reread(sinceMs: number, ids: readonly string[]): Promise<ReadonlyMap<string, SubjectState>>;
  now(): number;
  onChunk?(report: ChunkReport): void;
}

export type ChunkOutcome = 'applied' | 'refused' | 'uncertain' | 'notSent';

export interface ChunkReport {
  readonly index: number;
  readonly of: number;
  readonly ids: readonly string[];
  readonly outcome: ChunkOutcome;
  readonly status?: number;
  readonly requestId?: string;
  readonly error?: string;
  readonly startedMs: number;
  readonly endedMs: number;
}

export interface TriageResult {
  readonly action: TriageAction;
  /** Now in the action's target state. */
  readonly changed: readonly string[];
  /** Certainly not changed, with why. */
  readonly notChanged: readonly { readonly id: string; readonly reason: string }[];
  /** The service is still processing them: look again shortly. */
  readonly processing: readonly string[];
  /** Uncertain, and the re-read failed too: their state is unknown. */
  readonly unverified: readonly string[];
  readonly chunks: readonly ChunkReport[];
  readonly cancelled: boolean;
  /** Whether the subjects' state had to be re-read. */
  readonly reconciled: boolean;
  readonly rereadError?: string;
}

/** The service answered and said no: the request had no effect. */
export function isRefusal(error: unknown): boolean {
  if (error instanceof ServiceError) return error.status >= 400 && error.status < 500 && error.status !== 408;
  // Retries ran out on throttling: every attempt was turned away before it was processed.
  if (error instanceof RetriesExhaustedError) return error.last instanceof ServiceError && error.last.status === 429;
  return false;
}

/** A refusal that every later call would meet as well (permission, role, licence, token). */
function stopsEverything(error: unknown): boolean {
  return error instanceof ServiceError && (error.status === 401 || error.status === 403);
}

export async function runTriage(ids: readonly string[], action: TriageAction, deps: TriageDeps, signal?: AbortSignal, chunkSize = MAX_IDS_PER_CALL): Promise<TriageResult> {
  const unique = [...new Set(ids)];
  const chunks = chunkIds(unique, chunkSize);
  const reports: ChunkReport[] = [];
  const changed: string[] = [];
  const notChanged: { id: string; reason: string }[] = [];
  const uncertain: { ids: readonly string[]; error: string }[] = [];
  // A little before the first call, in case the service's clock is behind ours.
  const sinceMs = deps.now() - 5 * 60_000;
  let stopReason: string | undefined;
  let cancelled = false;

  const record = (r: ChunkReport) => {
    reports.push(r);
    deps.onChunk?.(r);
  };

  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    const startedMs = deps.now();
    if (!stopReason && signal?.aborted) {
      cancelled = true;
      stopReason = 'not sent: cancelled before this call';
    }
    if (stopReason) {
      record({ index: i, of: chunks.length, ids: chunk, outcome: 'notSent', error: stopReason, startedMs, endedMs: startedMs });
      for (const id of chunk) notChanged.push({ id, reason: stopReason });
      continue;
    }
    try {
      const res = await deps.send(chunk, signal);
      record({ index: i, of: chunks.length, ids: chunk, outcome: 'applied', status: res.status, requestId: res.requestId, startedMs, endedMs: deps.now() });
      changed.push(...chunk);
    } catch (e) {
      const error = summarize(diagnose(e));
      const status = e instanceof ServiceError ? e.status : undefined;
      const requestId = e instanceof ServiceError ? e.requestId : undefined;
      if (isRefusal(e)) {
        record({ index: i, of: chunks.length, ids: chunk, outcome: 'refused', status, requestId, error, startedMs, endedMs: deps.now() });
        for (const id of chunk) notChanged.push({ id, reason: `refused: ${error}` });
        if (stopsEverything(e)) stopReason = `not sent: an earlier call was refused (${error})`;
      } else {
        record({ index: i, of: chunks.length, ids: chunk, outcome: 'uncertain', status, requestId, error, startedMs, endedMs: deps.now() });
        uncertain.push({ ids: chunk, error });
        if (signal?.aborted) {
          cancelled = true;
          stopReason = 'not sent: cancelled before this call';
        }
      }
    }
  }

  const processing: string[] = [];
  const unverified: string[] = [];
  let rereadError: string | undefined;
  if (uncertain.length > 0) {
    let states: ReadonlyMap<string, SubjectState> | undefined;
    try {
      states = await deps.reread(sinceMs, uncertain.flatMap((u) => u.ids));
    } catch (e) {
      rereadError = summarize(diagnose(e));
    }
    const target = TARGET_STATE[action];
    for (const u of uncertain) {
      for (const id of u.ids) {
        if (!states) {
          unverified.push(id);
          continue;
        }
        const s = states.get(id.toLowerCase());
        if (s?.isProcessing) processing.push(id);
        else if (s?.riskState === target) changed.push(id);
        else notChanged.push({ id, reason: `the call failed (${u.error}) and the state read afterwards ${s ? `is ${s.riskState}` : 'shows no change'}` });
      }
    }
  }

  // Report in the order the user chose them.
  const order = new Map(unique.map((id, k) => [id, k]));
  const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  return {
    action,
    changed: changed.sort(byOrder),
    notChanged: notChanged.sort((a, b) => byOrder(a.id, b.id)),
    processing: processing.sort(byOrder),
    unverified: unverified.sort(byOrder),
    chunks: reports,
    cancelled,
    reconciled: uncertain.length > 0,
    rereadError,
  };
}
