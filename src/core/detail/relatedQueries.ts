/**
 * A query for the records related to one record: what a pivot in a detail panel or the grid's row
 * menu runs, in a tab of its own. The ones that start from a sign-in's session and network are
 * shared by the sign-in panel and the grid, so both read the same records.
 */
import { type ClientFilter } from '../odata/model';

export interface RelatedQuery {
  readonly label: string;
  readonly category: 'signIns.interactive' | 'signIns.nonInteractive' | 'signIns.servicePrincipal' | 'riskDetections' | 'riskyUsers' | 'directoryAudits';
  readonly clauses: readonly { field: string; op: 'eq'; values: readonly string[]; valueLabel?: string }[];
  /** What Graph cannot filter on (a session id, a network), kept from the loaded rows. */
  readonly client?: readonly ClientFilter[];
  readonly hours: number | 'all' | { readonly fromMs: number; readonly toMs: number };
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * The sign-ins of a sign-in's session, interactive and non-interactive (a stolen refresh token is
 * redeemed non-interactively). Graph cannot filter on the session: its user's sign-ins are read
 * and the session's kept.
 */
export function sessionQueries(r: Record<string, unknown>): RelatedQuery[] {
  const sessionId = text(r.sessionId);
  const userId = text(r.userId);
  if (!sessionId || !userId) return [];
  const user = text(r.userPrincipalName) || text(r.userDisplayName);
  const who = user ? { valueLabel: user } : {};
  const session: ClientFilter = { kind: 'field', column: 'sessionId', label: 'Session id', values: [sessionId] };
  return [
    { label: 'Interactive sign-ins in this session', category: 'signIns.interactive', clauses: [{ field: 'userId', op: 'eq', values: [userId], ...who }], client: [session], hours: 'all' },
    { label: 'Non-interactive sign-ins in this session', category: 'signIns.nonInteractive', clauses: [{ field: 'userId', op: 'eq', values: [userId], ...who }], client: [session], hours: 'all' },
  ];
}

/** Sign-ins from a sign-in's network (its autonomous system) by any user: Graph cannot filter on it either. */
export function networkQueries(r: Record<string, unknown>): RelatedQuery[] {
  const asn = r.autonomousSystemNumber;
  if (typeof asn !== 'number' || !Number.isInteger(asn) || asn < 0) return [];
  return [{ label: `Sign-ins from this network (AS${asn}) by any user, last 24 hours`, category: 'signIns.interactive', clauses: [], client: [{ kind: 'field', column: 'autonomousSystemNumber', label: 'ASN', values: [String(asn)] }], hours: 24 }];
}
