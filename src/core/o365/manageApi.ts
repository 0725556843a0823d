/**
 * The Office 365 Management Activity API (API-FACTS 3) through the one ApiClient: subscriptions,
 * content listing that follows every NextPageUri, and blobs. PublisherIdentifier goes on every
 * call (a dedicated quota). A contentUri or next-page link is used only when it points at this
 * tenant's feed on the cloud's Management API host; anything else is refused before a token is sent.
 */
import { type ApiClient, type RequestStats, RetriesExhaustedError } from '../http/client';
import { UnsafeLinkError } from '../http/allowlist';
import { ServiceError } from '../http/serviceError';
import { type LogRecord, screenPage } from '../records/untrusted';
import { type ContentType } from './contentTypes';
import { type ContentWindow, formatO365Time } from './windows';

const DAY_MS = 86_400_000;

export interface Subscription {
  readonly contentType: string;
  readonly status: string;
  readonly webhook: unknown;
}

export interface ContentEntry {
  readonly contentType: string;
  readonly contentId: string;
  readonly contentUri: string;
  readonly contentCreated: string;
  readonly contentExpiration: string;
}

type Json = Record<string, unknown>;

/** Subscriptions may be started once per 15 minutes per content type; says how long is left. */
export class StartThrottledError extends Error {
  readonly code = 'AF429';
  constructor(
    readonly waitMs: number,
    readonly serviceError: ServiceError,
  ) {
    super(`The subscription was started less than 15 minutes ago; the service accepts another start in ${Math.floor(waitMs / 60_000)} min ${Math.round((waitMs % 60_000) / 1000)} s.`);
  }
}

/**
 * A listing cut short by a next-page link that may not be followed: the pages before it are
 * real, so they are kept, and the caller decides (an export marks the window incomplete).
 */
export class ListingCutShortError extends Error {
  readonly code = 'UnsafeLink';
  constructor(
    readonly entries: readonly ContentEntry[],
    override readonly cause: UnsafeLinkError,
  ) {
    super(`${cause.message} The listing stopped after ${entries.length} content blobs.`);
  }
}

export class ManageApi {
  private readonly feed: string;

  constructor(
    private readonly client: ApiClient,
    manageOrigin: string,
    private readonly tenantId: string,
    private readonly publisherId: string,
    private readonly signal?: AbortSignal,
  ) {
    this.feed = `${manageOrigin}/api/v1.0/${encodeURIComponent(tenantId)}/activity/feed`;
  }

  /** The client's request counters (an export's manifest reports them). */
  get stats(): RequestStats {
    return this.client.stats;
  }

  private withPublisher(url: string): string {
    const u = new URL(url);
    u.searchParams.set('PublisherIdentifier', this.publisherId);
    return u.toString();
  }

  /** A link the service handed us must stay on this tenant's feed; otherwise the token stays home. */
  checkFeedLink(link: string): string {
    let u: URL;
    try {
      u = new URL(link);
    } catch {
      throw new UnsafeLinkError(link, 'not an absolute URL');
    }
    const feed = new URL(this.feed);
    if (u.origin !== feed.origin) throw new UnsafeLinkError(link, `host ${u.host} is not the Management API host ${feed.host}`);
    if (!u.pathname.toLowerCase().startsWith(`${feed.pathname.toLowerCase()}/`)) throw new UnsafeLinkError(link, `it is not this tenant's feed (${this.tenantId})`);
    return u.toString();
  }

  private request(url: string, method: 'GET' | 'POST' = 'GET', noRetry = false) {
    // The feed path goes with the request so that every redirect hop is held to it as well.
    return this.client.request(this.withPublisher(url), { resource: 'manage', limit: 'manage', method, signal: this.signal, noRetry, pathPrefix: `${new URL(this.feed).pathname}/` });
  }

