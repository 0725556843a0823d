/** Messages between a user's timeline panel (host) and its webview app. */
import type { SourceReport } from '../../core/timeline/readTimeline';
import type { TimelineRow } from '../../core/timeline/timeline';
import { integer, none, object, type RequestsOf, type RequestTable } from '../parse';

export interface TimelineShow {
  readonly user: string;
  readonly tenantName: string;
  readonly fromMs: number;
  readonly toMs: number;
  /** Still reading (the sources report as they finish), or read. */
  readonly state: 'reading' | 'done' | 'failed';
  readonly message?: string;
  readonly sources: readonly SourceReport[];
  readonly rows: readonly TimelineRow[];
  readonly entries: number;
}

export type TimelineNotifications = {
  show: TimelineShow;
};

/** Webview → host requests, each with the parser of its params. */
export const TIMELINE_REQUESTS = {
  /** Opens the detail of the entry at this index of the merged list. */
  openEntry: object({ index: integer(0, 200_000) }),
  refresh: none,
} satisfies RequestTable;

export type TimelineRequests = RequestsOf<typeof TIMELINE_REQUESTS>;
