import { type ExportJobs } from '../../export/exportJobs';
import { type Command } from '../command';
import { type ExportArgDeps } from './args';
import { exportCommand } from './export';
import { resumeExportCommand } from './resumeExport';

export function exportCommands(deps: ExportArgDeps & { readonly extensionVersion: string }, jobs: ExportJobs): Command[] {
  return [exportCommand(deps, jobs), resumeExportCommand(jobs)];
}