  /** Starts a subscription. "Already enabled" (AF20024) is success: the state wanted is the state there. */
  async start(contentType: ContentType): Promise<{ status: string; alreadyEnabled: boolean }> {
    try {
      // Not retried: a second start within 15 minutes is refused for the rest of those minutes.
      const res = await this.request(`${this.feed}/subscriptions/start?contentType=${encodeURIComponent(contentType)}`, 'POST', true);
      const body = (res.body ?? {}) as Json;
      return { status: typeof body.status === 'string' ? body.status : 'enabled', alreadyEnabled: false };
    } catch (e) {
      const cause = e instanceof RetriesExhaustedError ? e.last : e;
      if (cause instanceof ServiceError && cause.code === 'AF20024') return { status: 'enabled', alreadyEnabled: true };
      if (cause instanceof ServiceError && cause.status === 429) {
        const m = /after\s+(\d+)m\s+(\d+)s/i.exec(cause.serviceMessage);
        throw new StartThrottledError(m ? (Number(m[1]) * 60 + Number(m[2])) * 1000 : 15 * 60_000, cause);
      }
      throw cause;
    }
  }

  async stop(contentType: ContentType): Promise<void> {
    await this.request(`${this.feed}/subscriptions/stop?contentType=${encodeURIComponent(contentType)}`, 'POST');
  }

  async list(): Promise<Subscription[]> {
    const res = await this.request(`${this.feed}/subscriptions/list`);
    const arr = Array.isArray(res.body) ? (res.body as unknown[]) : [];
    return arr
      .filter((s): s is Json => typeof s === 'object' && s !== null)
      .map((s) => ({ contentType: String(s.contentType ?? ''), status: String(s.status ?? ''), webhook: s.webhook ?? null }));
  }

  /**
   * Every content entry created in [startMs, endMs) of one window. The service takes whole seconds
   * (start inclusive, end exclusive), so the request is widened to the seconds around the window
   * (a blob at its last millisecond would otherwise be left out) and the entries outside it are
   * dropped here; a widened window longer than the service's 24 hours is listed in two requests.
   */
  async content(contentType: ContentType, window: ContentWindow): Promise<ContentEntry[]> {
    const startS = Math.floor(window.startMs / 1000) * 1000;
    const endS = Math.ceil(window.endMs / 1000) * 1000;
    const pieces = endS - startS > DAY_MS ? [{ startMs: startS, endMs: startS + DAY_MS }, { startMs: startS + DAY_MS, endMs: endS }] : [{ startMs: startS, endMs: endS }];
    const seen = new Set<string>();
    const out: ContentEntry[] = [];
    for (const piece of pieces) {
      for (const e of await this.listing(contentType, piece)) {
        const created = Date.parse(e.contentCreated);
        // An entry whose time cannot be read is kept: reading a blob twice is safe, losing one is not.
        if (!Number.isNaN(created) && (created < window.startMs || created >= window.endMs)) continue;
        if (seen.has(e.contentId)) continue;
        seen.add(e.contentId);
        out.push(e);
      }
    }
    return out;
  }

  /** One listing request's entries, following NextPageUri (or NextPageUrl) to the last page. */
  private async listing(contentType: ContentType, window: ContentWindow): Promise<ContentEntry[]> {
    let url: string | undefined = `${this.feed}/subscriptions/content?contentType=${encodeURIComponent(contentType)}&startTime=${formatO365Time(window.startMs)}&endTime=${formatO365Time(window.endMs)}`;
    const out: ContentEntry[] = [];
    for (let pages = 0; url; pages++) {
      if (pages >= 10_000) throw new Error('More than 10,000 content pages in one window: stopping rather than looping.');
      const res = await this.request(url);
      const arr = Array.isArray(res.body) ? (res.body as unknown[]) : [];
      for (const c of arr) {
        if (typeof c !== 'object' || c === null) continue;
        const e = c as Json;
        if (typeof e.contentUri !== 'string' || typeof e.contentId !== 'string') continue;
        out.push({ contentType: String(e.contentType ?? contentType), contentId: e.contentId, contentUri: e.contentUri, contentCreated: String(e.contentCreated ?? ''), contentExpiration: String(e.contentExpiration ?? '') });
      }
      const next = res.headers.get('NextPageUri') ?? res.headers.get('NextPageUrl');
      try {
        url = next ? this.checkFeedLink(next) : undefined;
      } catch (e) {
        if (e instanceof UnsafeLinkError) throw new ListingCutShortError(out, e);
        throw e;
      }
    }
    return out;
  }

  /** One blob: an array of audit records; an element that is not one is kept as unreadable. */
  async blob(entry: ContentEntry): Promise<LogRecord[]> {
    const res = await this.request(this.checkFeedLink(entry.contentUri));
    const arr = Array.isArray(res.body) ? (res.body as unknown[]) : [];
    return screenPage(arr).records;
  }
}
