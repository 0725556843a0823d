/** The Management Activity API's content types and record types (API-FACTS 3; O365 schema). */

export const CONTENT_TYPES = ['Audit.AzureActiveDirectory', 'Audit.Exchange', 'Audit.SharePoint', 'Audit.General', 'DLP.All'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export function isContentType(v: unknown): v is ContentType {
  return typeof v === 'string' && (CONTENT_TYPES as readonly string[]).includes(v);
}

/** RecordType numbers by name, for the ones investigations meet most (the schema lists many more). */
const RECORD_TYPES: Readonly<Record<number, string>> = {
  1: 'ExchangeAdmin',
  2: 'ExchangeItem',
  3: 'ExchangeItemGroup',
  4: 'SharePoint',
  6: 'SharePointFileOperation',
  7: 'OneDrive',
  8: 'AzureActiveDirectory',
  9: 'AzureActiveDirectoryAccountLogon',
  10: 'DataCenterSecurityCmdlet',
  11: 'ComplianceDLPSharePoint',
  13: 'ComplianceDLPExchange',
  14: 'SharePointSharingOperation',
  15: 'AzureActiveDirectoryStsLogon',
  18: 'SecurityComplianceCenterEOPCmdlet',
  20: 'PowerBIAudit',
  25: 'MicrosoftTeams',
  28: 'ThreatIntelligence',
  36: 'SharePointListOperation',
  40: 'SecurityComplianceAlerts',
};

export function recordTypeName(value: unknown): string {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
  if (n === undefined) return String(value ?? '');
  return RECORD_TYPES[n] ? `${RECORD_TYPES[n]} (${n})` : String(n);
}

/** DLP record types (SharePoint, Exchange, endpoint): listed under DLP.All. */
const DLP_RECORD_TYPES = new Set([11, 13, 33]);

/**
 * The content type a record is listed under, from its record type and workload: for a record met
 * outside its listing (a timeline entry opened in its panel).
 */
export function contentTypeOfRecord(r: Record<string, unknown>): ContentType {
  if (DLP_RECORD_TYPES.has(Number(r.RecordType))) return 'DLP.All';
  switch (r.Workload) {
    case 'AzureActiveDirectory':
      return 'Audit.AzureActiveDirectory';
    case 'Exchange':
      return 'Audit.Exchange';
    case 'SharePoint':
    case 'OneDrive':
      return 'Audit.SharePoint';
    default:
      return 'Audit.General';
  }
}
