/**
 * Risky users and service principals as the triage list sees them: one shape for both, the
 * view's filter, and the grouping by risk level, then state. Records come from Graph and are
 * untrusted: only strings are kept, and nothing here renders them.
 */
import { datetimeLiteral } from '../odata/literals';
import { type TriageSubject } from './subjects';

export interface RiskyEntity {
  readonly subject: TriageSubject;
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** UPN for a user, app id for a service principal. */
  readonly secondary: string;
  readonly riskLevel: string;
  readonly riskState: string;
  readonly riskDetail: string;
  /** ISO text as Graph sent it, and its time (NaN when missing or malformed). */
  readonly updated: string;
  readonly updatedMs: number;
  readonly isProcessing: boolean;
  readonly record: Readonly<Record<string, unknown>>;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export function toEntity(subject: TriageSubject, record: Record<string, unknown>): RiskyEntity | undefined {
  const id = text(record.id);
  if (!id) return undefined;
  const updated = text(record.riskLastUpdatedDateTime);
  return {
    subject,
    id,
    name: text(subject === 'users' ? record.userDisplayName : record.displayName) || id,
    secondary: text(subject === 'users' ? record.userPrincipalName : record.appId),
    riskLevel: text(record.riskLevel) || 'none',
    riskState: text(record.riskState) || 'none',
    riskDetail: text(record.riskDetail) || 'none',
    updated,
    updatedMs: Date.parse(updated),
    isProcessing: record.isProcessing === true,
    record,
  };
}

export const LEVELS = ['high', 'medium', 'low', 'none', 'hidden'] as const;
export const LEVEL_LABEL: Readonly<Record<string, string>> = { high: 'High risk', medium: 'Medium risk', low: 'Low risk', none: 'No risk', hidden: 'Risk level hidden (no P2 licence)' };

export const STATES = ['atRisk', 'confirmedCompromised', 'remediated', 'dismissed', 'confirmedSafe', 'none'] as const;
export const STATE_LABEL: Readonly<Record<string, string>> = {
  atRisk: 'At risk',
  confirmedCompromised: 'Confirmed compromised',
  remediated: 'Remediated',
  dismissed: 'Dismissed',
  confirmedSafe: 'Confirmed safe',
  none: 'No risk state',
};

/** Risk that is over: shown only when the filter asks for it. */
export const CLOSED_STATES: readonly string[] = ['dismissed', 'remediated', 'confirmedSafe'];

export interface TriageFilter {
  /** Empty means every level. */
  readonly levels: readonly string[];
  /** Empty means every state (closed ones only with includeClosed). */
  readonly states: readonly string[];
  readonly updatedWithinDays?: number;
  readonly includeClosed: boolean;
}

export const DEFAULT_TRIAGE_FILTER: TriageFilter = { levels: [], states: [], includeClosed: false };

/** A stored filter may be from another version or hand-edited: keep what is well-formed. */
export function parseTriageFilter(stored: unknown): TriageFilter {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_TRIAGE_FILTER;
  const s = stored as Record<string, unknown>;
  const strings = (v: unknown, allowed: readonly string[]) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && allowed.includes(x)) : []);
  const days = typeof s.updatedWithinDays === 'number' && Number.isInteger(s.updatedWithinDays) && s.updatedWithinDays > 0 && s.updatedWithinDays <= 3650 ? s.updatedWithinDays : undefined;
  return { levels: strings(s.levels, LEVELS), states: strings(s.states, STATES), updatedWithinDays: days, includeClosed: s.includeClosed === true };
}

/** The part Graph can do: the time bound (riskLastUpdatedDateTime ge, unquoted). The rest is done on the loaded list. */
export function serverFilter(filter: TriageFilter, nowMs: number): string | undefined {
  if (!filter.updatedWithinDays) return undefined;
  return `riskLastUpdatedDateTime ge ${datetimeLiteral(nowMs - filter.updatedWithinDays * 86_400_000)}`;
}

export function matchesFilter(e: RiskyEntity, filter: TriageFilter, nowMs: number): boolean {
  if (filter.levels.length > 0 && !filter.levels.includes(e.riskLevel)) return false;
  if (filter.states.length > 0 && !filter.states.includes(e.riskState)) return false;
  // An explicit state choice wins over "include closed".
  if (filter.states.length === 0 && !filter.includeClosed && CLOSED_STATES.includes(e.riskState)) return false;
  if (filter.updatedWithinDays && !(e.updatedMs >= nowMs - filter.updatedWithinDays * 86_400_000)) return false;
  return true;
}

export function describeFilter(filter: TriageFilter): string {
  const parts: string[] = [];
  parts.push(filter.levels.length ? filter.levels.join(', ') : 'all levels');
  if (filter.states.length) parts.push(filter.states.map((s) => STATE_LABEL[s] ?? s).join(', ').toLowerCase());
  else if (!filter.includeClosed) parts.push('open risk only');
  if (filter.updatedWithinDays) parts.push(`updated ≤ ${filter.updatedWithinDays} d`);
  return parts.join(' · ');
}

export interface StateGroup {
  readonly state: string;
  readonly label: string;
  readonly entities: readonly RiskyEntity[];
}

export interface LevelGroup {
  readonly level: string;
  readonly label: string;
  readonly count: number;
  readonly states: readonly StateGroup[];
}

function rank(order: readonly string[], v: string): number {
  const k = order.indexOf(v);
  return k < 0 ? order.length : k;
}

/** By level (high first), then state (at risk first); inside, most recently updated first. */
export function groupEntities(entities: readonly RiskyEntity[]): LevelGroup[] {
  const byLevel = new Map<string, Map<string, RiskyEntity[]>>();
  for (const e of entities) {
    const states = byLevel.get(e.riskLevel) ?? new Map<string, RiskyEntity[]>();
    byLevel.set(e.riskLevel, states);
    const list = states.get(e.riskState) ?? [];
    states.set(e.riskState, list);
    list.push(e);
  }
  const newestFirst = (a: RiskyEntity, b: RiskyEntity) => (b.updatedMs || 0) - (a.updatedMs || 0) || a.name.localeCompare(b.name);
  return [...byLevel.entries()]
    .sort(([a], [b]) => rank(LEVELS, a) - rank(LEVELS, b) || a.localeCompare(b))
    .map(([level, states]) => {
      const groups = [...states.entries()]
        .sort(([a], [b]) => rank(STATES, a) - rank(STATES, b) || a.localeCompare(b))
        .map(([state, list]) => ({ state, label: STATE_LABEL[state] ?? state, entities: [...list].sort(newestFirst) }));
      return { level, label: LEVEL_LABEL[level] ?? level, count: groups.reduce((n, g) => n + g.entities.length, 0), states: groups };
    });
}

/** Ids the action would not change (already in its target state), to leave out and say so. */
export function alreadyInState(entities: readonly RiskyEntity[], targetState: string): RiskyEntity[] {
  return entities.filter((e) => e.riskState === targetState);
}

/** "5 min ago", "3 h ago", "2 d ago": for descriptions, where a full date is too long. */
export function ago(ms: number, nowMs: number): string {
  if (!Number.isFinite(ms)) return 'time unknown';
  const s = Math.max(0, Math.round((nowMs - ms) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}
