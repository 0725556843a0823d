/**
 * One client for Graph and the Management API: the token goes only to allowed hosts, requests are
 * paced under the documented limits, and 429, 500, 502, 503, 504, connection resets and truncated
 * bodies are retried with Retry-After or exponential backoff with full jitter, within a budget.
 * A 401 gets one silent token refresh. Every retry is logged with its request id.
 */
import * as crypto from 'crypto';
import { type Logger } from '../log/redact';
import { checkTokenUrl, type TokenOrigins, type TokenResource, UnsafeLinkError } from './allowlist';
import { AbortedError, type Clock } from './clock';
import { NetworkFailureError } from './networkFailure';
import { type LimitName, type Pacer } from './pacer';
import { backoffMs, isRetryableStatus, isThrottleBody, parseRetryAfter, type RetryPolicy } from './retry';
import { ServiceError } from './serviceError';
import { type FetchLike, type HttpResponseLike } from './transport';

export type TokenSource = (resource: TokenResource, options: { forceRefresh: boolean }) => Promise<string>;

export interface RequestStats {
  requests: number;
  retries: number;
  throttled: number;
  refreshedTokens: number;
}

export function newStats(): RequestStats {
  return { requests: 0, retries: 0, throttled: 0, refreshedTokens: 0 };
}

export interface ApiClientOptions {
  readonly fetch: FetchLike;
  readonly tokens: TokenSource;
  /** Where each resource's token may go (audience-scoped: a Graph token only to Graph). */
  readonly origins: TokenOrigins;
  readonly clock: Clock;
  readonly random: () => number;
  readonly log: Logger;
  readonly pacer: Pacer;
  /** Throttling is per app and tenant. */
  readonly tenantKey: string;
  readonly appKey: string;
  readonly retry: RetryPolicy;
  readonly requestTimeoutMs: number;
  readonly stats?: RequestStats;
}

/** Redirects followed for one request; a loop stops here instead of bursting requests. */
export const MAX_REDIRECTS = 5;

export interface RequestOptions {
  readonly resource: TokenResource;
  /** Every hop, redirects included, must stay under this path (the Management API's tenant feed). */
  readonly pathPrefix?: string;
  readonly limit: LimitName;
  readonly signal?: AbortSignal;
  readonly method?: 'GET' | 'POST';
  readonly body?: unknown;
  /** Report a gateway or client timeout at once (the caller narrows the query) instead of retrying it. */
  readonly timeoutsToCaller?: boolean;
  /** Never retry (POST actions whose effect must not be repeated blindly). */
  readonly noRetry?: boolean;
  /**
   * Retry only throttling (429, AF429), which the service turns away before processing; any other
   * failure of an action may have taken effect and goes straight back to the caller.
   */
  readonly retryOnlyThrottled?: boolean;
  readonly extraHeaders?: Record<string, string>;
}

export interface JsonResponse {
  readonly url: string;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: unknown;
}

/** A wide query the service (504) or the client (timeout) gave up on. */
export class QueryTimeoutError extends Error {
  readonly code = 'GatewayTimeout';
  constructor(readonly byClient: boolean) {
    super(byClient ? 'The request took too long and was abandoned.' : 'The service gave up on the query (504).');
  }
}

/** Retries ran out; carries the last failure. */
export class RetriesExhaustedError extends Error {
  readonly code = 'RetriesExhausted';
  constructor(
    readonly last: unknown,
    attempts: number,
  ) {
    super(`Gave up after ${attempts} tries: ${last instanceof Error ? last.message : String(last)}`);
  }
}

/** A redirect chain longer than MAX_REDIRECTS: a loop, or a misconfigured proxy. */
export class TooManyRedirectsError extends Error {
  readonly code = 'TooManyRedirects';
  constructor(readonly lastLocation: string) {
    super(`The service redirected more than ${MAX_REDIRECTS} times (last to ${lastLocation.slice(0, 200)}); the request was stopped.`);
  }
}

class TruncatedBodyError extends Error {}

export class ApiClient {
  readonly stats: RequestStats;
  private budget: number;

  constructor(private readonly o: ApiClientOptions) {
    this.stats = o.stats ?? newStats();
    this.budget = o.retry.budget;
  }

  private pacerKey(limit: LimitName): string {
    return limit === 'reports' ? `reports:${this.o.tenantKey}:${this.o.appKey}` : `${limit}:${this.o.tenantKey}`;
  }

