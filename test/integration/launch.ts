/**
 * Runs the integration suites inside the extension host of code-server's real VS Code: starts the
 * server, opens the workbench in headless Chromium with the development extension and the test
 * runner in the URL's payload, streams mocha's output, and always stops what it started.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { launchChromium } from '../../scripts/browser';
import { REPO_ROOT, remotePath, startCodeServer, workbenchUrl } from '../../scripts/codeServer';
import type { RunSummary } from './index';

const TIMEOUT_MS = Number(process.env.IDLOG_INTEGRATION_TIMEOUT_MS ?? 15 * 60_000);

async function main(): Promise<number> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'idlog-integration-'));
  const outputFile = path.join(scratch, 'mocha.txt');
  const resultFile = path.join(scratch, 'result.json');
  fs.writeFileSync(outputFile, '');
  const server = await startCodeServer({
    folder: path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'),
    env: { IDLOG_TEST_OUTPUT: outputFile, IDLOG_TEST_RESULT: resultFile, IDLOG_TEST_GREP: process.env.IDLOG_TEST_GREP ?? '' },
  });
  const browser = await launchChromium();
  let printed = 0;
  const flush = () => {
    const text = fs.readFileSync(outputFile, 'utf8');
    if (text.length > printed) process.stdout.write(text.slice(printed));
    printed = text.length;
  };
  try {
    const page = await browser.newPage();
    const runner = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index');
    await page.goto(
      workbenchUrl(server, [
        ['extensionDevelopmentPath', remotePath(server, REPO_ROOT)],
        ['extensionTestsPath', remotePath(server, runner)],
      ]),
    );
    console.log(`Integration tests in the extension host of code-server (${server.origin})`);
    const deadline = Date.now() + TIMEOUT_MS;
    while (!fs.existsSync(resultFile)) {
      flush();
      if (Date.now() > deadline) {
        console.error(`\nIntegration tests did not finish within ${TIMEOUT_MS / 1000} s.`);
        console.error(server.output().split('\n').slice(-40).join('\n'));
        return 1;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    flush();
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as RunSummary;
    if (result.passes + result.failures === 0) {
      console.error('No integration test ran.');
      return 1;
    }
    return result.failures > 0 ? 1 : 0;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  },
);
