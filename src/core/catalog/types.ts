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
  | 'o365';

export type ThrottleClass = 'reports' | 'identityProtection' | 'manage';

export interface CategorySpec {
  readonly id: CategoryId;
  readonly label: string;
  /** Node group in the tree. */
  readonly group: 'Sign-ins' | 'Audit' | 'Identity Protection' | 'Office 365';
  /** Office 365 content comes from the Management Activity API, not a Graph query: no OData, no Graph copy or export. */
  readonly source?: 'graph' | 'o365';
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
  readonly throttle: ThrottleClass;
  readonly orderBy?: string;
  readonly columns: readonly ColumnSpec[];
  readonly defaultColumns: readonly string[];
  /** The Graph PowerShell cmdlet for "Copy as PowerShell". */
  readonly powershell: string;
  /** Permission needed (for guidance before a query). */
  readonly requirement: 'signIns' | 'directoryAudits' | 'provisioning' | 'riskDetections' | 'riskyUsers' | 'office365';
  /** Derived display values (for example a name for a number), computed for the grid only; the record itself is kept as sent. */
  readonly display?: (record: Record<string, unknown>) => Record<string, unknown>;
  /** A one-line title for a record (detail panel, JSON document name). */
  readonly title: (record: Record<string, unknown>) => string;
}
