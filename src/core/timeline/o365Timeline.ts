/**
 * A timeline's Office 365 audit records: every started subscription's content over the range (the
 * API lists the last 7 days only, in windows of at most 24 hours), kept when the record is the
 * user's (or from the address). Records name their user by UPN (UserId) and, for Entra records, by object
 * id among their actors. Content is the whole tenant's: this reads every blob of the range, at the
 * Management API's pace, which is why the range is clipped and the reason is said.
 */
import { diagnose, summarize } from '../diagnose/classify';
import { browseContent } from '../o365/browse';
import { isContentType } from '../o365/contentTypes';
import { type ManageApi } from '../o365/manageApi';
import { contentWindows, MAX_AGE_MS } from '../o365/windows';
import { isUnreadable } from '../records/untrusted';
import { type TimelineEntry } from './timeline';

export interface O365User {
  readonly id: string;
  /** Their UPNs as the user's other records name them (lower case). */
  readonly names: ReadonlySet<string>;
}

export interface O365Read {
  readonly records: Record<string, unknown>[];
  readonly state: 'read' | 'cut' | 'unavailable';
  readonly note?: string;
}

const s = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const lower = (v: unknown): string => (typeof v === 'string' ? v.trim().toLowerCase() : '');

/** Whether an Office 365 record is this user's: its UserId, UserKey or one of its actors names them. */
export function isUsersRecord(r: Record<string, unknown>, user: O365User): boolean {
  const id = user.id.toLowerCase();
  if (user.names.has(lower(r.UserId)) || lower(r.UserKey) === id) return true;
  const actors = Array.isArray(r.Actor) ? r.Actor : [];
  return actors.some((a) => typeof a === 'object' && a !== null && (lower((a as Record<string, unknown>).ID) === id || user.names.has(lower((a as Record<string, unknown>).ID))));
}

/** Whether an Office 365 record came from this address (ClientIP, without its port; or the actor's address). */
export function isFromAddress(r: Record<string, unknown>, address: string): boolean {
  return clientAddress(r.ClientIP) === address || clientAddress(r.ActorIpAddress) === address;
}

/** An address as Office 365 writes it, without a port ("203.0.113.5:51234", "[2001:db8::1]:443"); '' for "<null>". */
function clientAddress(v: unknown): string {
  const ip = s(v).replace(/^\[([^\]]+)\](:\d+)?$/, '$1').replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, '$1');
  return ip === '<null>' ? '' : ip;
}

/**
 * Reads the subject's records over [fromMs, toMs]. `keep` is awaited once the content is read: a
 * user's UPN may be learnt from their sign-ins read meanwhile. At most `max` records are kept.
 */
export async function readO365Timeline(api: ManageApi, range: { fromMs: number; toMs: number; nowMs: number }, keep: Promise<(r: Record<string, unknown>) => boolean>, max: number, signal?: AbortSignal): Promise<O365Read> {
  let enabled: string[];
  try {
    enabled = (await api.list()).filter((s) => s.status.toLowerCase() === 'enabled' && isContentType(s.contentType)).map((s) => s.contentType);
  } catch (e) {
    const d = diagnose(e);
    return { records: [], state: 'unavailable', note: d.explanation ? `${d.explanation.title}. ${d.explanation.nextStep} (${d.code})` : summarize(d) };
  }
  if (enabled.length === 0) return { records: [], state: 'unavailable', note: 'no Office 365 audit subscription is started for this tenant (start one under Office 365 in the Identity Logs tree; content is kept from then on)' };
  const oldest = range.nowMs - MAX_AGE_MS + 60_000;
  const fromMs = Math.max(range.fromMs, oldest);
  if (!(range.toMs > fromMs)) return { records: [], state: 'read', note: 'Office 365 content can be listed for the last 7 days only' };
  const windows = contentWindows(fromMs, Math.min(range.toMs, range.nowMs), range.nowMs);
  const all: Record<string, unknown>[] = [];
  let failedBlobs = 0;
  for (const contentType of enabled) {
    if (!isContentType(contentType)) continue;
    const result = await browseContent(api, contentType, windows, { signal });
    failedBlobs += result.failed.length;
    for (const r of result.records) if (!isUnreadable(r)) all.push(r);
  }
  const kept = await keep;
  const mine = all.filter(kept);
  const notes = [
    `${enabled.join(', ')}`,
    fromMs > range.fromMs ? 'the last 7 days only (what the API lists)' : '',
    failedBlobs > 0 ? `${failedBlobs} content blob${failedBlobs === 1 ? '' : 's'} could not be read` : '',
    mine.length > max ? `only the newest ${max.toLocaleString('en-US')} records were kept` : '',
  ].filter(Boolean);
  return { records: mine.slice(0, max), state: mine.length > max || failedBlobs > 0 ? 'cut' : 'read', note: notes.join('; ') };
}

/** Office 365's failures say so in their result or operation (UserLoginFailed). */
const O365_FAILED = /^(failed|failure)$/i;

export function o365Entry(r: Record<string, unknown>): TimelineEntry | undefined {
  // CreationTime has no zone (API-FACTS 3): it is UTC.
  const time = s(r.CreationTime);
  const timeMs = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(time) ? time : `${time}Z`);
  if (Number.isNaN(timeMs)) return undefined;
  const operation = s(r.Operation) || 'Activity';
  const failed = O365_FAILED.test(s(r.ResultStatus)) || /Failed$/.test(operation);
  const ip = clientAddress(r.ClientIP);
  return {
    source: 'o365',
    timeMs,
    caBlocked: false,
    id: s(r.Id),
    title: `${s(r.Workload) || 'Office 365'}: ${operation}`,
    detail: [s(r.ResultStatus), s(r.ObjectId)].filter(Boolean).join(' · '),
    outcome: failed ? 'failure' : 'info',
    ip,
    where: '',
  };
}
