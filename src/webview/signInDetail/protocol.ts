/** Messages between the sign-in detail panel (host) and its webview app. */
import type { SignInView } from '../../core/detail/signInView';
import { integer, none, object, oneOf, type RequestsOf, type RequestTable, text } from '../parse';

export interface DetailInit {
  readonly view: SignInView;
  readonly tenantName: string;
  /** Why conditional access details are absent, when they are. */
  readonly caHiddenReason?: string;
  /** Opaque state the webview keeps (vscode.setState) so the panel can be restored after a reload. */
  readonly persist: unknown;
}

export type DetailNotifications = {
  show: DetailInit;
};

/** Webview → host requests, each with the parser of its params. */
export const DETAIL_REQUESTS = {
  copy: object({ text: text(4096) }),
  runRelated: object({ index: integer(0, 20) }),
  diagnose: none,
  /** A timeline of 7 days: the sign-in's user, its address, or its session. */
  investigate: object({ of: oneOf('user', 'ip', 'session') }),
  /** The requests made to Graph with the sign-in's token (from a workspace that keeps Graph activity). */
  tokenActivity: none,
  /** An admin's verdict on this risky sign-in (the host asks before sending it). */
  triage: object({ action: oneOf('confirmCompromised', 'confirmSafe', 'dismiss') }),
  openJson: none,
  saveJson: none,
} satisfies RequestTable;

export type DetailRequests = RequestsOf<typeof DETAIL_REQUESTS>;
