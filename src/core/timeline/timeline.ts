/**
 * One user's activity across sources on one time axis: sign-ins of both user kinds, directory
 * audits they made or that targeted them, risk detections, risky-user history, Office 365 audit records and (from a
 * workspace) the requests their tokens made to Graph. Records become
 * entries (text only, from untrusted data); entries merge newest first; repeated outcomes group
 * into bursts; consecutive sign-ins from far apart places get the distance and speed between them.
 */
import { enumLabel } from '../catalog/labels';
import { signInOutcome } from '../query/rows';
import { type Leg, leg, type Place, placeOf } from './travel';

export type TimelineSource = GraphTimelineSource | 'o365' | 'graphActivity';
/** The sources read from Graph (Office 365's records become entries in o365Timeline.ts). */
export type GraphTimelineSource = SignInSource | 'auditsBy' | 'auditsTargeting' | 'riskDetections' | 'riskHistory';
/** Sign-ins of the four kinds (an address's timeline has workload sign-ins too). */
export type SignInSource = 'signIns' | 'nonInteractive' | 'servicePrincipal' | 'managedIdentity';
const SIGN_IN_SOURCES: ReadonlySet<string> = new Set<SignInSource>(['signIns', 'nonInteractive', 'servicePrincipal', 'managedIdentity']);

export function isSignInSource(source: TimelineSource): source is SignInSource {
  return SIGN_IN_SOURCES.has(source);
}

export const SOURCE_LABEL: Readonly<Record<TimelineSource, string>> = {
  signIns: 'Interactive sign-ins',
  nonInteractive: 'Non-interactive sign-ins',
  servicePrincipal: 'Service principal sign-ins',
  managedIdentity: 'Managed identity sign-ins',
  auditsBy: 'Directory audits by the user',
  auditsTargeting: 'Directory audits targeting the user',
  riskDetections: 'Risk detections',
  riskHistory: 'Risky-user history',
  o365: 'Office 365 audit records',
  graphActivity: 'Graph requests (workspace)',
};

export interface TimelineEntry {
  readonly source: TimelineSource;
  readonly timeMs: number;
  readonly title: string;
  readonly detail: string;
  readonly outcome: 'success' | 'interrupted' | 'failure' | 'info';
  /** Conditional access blocked it. */
  readonly caBlocked: boolean;
  readonly ip: string;
  readonly where: string;
  readonly place?: Place;
  /** The record's id in its source. */
  readonly id: string;
  /** Where the record is kept by whoever read it (the panel opens its detail from there). */
  readonly ref?: number;
}

const s = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

function whereOf(location: unknown): string {
  const l = obj(location);
  return [s(l.city), s(l.countryOrRegion)].filter(Boolean).join(', ');
}

/** A record of a source as an entry; undefined when it has no readable time. */
export function toEntry(source: GraphTimelineSource, r: Record<string, unknown>, options: { readonly naming?: boolean } = {}): TimelineEntry | undefined {
  const time = isSignInSource(source) ? r.createdDateTime : source === 'riskDetections' ? r.activityDateTime : source === 'riskHistory' ? r.riskLastUpdatedDateTime : r.activityDateTime;
  const timeMs = Date.parse(s(time));
  if (Number.isNaN(timeMs)) return undefined;
  const base = { source, timeMs, caBlocked: false, id: s(r.id) };
  if (isSignInSource(source)) {
    const status = obj(r.status);
    const code = typeof status.errorCode === 'number' ? status.errorCode : undefined;
    const outcome = signInOutcome(code);
    const protocol = s(r.authenticationProtocol);
    const token = s(r.incomingTokenType);
    const how = [protocol && protocol !== 'none' ? enumLabel(protocol) : '', token && token !== 'none' ? `${enumLabel(token).toLowerCase()} redeemed` : '', s(r.clientAppUsed)].filter(Boolean).join(' · ');
    return {
      ...base,
      // An address's or a session's timeline has many users (or workloads): each sign-in says whose it is.
      title: `${options.naming ? `${s(r.userPrincipalName) || s(r.servicePrincipalName) || s(r.userDisplayName) || 'unknown'} → ` : ''}${s(r.appDisplayName) || 'Sign-in'}${code ? ` · ${outcome === 'interrupted' ? 'interrupted' : 'failed'} ${code}` : ''}`,
      detail: [how, s(status.failureReason) && code ? s(status.failureReason) : ''].filter(Boolean).join(' · '),
      outcome: outcome === 'unknown' ? 'info' : outcome,
      caBlocked: r.conditionalAccessStatus === 'failure',
      ip: s(r.ipAddress),
      where: whereOf(r.location),
      ...(placeOf(r.location) ? { place: placeOf(r.location) } : {}),
    };
  }
  if (source === 'auditsBy' || source === 'auditsTargeting') {
    const by = obj(obj(r.initiatedBy).user);
    const app = obj(obj(r.initiatedBy).app);
    const targets = (Array.isArray(r.targetResources) ? r.targetResources : []).map((t) => s(obj(t).userPrincipalName) || s(obj(t).displayName)).filter(Boolean);
    return {
      ...base,
      title: s(r.activityDisplayName) || 'Directory audit',
      detail: [`by ${s(by.userPrincipalName) || s(app.displayName) || 'unknown'}`, targets.length ? `on ${targets.slice(0, 3).join(', ')}` : ''].filter(Boolean).join(' '),
      outcome: r.result === 'failure' ? 'failure' : 'info',
      ip: s(by.ipAddress),
      where: '',
    };
  }
  if (source === 'riskDetections') {
    return {
      ...base,
      title: `Risk detection: ${enumLabel(s(r.riskEventType))}`,
      detail: [`risk ${enumLabel(s(r.riskLevel)).toLowerCase()}`, enumLabel(s(r.riskState)).toLowerCase(), enumLabel(s(r.detectionTimingType)).toLowerCase()].filter(Boolean).join(' · '),
      outcome: 'failure',
      ip: s(r.ipAddress),
      where: whereOf(r.location),
    };
  }
  return {
    ...base,
    title: `Risk ${enumLabel(s(r.riskState)).toLowerCase()}`,
    detail: [`level ${enumLabel(s(r.riskLevel)).toLowerCase()}`, enumLabel(s(obj(r.activity).detail ?? r.riskDetail))].filter(Boolean).join(' · '),
    outcome: 'info',
    ip: '',
    where: '',
  };
}

