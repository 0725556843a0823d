/**
 * The test runner that VS Code loads into its extension host (`extensionTestsPath`). The page that
 * hosts the workbench never closes by itself and the host's stdout is not ours, so results go to
 * files that the launcher reads: the spec reporter's text as it runs, then a JSON summary.
 */
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { format } from 'util';

export interface RunSummary {
  readonly passes: number;
  readonly failures: number;
  readonly pending: number;
  readonly failed: ReadonlyArray<{ title: string; error: string }>;
}

function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return findTests(full);
    return e.name.endsWith('.test.js') ? [full] : [];
  });
}

export async function run(): Promise<void> {
  const outputFile = process.env.IDLOG_TEST_OUTPUT;
  const resultFile = process.env.IDLOG_TEST_RESULT;
  const log = (...args: unknown[]) => {
    const line = format(...args) + '\n';
    if (outputFile) fs.appendFileSync(outputFile, line);
    else process.stdout.write(line);
  };
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void; useColors: boolean };
  base.consoleLog = log;
  base.useColors = false;

  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false });
  const grep = process.env.IDLOG_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of findTests(__dirname).sort()) mocha.addFile(file);

  const failed: { title: string; error: string }[] = [];
  const summary = await new Promise<RunSummary>((resolve) => {
    try {
      const runner = mocha.run(() => resolve({ ...runner.stats!, failed } as unknown as RunSummary));
      runner.on('fail', (test, err: Error) => failed.push({ title: test.fullTitle(), error: err.stack ?? String(err) }));
    } catch (e) {
      log('The integration suite could not start: %s', e instanceof Error ? e.stack : e);
      resolve({ passes: 0, failures: 1, pending: 0, failed: [{ title: 'suite setup', error: String(e) }] });
    }
  });
  const result: RunSummary = { passes: summary.passes, failures: summary.failures, pending: summary.pending, failed };
  if (resultFile) fs.writeFileSync(resultFile, JSON.stringify(result));
  if (result.failures > 0) throw new Error(`${result.failures} integration test(s) failed`);
}
