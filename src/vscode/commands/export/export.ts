import { describeFilters } from '../../../core/query/rowFilters';
import { checkpointPathOf, type ExportSpec } from '../../../core/export/checkpoint';
import { queryHeader } from '../../../core/export/header';
import { exportsOf } from '../../../core/sources/registry';
import { type ExportJob, type ExportJobs } from '../../export/exportJobs';
import { defineCommand } from '../command';
import { type ExportArgDeps, exportArg, type ExportInput } from './args';

function specOf({ source, choice }: ExportInput, extensionVersion: string, nowMs: number): ExportSpec {
  return {
    ...exportsOf(source.category).exportSpecFields(source.category, source.model),
    tenantKey: source.tenant.key,
    categoryId: source.category.id,
    // Set from the tenant's endpoints when the export runs (and again on every resume).
    graphOrigin: '',
    filterWithoutTime: choice.plan.filterWithoutTime,
    range: choice.plan.range,
    ...(choice.plan.retentionDays !== undefined ? { retentionDays: choice.plan.retentionDays } : {}),
    ...(choice.plan.startsAtRetentionEdge ? { startsAtRetentionEdge: true } : {}),
    ...(choice.rowFilters ? { rowFilters: choice.rowFilters } : {}),
    format: choice.format,
    columns: choice.columns,
    destination: choice.destination,
    header: queryHeader({ tenant: source.tenant, category: source.category, filter: choice.plan.filter, range: choice.plan.range, ...(choice.rowFilters ? { clientFilters: describeFilters(choice.rowFilters) } : {}), fetchedAtMs: nowMs, extensionVersion }),
    extensionVersion,
  };
}

/** "Export…": a report, streamed to a file or a folder of daily files, resumable and verified. */
export function exportCommand(deps: ExportArgDeps & { readonly extensionVersion: string }, jobs: ExportJobs) {
  return defineCommand({
    id: 'identityLogs.export',
    args: exportArg(deps),
    run: async (input: ExportInput): Promise<ExportJob | undefined> => {
      const job = input.choice.resume ? await jobs.resume(checkpointPathOf(input.choice.destination)) : await jobs.start(input.source.tenant, input.source.category, specOf(input, deps.extensionVersion, Date.now()));
      if (job) input.source.panel?.trackExport(job);
      return job;
    },
  });
}
