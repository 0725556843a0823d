/** Messages between a record detail panel (audit, risk, provisioning) and its webview app. */
import type { RecordView } from '../../core/detail/recordView';

export type RecordDetailNotifications = {
  show: { readonly view: RecordView; readonly tenantName: string; readonly persist: unknown };
};

export type RecordDetailRequests = {
  copy: { params: { readonly text: string }; result: void };
  openJson: { params: Record<string, never>; result: void };
  saveJson: { params: Record<string, never>; result: void };
};

export const RECORD_DETAIL_METHODS: readonly (keyof RecordDetailRequests)[] = ['copy', 'openJson', 'saveJson'];

export function validRecordDetailParams(method: keyof RecordDetailRequests, params: unknown): boolean {
  const p = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
  if (method === 'copy') return typeof p.text === 'string' && p.text.length <= 4096;
  return true;
}
