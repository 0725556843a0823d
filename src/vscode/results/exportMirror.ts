import { exportProgressText } from '../../core/export/progressText';
import { type ExportInfo } from '../../webview/results/protocol';
import type { ExportJob, ExportState } from '../export/exportJobs';

/**
 * What a results panel shows of an export started from it: progress while it runs, then how it
 * ended (complete and verified, incomplete and why, cancelled and resumable, or failed).
 */
export function mirrorExport(job: ExportJob, show: (info: ExportInfo) => void, finished: (manifestPath: string) => void): void {
  const name = job.target;
  show({ state: 'running', text: `Exporting to ${name}: starting…` });
  job.onState((s: ExportState) => {
    if (s.state === 'running') show({ state: 'running', text: `Exporting to ${name}: ${s.progress ? exportProgressText(s.progress) : 'starting…'}` });
    else if (s.state === 'done') {
      finished(s.outcome.manifestPath);
      const m = s.outcome.manifest;
      const text = m.complete
        ? `Exported ${m.rows.toLocaleString('en-US')} rows to ${name}: complete, verified by its manifest.`
        : `Exported ${m.rows.toLocaleString('en-US')} rows to ${name}, but ${m.incompleteWindows.length} time window(s) are incomplete: ${m.incompleteWindows[0]?.reason ?? ''}`;
      show({ state: 'done', text, complete: m.complete });
    } else {
      show({ state: s.state, text: s.state === 'cancelled' ? `Export to ${name} cancelled at ${s.rows.toLocaleString('en-US')} rows. Resume Export continues it.` : `Export to ${name} stopped at ${s.rows.toLocaleString('en-US')} rows: ${s.message}` });
    }
  });
}
