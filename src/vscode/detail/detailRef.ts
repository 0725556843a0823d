/**
 * What a detail tab keeps across a window reload: which record, never the record. VS Code writes a
 * webview's state to disk, and a log record (user, address, device, location) must not be left
 * there; the record is read again from the service when the tab comes back.
 */
import { type RecordView } from '../../core/detail/recordView';

type RecordKind = RecordView['kind'];

export type DetailKind = RecordKind | 'signIn';

export interface DetailRef {
  readonly tenantKey: string;
  readonly kind: DetailKind;
  readonly id: string;
}

/** Where Graph serves one record by id, and the throttle it counts against; none for Office 365 records. */
export const REREAD: Readonly<Record<DetailKind, { readonly path: string; readonly limit: 'reports' | 'identityProtection' } | undefined>> = {
  signIn: { path: 'auditLogs/signIns', limit: 'reports' },
  directoryAudit: { path: 'auditLogs/directoryAudits', limit: 'reports' },
  provisioning: { path: 'auditLogs/provisioning', limit: 'reports' },
  riskDetection: { path: 'identityProtection/riskDetections', limit: 'identityProtection' },
  riskyUser: { path: 'identityProtection/riskyUsers', limit: 'identityProtection' },
  // The Management Activity API lists blobs; it cannot fetch one record again.
  o365Record: undefined,
  // A workspace's row: no Graph path serves it again.
  graphActivity: undefined,
};

const KINDS = Object.keys(REREAD) as DetailKind[];

export function detailRef(tenantKey: string, kind: DetailKind, id: unknown): DetailRef {
  return { tenantKey, kind, id: String(id ?? '') };
}

/** The state a webview gave back, checked: it comes from the webview. */
export function parseDetailRef(state: unknown): DetailRef | undefined {
  const s = (typeof state === 'object' && state !== null ? state : {}) as Record<string, unknown>;
  const kind = KINDS.find((k) => k === s.kind);
  if (!kind || typeof s.tenantKey !== 'string' || s.tenantKey.length > 200) return undefined;
  if (typeof s.id !== 'string' || !/^[\w.:-]{1,200}$/.test(s.id)) return undefined;
  return { tenantKey: s.tenantKey, kind, id: s.id };
}
