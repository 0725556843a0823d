import * as vscode from 'vscode';
import { customRange, instantProblem, parseInstant } from '../../core/odata/customRange';
import { type TimeRange } from '../../core/odata/model';
import { type Prompter } from '../ui/prompter';

/** Asks for a custom UTC range (the query builder and Export both use this one prompt). */
export async function askCustomRange(prompter: Prompter, title: string, nowMs: number, defaultDays = 7): Promise<TimeRange | undefined> {
  const from = await prompter.input({ title: `${title}: from (UTC)`, prompt: 'A date (a whole day from 00:00) or a UTC time', value: new Date(nowMs - defaultDays * 86_400_000).toISOString().slice(0, 10), validate: instantProblem });
  if (from === undefined) return undefined;
  const fromMs = parseInstant(from, false);
  const to = await prompter.input({
    title: `${title}: to (UTC)`,
    prompt: 'A date (the whole day, to 23:59:59) or a UTC time',
    value: new Date(nowMs).toISOString().slice(0, 10),
    validate: (v) => instantProblem(v) ?? (parseInstant(v, true) <= fromMs ? 'The range must end after it starts.' : undefined),
  });
  if (to === undefined) return undefined;
  const r = customRange(from, to, nowMs);
  if ('problem' in r) {
    void vscode.window.showErrorMessage(r.problem);
    return undefined;
  }
  return r.range;
}
