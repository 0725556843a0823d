/** "Load all" on a results panel: the pace so far, and the question asked before a long load. */
import { aboutDuration, type LoadForecast } from '../../core/query/loadForecast';
import { type SessionState } from '../../core/query/session';
import { type Prompter } from '../ui/prompter';

/** Load all asks first when it would bring more rows than this, or take longer than this. */
const ASK_ABOVE_ROWS = 250_000;
const ASK_ABOVE_SECONDS = 10 * 60;

/** Time spent loading: the forecast uses the pace so far, leaving out pauses between clicks. */
export class LoadPace {
  private ms = 0;
  private since: number | undefined;

  observe(state: SessionState): void {
    if (state === 'loading') this.since ??= performance.now();
    else if (this.since !== undefined) {
      this.ms += performance.now() - this.since;
      this.since = undefined;
    }
  }

  get seconds(): number {
    return this.ms / 1000;
  }
}

/**
 * Whether to load all: at once when the forecast is modest or unknown; otherwise after saying the
 * rows to come and how long at the pace so far, with an export (streamed to files, resumable)
 * offered instead where the source has one. Undefined: the user dismissed the question.
 */
export async function confirmLoadAll(prompter: Prompter, f: LoadForecast | undefined, exportable: boolean): Promise<'load' | 'export' | undefined> {
  if (!f || (f.rows <= ASK_ABOVE_ROWS && f.seconds <= ASK_ABOVE_SECONDS)) return 'load';
  const choice = await prompter.choose({
    message: `Load about ${f.rows.toLocaleString('en-US')} more rows? At the pace so far that takes ${aboutDuration(f.seconds)}.`,
    detail: exportable ? 'Export writes them to files as they arrive (resumable, and without holding them in this window).' : 'The rows are kept on disk while this panel is open.',
    actions: exportable ? ['Load All', 'Export…'] : ['Load All'],
  });
  return choice === 'Export…' ? 'export' : choice === 'Load All' ? 'load' : undefined;
}
