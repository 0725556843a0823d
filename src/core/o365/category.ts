/**
 * Office 365 audit records as a results-panel category: the common schema's columns (API-FACTS 3),
 * CreationTime shown as UTC and RecordType by name. Filters are the panel's client-side ones.
 */
import { col } from '../catalog/categories';
import { type CategorySpec, type O365Category } from '../catalog/types';
import { type ContentType, isContentType, recordTypeName } from './contentTypes';

export function o365Category(contentType: ContentType): O365Category {
  return {
    id: 'o365',
    label: contentType,
    group: 'Office 365',
    source: 'o365',
    contentType,
    // The Management Activity API's listing, as earlier versions' headers named it.
    endpoint: `v1.0/activity/feed/subscriptions/content?contentType=${contentType}`,
    throttle: 'manage',
    columns: [
      col('CreationTime', 'Time (UTC)', 'CreationTime', 170, 'datetime'),
      col('Operation', 'Operation', 'Operation', 200),
      col('UserId', 'User', 'UserId', 230),
      col('Workload', 'Workload', 'Workload', 150),
      col('ClientIP', 'Client IP', 'ClientIP', 130),
      col('ResultStatus', 'Result', 'ResultStatus', 100),
      col('RecordTypeName', 'Record type', 'RecordTypeName', 220),
      col('ObjectId', 'Object', 'ObjectId', 220),
      col('Id', 'Id', 'Id', 280),
    ],
    defaultColumns: ['CreationTime', 'Operation', 'UserId', 'Workload', 'ClientIP', 'ResultStatus', 'RecordTypeName'],
    requirement: 'office365',
    display: forDisplay,
    title: (r) => `${String(r.Operation ?? 'record')} by ${String(r.UserId ?? 'unknown')} (${String(r.CreationTime ?? '')})`,
  };
}

/** The content type an Office 365 category reads (undefined for Graph categories). */
export function o365ContentTypeOf(category: CategorySpec): ContentType | undefined {
  return category.source === 'o365' && isContentType(category.contentType) ? category.contentType : undefined;
}

/** What the grid shows for a record: CreationTime as UTC and the record type's name, as extra fields. */
export function forDisplay(record: Record<string, unknown>): Record<string, unknown> {
  const t = typeof record.CreationTime === 'string' && !/[zZ]|[+-]\d\d:?\d\d$/.test(record.CreationTime) ? `${record.CreationTime}Z` : record.CreationTime;
  return { ...record, CreationTime: t, RecordTypeName: recordTypeName(record.RecordType) };
}
