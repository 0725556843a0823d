import { type Pacer } from '../../../core/http/pacer';
import { type TenantSessions } from '../../tenants/sessions';
import { type TenantStore } from '../../tenants/tenantStore';
import { type UserTimelines } from '../../timeline/userTimelines';

/** What the timeline commands (a user's, an address's, a session's) need. */
export interface InvestigateDeps {
  readonly store: TenantStore;
  readonly sessions: TenantSessions;
  readonly pacer: Pacer;
  readonly timelines: UserTimelines;
}

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ranges a timeline is read over, as the palette offers them. */
export const RANGES = [
  { label: 'Last 24 hours', hours: 24 },
  { label: 'Last 7 days', hours: 168 },
  { label: 'Last 30 days', hours: 720 },
];
