/**
 * One query being loaded: pulls pages from the runner on demand ("Load more" adds a few pages,
 * "Load all" runs to the end), can be cancelled at any time, and reports progress.
 */
import { AbortedError } from '../http/clock';
import { type RequestStats } from '../http/client';
import { type LogRecord } from '../records/untrusted';
import { type QueryEnd, type QueryPage } from './runQuery';

export type SessionState = 'loading' | 'paused' | 'done' | 'cancelled' | 'failed';

export interface SessionProgress {
  readonly loaded: number;
  readonly pages: number;
  readonly throttled: number;
  readonly retries: number;
  readonly splits: number;
  readonly state: SessionState;
  readonly more: boolean;
  readonly incomplete?: string;
  readonly error?: unknown;
}

export interface SessionListener {
  rows(records: LogRecord[]): void;
  progress(p: SessionProgress): void;
}

export class QuerySession {
  private budget = 0;
  private running: Promise<void> | undefined;
  private loaded = 0;
  private pages = 0;
  private splits = 0;
  private state: SessionState = 'paused';
  private done = false;
  private incomplete: string | undefined;
  private error: unknown;

  constructor(
    private readonly pagesOf: (signal: AbortSignal, onSplit: () => void) => AsyncGenerator<QueryPage, QueryEnd, void>,
    private readonly stats: RequestStats,
    private readonly listener: SessionListener,
    private readonly abort = new AbortController(),
  ) {}

  private generator: AsyncGenerator<QueryPage, QueryEnd, void> | undefined;

  progress(): SessionProgress {
    return { loaded: this.loaded, pages: this.pages, throttled: this.stats.throttled, retries: this.stats.retries, splits: this.splits, state: this.state, more: !this.done && this.state !== 'cancelled' && this.state !== 'failed', incomplete: this.incomplete, error: this.error };
  }

  /** Loads `pages` more pages (Infinity for all); resolves when they are in or the query ended. */
  load(pages: number): Promise<void> {
    if (this.done || this.state === 'cancelled' || this.state === 'failed') return Promise.resolve();
    this.budget = pages === Infinity ? Infinity : this.budget + pages;
    if (!this.running) this.running = this.pump().finally(() => (this.running = undefined));
    return this.running;
  }

  cancel(): void {
    if (this.done) return;
    this.abort.abort();
    this.state = 'cancelled';
    this.listener.progress(this.progress());
  }

  private async pump(): Promise<void> {
    this.generator ??= this.pagesOf(this.abort.signal, () => this.splits++);
    this.state = 'loading';
    this.listener.progress(this.progress());
    try {
      while (this.budget > 0) {
        const next = await this.generator.next();
        if (next.done) {
          this.done = true;
          this.splits = next.value.splits;
          this.incomplete = next.value.incomplete?.reason;
          break;
        }
        this.budget--;
        this.pages++;
        this.loaded += next.value.records.length;
        if (next.value.records.length > 0) this.listener.rows(next.value.records);
        this.listener.progress(this.progress());
      }
      this.state = this.done ? 'done' : 'paused';
    } catch (e) {
      if (e instanceof AbortedError || this.abort.signal.aborted) this.state = 'cancelled';
      else {
        this.state = 'failed';
        this.error = e;
      }
    }
    this.listener.progress(this.progress());
  }
}
