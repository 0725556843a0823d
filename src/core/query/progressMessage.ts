/** The one line a results panel shows under its toolbar: why the rows are fewer or different. */
import { diagnose, summarize } from '../diagnose/classify';
import { type SessionProgress } from './session';

export interface PanelFacts {
  /** Restored after a window reload and not loaded again yet. */
  readonly restored: boolean;
  /** Graph left out the conditional access policies (no policy permission). */
  readonly caHidden: boolean;
  /** Records the service sent that could not be read. */
  readonly unreadable: number;
}

export function progressMessage(p: SessionProgress, f: PanelFacts): string | undefined {
  const restored = f.restored && p.pages === 0 && p.state === 'paused' ? 'This tab was restored after a window reload. Its rows are not kept on disk: Load more runs the query again.' : undefined;
  const main = p.incomplete
    ? `Incomplete: ${p.incomplete}`
    : p.state === 'failed'
      ? summarize(diagnose(p.error))
      : f.caHidden
        ? 'Conditional access policies are hidden: Graph leaves them out without Policy.Read.All (or a conditional-access reader role). Run Diagnose Permissions.'
        : undefined;
  const unreadable = f.unreadable > 0 ? `${f.unreadable.toLocaleString('en-US')} record${f.unreadable === 1 ? '' : 's'} could not be read and ${f.unreadable === 1 ? 'is' : 'are'} shown as "Unreadable record" (open one for its text).` : undefined;
  return [restored, main, unreadable].filter((m): m is string => m !== undefined).join(' ') || undefined;
}
