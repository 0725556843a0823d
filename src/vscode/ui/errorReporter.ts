import { diagnose, summarize } from '../../core/diagnose/classify';
import { type Logger } from '../../core/log/redact';
import { showError } from './showError';

/** Where a command's failure goes: the log, and a notification that names the cause and the next step. */
export interface CommandErrors {
  report(title: string, error: unknown): Promise<void>;
}

/** A failure as the user was told it: what failed, the catalog's code, and the cause with its next step. */
export interface ReportedError {
  readonly title: string;
  readonly code: string;
  readonly summary: string;
}

/** Reports failures through the error catalog, and remembers the last few (the test API reads them). */
export class ErrorReporter implements CommandErrors {
  private readonly recent: ReportedError[] = [];

  constructor(
    private readonly log: Logger,
    private readonly channel: { show(preserveFocus?: boolean): void },
  ) {}

  async report(title: string, error: unknown): Promise<void> {
    const d = diagnose(error);
    this.recent.push({ title, code: d.code, summary: summarize(d) });
    if (this.recent.length > 20) this.recent.shift();
    await showError(this.log, this.channel, title, error);
  }

  reported(): readonly ReportedError[] {
    return [...this.recent];
  }
}
