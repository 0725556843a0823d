/** Messages between a record detail panel (audit, risk, provisioning) and its webview app. */
import type { RecordView } from '../../core/detail/recordView';
import { none, object, type RequestsOf, type RequestTable, text } from '../parse';

export type RecordDetailNotifications = {
  show: { readonly view: RecordView; readonly tenantName: string; readonly persist: unknown };
};

/** Webview → host requests, each with the parser of its params. */
export const RECORD_DETAIL_REQUESTS = {
  copy: object({ text: text(4096) }),
  openJson: none,
  saveJson: none,
} satisfies RequestTable;

export type RecordDetailRequests = RequestsOf<typeof RECORD_DETAIL_REQUESTS>;
