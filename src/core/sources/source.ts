/**
 * A log source behind one interface: what the results panels, prompts and exports ask of Graph,
 * of the Office 365 Management Activity API, and of any source added later. Generic code depends
 * on this file only, never on a source; each source lives in its own adapter.
 */
import type { CategorySpec, SourceKind } from '../catalog/types';
import type { ExportCheckpoint, ExportSpec } from '../export/checkpoint';
import type { ExportFs } from '../export/exportFs';
import type { ExportPlan } from '../export/plan';
import type { ExportOutcome, ExportProgress } from '../export/runExport';
import type { ApiClient, RequestStats } from '../http/client';
import type { LogAnalyticsApi } from '../logAnalytics/queryApi';
import type { ManageApi } from '../o365/manageApi';
import type { FilterModel, TimeRange } from '../odata/model';
import type { TenantConfig } from '../tenants/tenantConfig';

export type { SourceKind };

/** What a source can do; panels and prompts ask these instead of naming a source. */
export interface SourceCapabilities {
  /** A query can be saved under its tenant and re-run after a window reload. */
  readonly savedQueries: boolean;
  /** The forms "Copy query as" offers (none where the source has no query to copy). */
  readonly copyFormats: readonly CopyFormat[];
}

/** The tenant's clients, created on demand by the editor layer (signed in, paced, allowlisted). */
export interface SourceConnections {
  graph(): Promise<{ readonly client: ApiClient; readonly graphOrigin: string }>;
  manage(): Promise<ManageApi>;
  logAnalytics(): Promise<{ readonly api: LogAnalyticsApi; readonly stats: RequestStats }>;
}

export interface ExportRunContext {
  readonly fs: ExportFs;
  readonly now: () => number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: ExportProgress) => void;
}

/** An export connected to its service, ready to run (or resume) a checkpoint. */
export interface SourceExporter {
  run(context: ExportRunContext, checkpoint: ExportCheckpoint): Promise<ExportOutcome>;
}

/** The forms "Copy query as" can take. */
export type CopyFormat = 'url' | 'curl' | 'powershell' | 'kql';

/** How a source's records are exported: planned, checkpointed, run and resumed. */
export interface SourceExports {
  /** What an export's range selects: records by their own time, or content by when it became available. */
  readonly timeAxis: 'recordTime' | 'availability';
  /** What an export of a query sends, and the range it covers. */
  exportPlan(category: CategorySpec, model: FilterModel, time: TimeRange, nowMs: number): ExportPlan;
  /** The source's own part of an export spec (the Office 365 content type; a workspace, its table and the filter). */
  exportSpecFields(category: CategorySpec, model: FilterModel): Pick<ExportSpec, 'source'>;
  newExport(spec: ExportSpec, nowMs: number): ExportCheckpoint;
  /** Connects to the service (signing in if needed); a failure here means the export never started. */
  openExport(connections: SourceConnections, category: CategorySpec): Promise<SourceExporter>;
  /** One line for the log: what the export reads. */
  describeExport(spec: ExportSpec): string;
}

export interface SourceAdapter {
  readonly kind: SourceKind;
  readonly capabilities: SourceCapabilities;
  /** The query in one of capabilities.copyFormats; `query` is what the panel ran (a $filter, a KQL query). */
  copyQuery(category: CategorySpec, query: string | undefined, origin: string, format: CopyFormat): string | undefined;
  /** Why this tenant cannot read the source (cloud, sign-in kind), or undefined. */
  unavailable(tenant: TenantConfig): string | undefined;
  /** Bulk export, where the source has it. */
  readonly exports?: SourceExports;
}
