/** Messages between a record detail panel (audit, risk, provisioning) and its webview app. */
import type { RecordView } from '../../core/detail/recordView';
import { integer, none, object, type RequestsOf, type RequestTable, text } from '../parse';

export type RecordDetailNotifications = {
  /** `pivots`: the labels of the record's pivots (core/detail/pivots.ts), asked for by index. */
  show: { readonly view: RecordView; readonly tenantName: string; readonly persist: unknown; readonly pivots: readonly string[] };
};

/** Webview → host requests, each with the parser of its params. */
export const RECORD_DETAIL_REQUESTS = {
  copy: object({ text: text(4096) }),
  pivot: object({ index: integer(0, 50) }),
  openJson: none,
  saveJson: none,
} satisfies RequestTable;

export type RecordDetailRequests = RequestsOf<typeof RECORD_DETAIL_REQUESTS>;