  async request(url: string, options: RequestOptions): Promise<JsonResponse> {
    let target = url;
    let refreshed = false;
    let attempt = 0;
    let redirects = 0;
    let lastError: unknown;
    const key = this.pacerKey(options.limit);
    for (;;) {
      // Checked at every hop: a redirect is a link from the service like any other.
      const verdict = checkTokenUrl(target, this.o.origins[options.resource], options.pathPrefix);
      if (!verdict.ok) throw new UnsafeLinkError(target, verdict.reason);
      if (options.signal?.aborted) throw new AbortedError();
      await this.o.pacer.acquire(key, options.limit, options.signal);
      const token = await this.o.tokens(options.resource, { forceRefresh: false });
      const clientRequestId = crypto.randomUUID();
      const timeout = new AbortController();
      const onAbort = () => timeout.abort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(() => timeout.abort(), this.o.requestTimeoutMs);
      let res: HttpResponseLike | undefined;
      let failure: unknown;
      let text = '';
      const startedMs = this.o.clock.now();
      this.stats.requests++;
      try {
        res = await this.o.fetch(verdict.url.toString(), {
          method: options.method ?? 'GET',
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            'client-request-id': clientRequestId,
            ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
            ...options.extraHeaders,
          },
          body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
          signal: timeout.signal,
        });
        text = await res.text();
      } catch (e) {
        failure = e;
      } finally {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
      }
      if (options.signal?.aborted) throw new AbortedError();
      const requestId = res?.headers.get('request-id') ?? clientRequestId;
      // One line per request at trace level, for support: where it went and how it ended; the
      // redacting logger removes anything token-shaped that a URL might carry.
      this.o.log.trace(`${options.method ?? 'GET'} ${verdict.url.host}${verdict.url.pathname}${verdict.url.search.slice(0, 300)} → ${res ? res.status : describe(failure)} in ${this.o.clock.now() - startedMs} ms, ${text.length} chars (request-id ${requestId})`);

      let retryAfterMs: number | undefined;
      if (failure !== undefined) {
        const timedOut = timeout.signal.aborted;
        if (timedOut && options.timeoutsToCaller) throw new QueryTimeoutError(true);
        // A proxy that wants credentials or an untrusted certificate answers the same way every time.
        if (failure instanceof NetworkFailureError && !failure.retryable) throw failure;
        lastError = timedOut ? new QueryTimeoutError(true) : failure;
      } else if (res && res.status >= 300 && res.status < 400) {
        const location = res.headers.get('location');
        if (!location) throw new ServiceError('graph', res.status, `HTTP${res.status}`, 'A redirect without a location.', requestId, clientRequestId);
        target = new URL(location, target).toString();
        // Each hop has already waited for the pacer at the top of the loop, so a loop is slow as
        // well as short.
        if (++redirects > MAX_REDIRECTS) throw new TooManyRedirectsError(target);
        continue;
      } else if (res && res.status >= 200 && res.status < 300) {
        if (res.status === 204 || text === '') return { url: target, status: res.status, headers: res.headers, body: undefined };
        try {
          return { url: target, status: res.status, headers: res.headers, body: JSON.parse(text) };
        } catch {
          lastError = new TruncatedBodyError(`The response body was cut off (${text.length} bytes).`);
        }
      } else if (res) {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        const error = ServiceError.fromBody(options.resource, res.status, body, res.headers);
        if (res.status === 401 && !refreshed) {
          refreshed = true;
          attempt = 0;
          this.stats.refreshedTokens++;
          this.o.log.info(`401 from ${verdict.url.host} (request-id ${requestId}); getting a fresh token once.`);
          await this.o.tokens(options.resource, { forceRefresh: true });
          continue;
        }
        if (res.status === 504 && options.timeoutsToCaller) throw new QueryTimeoutError(false);
        if (!(isRetryableStatus(res.status) || isThrottleBody(res.status, error.code))) throw error;
        lastError = error;
        if (isThrottleBody(res.status, error.code)) {
          this.stats.throttled++;
          retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), this.o.clock.now());
        }
      }

      attempt++;
      if (options.retryOnlyThrottled && !(lastError instanceof ServiceError && isThrottleBody(lastError.status, lastError.code))) throw lastError;
      if (options.noRetry || attempt >= this.o.retry.maxAttempts || this.budget <= 0) throw new RetriesExhaustedError(lastError, attempt);
      this.budget--;
      this.stats.retries++;
      // Identity Protection sends no Retry-After: back off on our own.
      const wait = retryAfterMs ?? backoffMs(this.o.retry, attempt, this.o.random);
      if (lastError instanceof ServiceError && isThrottleBody(lastError.status, lastError.code)) this.o.pacer.pause(key, this.o.clock.now() + wait);
      this.o.log.warn(`Retry ${attempt} of ${verdict.url.pathname} in ${wait} ms after ${describe(lastError)} (request-id ${requestId}).`);
      await this.o.clock.sleep(wait, options.signal);
    }
  }
}

function describe(e: unknown): string {
  if (e instanceof ServiceError) return `${e.status} ${e.code}`;
  if (e instanceof Error) return e.message.slice(0, 120);
  return String(e);
}
