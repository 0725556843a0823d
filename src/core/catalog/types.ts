/** The shape of the report catalog: what each category can be asked and how its rows look. */

export type Operator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'startswith' | 'contains';

export type ValueKind =
  | { readonly type: 'string' }
  | { readonly type: 'guid' }
  | { readonly type: 'upn' }
  | { readonly type: 'ip' }
  | { readonly type: 'country' }
  | { readonly type: 'datetime' }
  | { readonly type: 'int' }
  | { readonly type: 'bool' }
  | { readonly type: 'enum'; readonly values: readonly string[] };

export interface FieldSpec {
  /** OData property path, e.g. `status/errorCode`. */
  readonly path: string;
  readonly label: string;
  readonly kind: ValueKind;
  readonly operators: readonly Operator[];
}

/** A collection filtered with `any`: scalars (`t eq 'x'`) or objects (`t/id eq 'x'`). */
export interface LambdaSpec {
  readonly path: string;
  readonly label: string;
  /** For scalar items. */
  readonly item?: { readonly kind: ValueKind; readonly operators: readonly Operator[] };
  /** For object items, by sub-path. */
  readonly props?: readonly FieldSpec[];
}

export interface ColumnSpec {
  readonly id: string;
  readonly label: string;
  /** Property path in the record, `/`-separated. */
  readonly path: string;
  readonly width: number;
  /** `enum`: a service enum value, shown by its readable label (the raw value in its tooltip). */
  readonly kind?: 'datetime' | 'status' | 'number' | 'text' | 'enum';
}

export type CategoryId =
  | 'signIns.interactive'
  | 'signIns.nonInteractive'
  | 'signIns.servicePrincipal'
  | 'signIns.managedIdentity'
  | 'directoryAudits'
  | 'provisioning'
  | 'riskDetections'
  | 'riskyUsers'
  | 'o365'
  | 'graphActivity';

export type ThrottleClass = 'reports' | 'identityProtection' | 'manage' | 'logAnalytics';

/** What every report shows the same way, whatever its source: rows, columns, titles, guidance. */
interface CategoryCommon {
  readonly id: CategoryId;
  readonly label: string;
  /** Node group in the tree. */
  readonly group: 'Sign-ins' | 'Audit' | 'Identity Protection' | 'Office 365';
  readonly throttle: ThrottleClass;
  /** The service path a document's header names (`v1.0/auditLogs/signIns`). */
  readonly endpoint: string;
  readonly columns: readonly ColumnSpec[];
  readonly defaultColumns: readonly string[];
  /** Columns whose top values show above the grid (facets), clicking one filters the rows. */
  readonly facets?: readonly string[];
  /** Permission needed (for guidance before a query). */
  readonly requirement: 'signIns' | 'directoryAudits' | 'provisioning' | 'riskDetections' | 'riskyUsers' | 'office365' | 'logAnalytics';
  /** Derived display values (for example a name for a number), computed for the grid only; the record itself is kept as sent. */
  readonly display?: (record: Record<string, unknown>) => Record<string, unknown>;
  /**
   * Values some columns show that the record holds only in nested form, by column path; only
   * those (a copy of each record with them added cost as much as building its row).
   */
  readonly derived?: (record: Record<string, unknown>) => Record<string, unknown>;
  /** A one-line title for a record (detail panel, JSON document name). */
  readonly title: (record: Record<string, unknown>) => string;
}

/** What the filter builder offers on a report: the properties and collections it can filter on. */
export interface FilterSpec {
  readonly id: CategoryId;
  readonly label: string;
  readonly fields: readonly FieldSpec[];
  readonly lambdas: readonly LambdaSpec[];
}

/** A Microsoft Graph report: an OData collection with the filters, paging and copy-as Graph offers. */
export interface GraphCategory extends CategoryCommon {
  readonly source: 'graph';
  readonly apiVersion: 'v1.0' | 'beta';
  /** Path under the Graph root, e.g. `/auditLogs/signIns`. */
  readonly path: string;
  /** Filter every query of this category carries (the sign-in event type), joined with `and`. */
  readonly fixedFilter?: string;
  /** The time property used for time ranges; undefined when the category has none to filter on. */
  readonly timeProperty: string | undefined;
  /** Operators the time property accepts for a range. */
  readonly timeOperators: readonly ['ge' | 'gt', 'le' | 'lt'] | undefined;
  readonly fields: readonly FieldSpec[];
  readonly lambdas: readonly LambdaSpec[];
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
  readonly orderBy?: string;
  /** The Graph PowerShell cmdlet for "Copy as PowerShell". */
  readonly powershell: string;
}

/**
 * An Office 365 content type's records, from the Management Activity API: content blobs listed by
 * when they became available, no server-side filter (the panel's filters are client-side).
 */
export interface O365Category extends CategoryCommon {
  readonly source: 'o365';
  /** `Audit.AzureActiveDirectory`, `Audit.Exchange` … (checked against the known list where it is made). */
  readonly contentType: string;
}

/**
 * A table of a Log Analytics workspace. One that mirrors a Graph report has its rows read in
 * Graph's shape, so it takes the report's id, columns, detail panel and filter fields (compiled to
 * KQL through the table's column mapping); one only a workspace has (Graph activity) brings its own.
 */
export interface WorkspaceCategory extends CategoryCommon {
  readonly source: 'logAnalytics';
  readonly workspaceId: string;
  readonly workspaceName: string;
  /** The table's name (SigninLogs …). */
  readonly table: string;
  /** What its filter builder offers: the mirrored Graph report's fields, or the table's own. */
  readonly filter: FilterSpec;
}

/** A report of any source; code that needs a source's own fields narrows on `source`. */
export type CategorySpec = GraphCategory | O365Category | WorkspaceCategory;

/** The services reports come from, each behind its adapter (core/sources). */
export type SourceKind = CategorySpec['source'];