/** Newest first; entries at the same instant keep their sources' order. An audit both by and about the user appears once. */
export function mergeEntries(lists: readonly (readonly TimelineEntry[])[]): TimelineEntry[] {
  const seen = new Set<string>();
  const all: TimelineEntry[] = [];
  for (const list of lists) {
    for (const e of list) {
      const key = e.source === 'auditsBy' || e.source === 'auditsTargeting' ? `audit:${e.id}` : `${e.source}:${e.id}:${e.timeMs}`;
      if (e.id && seen.has(key)) continue;
      seen.add(key);
      all.push(e);
    }
  }
  return all.map((e, k) => ({ e, k })).sort((a, b) => b.e.timeMs - a.e.timeMs || a.k - b.k).map(({ e }) => e);
}

/** What the panel lists: single entries, bursts of alike ones, and moves between places. */
export type TimelineRow =
  | { readonly kind: 'entry'; readonly entry: TimelineEntry; readonly index: number }
  | { readonly kind: 'burst'; readonly first: TimelineEntry; readonly count: number; readonly fromMs: number; readonly toMs: number; readonly index: number }
  | { readonly kind: 'move'; readonly from: string; readonly to: string; readonly fromPlace: Place; readonly toPlace: Place; readonly leg: Leg };

/** Alike: same source, title, outcome, place and address, within this of each other. */
export const BURST_GAP_MS = 10 * 60_000;

/**
 * The rows of a merged (newest first) timeline: three or more alike entries in a row fold into a
 * burst; between two sign-ins (in time order) whose places are far apart, a move with its speed.
 */
export function timelineRows(entries: readonly TimelineEntry[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let lastSignIn: { entry: TimelineEntry } | undefined;
  for (let i = 0; i < entries.length; ) {
    const e = entries[i];
    let j = i + 1;
    while (j < entries.length && entries[j].source === e.source && entries[j].title === e.title && entries[j].outcome === e.outcome && entries[j].where === e.where && entries[j].ip === e.ip && entries[j - 1].timeMs - entries[j].timeMs <= BURST_GAP_MS) j++;
    // Newest first: the move from this (older) sign-in to the newer one above it comes first.
    const isSignIn = isSignInSource(e.source);
    const newest = entries[i];
    if (isSignIn && lastSignIn?.entry.place && newest.place) {
      const m = leg(newest.place, newest.timeMs, lastSignIn.entry.place, lastSignIn.entry.timeMs);
      if (m) rows.push({ kind: 'move', from: newest.where || newest.ip, to: lastSignIn.entry.where || lastSignIn.entry.ip, fromPlace: newest.place, toPlace: lastSignIn.entry.place, leg: m });
    }
    if (j - i >= 3) rows.push({ kind: 'burst', first: e, count: j - i, fromMs: entries[j - 1].timeMs, toMs: e.timeMs, index: i });
    else for (let k = i; k < j; k++) rows.push({ kind: 'entry', entry: entries[k], index: k });
    const oldest = entries[j - 1];
    if (isSignIn && oldest.place) lastSignIn = { entry: oldest };
    i = j;
  }
  return rows;
}
