import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ExportManifest } from '../../src/core/export/manifest';
import { contrastOf, probeColours } from './contrast';
import { withFakeWorkbench } from './fakeWorkbench';
import { answerSaveDialog, choose, openWorkbench, runCommand, type Workbench } from './workbench';

const DAY = 86_400_000;

const WORKSPACE = '90000000-0000-4000-8000-000000000001';

describe('Log Analytics workspace (e2e: add it, see its tables, run failed sign-ins of all its history, open one)', function () {
  const fake = withFakeWorkbench('workspace', { signIns: 2000, throttling: false, foldRiskyUsers: true });

  const tenants = () => fake.wb.page.locator('.part.sidebar .pane', { has: fake.wb.page.locator('.pane-header', { hasText: 'Tenants' }) });
  const row = (text: string | RegExp) => tenants().locator('.monaco-list-rows .monaco-list-row', { hasText: text }).first();
  // A workspace table's row, by the table name in its description (its label is the Graph report's, as in the Sign-ins group).
  const tableRow = (table: string) => tenants().locator('.monaco-list-rows .monaco-list-row', { has: fake.wb.page.locator('.label-description', { hasText: new RegExp(`^${table}( ·|$)`) }) }).first();

  it('finds the workspace from the tree through Resource Manager, and lists the tables it receives and the ones it does not', async () => {
    const page = fake.wb.page;
    await row('Contoso').click();
    await row('Log Analytics workspaces').click();
    // The one workspace found is offered ticked, with where it lives (seen in each theme; a theme
    // change goes through the command palette, which closes the picker, so it is opened again).
    const found = page.locator('.quick-input-list .monaco-list-row', { hasText: 'contoso-sentinel' }).first();
    for (const theme of ['dark', 'hcDark', 'light'] as const) {
      await fake.wb.setTheme(theme);
      await row('Find the workspaces this tenant can read').click();
      await found.waitFor({ timeout: 30_000 });
      assert.match(await found.innerText(), new RegExp(`${WORKSPACE}[\\s\\S]*Contoso Security › security · westeurope · keeps 90 days`));
      await fake.wb.screenshot(`workspace-find-${theme}`);
      if (theme !== 'light') await page.keyboard.press('Escape');
    }
    await page.locator('.quick-input-widget input.input').press('Enter');
    await row('contoso-sentinel').click();
    await tableRow('SigninLogs').waitFor({ timeout: 30_000 });
    assert.match(await tableRow('SigninLogs').innerText(), /Interactive sign-ins/);
    assert.doesNotMatch(await tableRow('SigninLogs').innerText(), /not received/);
    // Managed identity sign-ins are not routed to the fake workspace: the row says so.
    assert.match(await tableRow('AADManagedIdentitySignInLogs').innerText(), /AADManagedIdentitySignInLogs · not received/);
    for (const theme of ['light', 'dark'] as const) {
      await fake.wb.setTheme(theme);
      await fake.wb.screenshot(`workspace-tree-${theme}`);
    }
  });

  it('runs failed sign-ins over all its history into the grid, and opens one in the sign-in panel', async () => {
    const page = fake.wb.page;
    await fake.wb.setTheme('light');
    await tableRow('SigninLogs').click();
    // The filter builder of the Graph report: all of the workspace's history, failures only.
    // The time range's row ("change"); the Run query row above it also reads "Last 7 days".
    await choose(page, 'change');
    await choose(page, 'All available');
    await choose(page, 'Failures only');
    await choose(page, 'Run query');
    const grid = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await grid.locator('[role="row"][aria-rowindex="2"]').waitFor({ timeout: 60_000 });
    // The newest hour shows first; the rest streams in, slice by widening slice.
    await grid.locator('.status', { hasText: /all loaded|paused/ }).waitFor({ timeout: 60_000 });
    await grid.locator('[role="grid"][aria-busy="false"]').waitFor({ timeout: 30_000 });
    await runCommand(page, 'Notifications: Clear All Notifications');
    const times = await grid.locator('[role="row"][aria-rowindex] [role="gridcell"]:nth-child(1)').allInnerTexts();
    assert.ok(times.length > 5, `${times.length} rows shown`);
    assert.deepStrictEqual(times, [...times].sort().reverse(), 'newest first');
    const statuses = await grid.locator('[role="row"][aria-rowindex] [role="gridcell"]:nth-child(2)').allInnerTexts();
    assert.ok(statuses.every((s) => !/^Success/.test(s)), `failures only: ${statuses.slice(0, 3).join(' | ')}`);
    // The query copies as KQL (the toolbar offers what the source can do).
    const options = await grid.locator('vscode-single-select.actions vscode-option').allInnerTexts();
    assert.ok(options.includes('Copy query as KQL') && !options.includes('Copy query as Graph URL'), options.join(' | '));
    for (const theme of ['light', 'dark'] as const) {
      await fake.wb.setTheme(theme);
      await fake.wb.screenshot(`workspace-results-${theme}`);
      // Failures are the rows shown: their status text must stay readable in both themes.
      const colours = await probeColours(grid.locator('results-grid'), ['td failure']);
      const ratio = contrastOf(colours['td failure'], colours.background);
      assert.ok(ratio >= 4.5, `${theme}: failure text ${colours['td failure']} on ${colours.background} is ${ratio.toFixed(2)}:1`);
    }
    await grid.locator('[role="row"][aria-rowindex="2"]').dblclick();
    const detail = page.frameLocator('iframe.webview.ready >> nth=1').frameLocator('iframe#active-frame');
    await detail.getByText('Conditional access').first().waitFor({ timeout: 30_000 });
    await detail.getByText('Failure').first().waitFor({ timeout: 10_000 });
    await fake.wb.screenshot('workspace-signin-detail-dark');
  });
});

describe('The demo tenant’s workspace (e2e: failed sign-ins of the last 60 days, a detail, an export to NDJSON)', function () {
  let wb: Workbench;
  let folder: string;
  let dir: string;

  before(async () => {
    // The demo as `npm run demo` opens it: the marker file and the setting, in a fresh profile.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'idlog-demo-workspace-e2e-'));
    fs.writeFileSync(path.join(folder, '.identity-logs-demo'), 'demo\n');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idlog-workspace-export-'));
    wb = await openWorkbench({ folder, settings: { 'identityLogs.demo.prepareOnStartup': true } });
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('from the tree: the demo workspace’s sign-in table, failures of the last 60 days, a row’s detail, then an export to NDJSON that holds exactly them', async () => {
    const page = wb.page;
    const tenants = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Tenants' }) });
    const row = (text: string | RegExp) => tenants.locator('.monaco-list-rows .monaco-list-row', { hasText: text }).first();
    await row('Contoso').locator('.label-description', { hasText: /signed in · Demo/ }).waitFor({ timeout: 60_000 });
    // Room for the tree: fold the Risky Users view.
    await page.locator('.part.sidebar .pane-header', { hasText: 'Risky Users' }).click();
    // The demo may open with its tenant expanded already.
    await row('Log Analytics workspaces').waitFor({ timeout: 5_000 }).catch(() => row('Contoso').click());
    await row('Log Analytics workspaces').click();
    await row('contoso-sentinel').click();
    const table = (name: string) => tenants.locator('.monaco-list-rows .monaco-list-row', { has: page.locator('.label-description', { hasText: new RegExp(`^${name}( ·|$)`) }) }).first();
    await table('SigninLogs').waitFor({ timeout: 60_000 });
    // Every Entra table is listed: the audit and risk tables the demo routes, and the ones it does not.
    assert.match(await table('AuditLogs').innerText(), /Directory audits/);
    assert.match(await table('MicrosoftGraphActivityLogs').innerText(), /Graph activity/);
    assert.match(await table('AADManagedIdentitySignInLogs').innerText(), /not received/);
    for (const theme of ['light', 'dark', 'hcDark'] as const) {
      await wb.setTheme(theme);
      await wb.screenshot(`workspace-demo-tree-${theme}`);
    }
    await wb.setTheme('light');

    await table('SigninLogs').click();
    await choose(page, 'change');
    await choose(page, 'Last 60 days');
    await choose(page, 'Failures only');
    await choose(page, 'Run query');
    const grid = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await grid.locator('.status', { hasText: /all loaded|paused/ }).waitFor({ timeout: 120_000 });
    await runCommand(page, 'Notifications: Clear All Notifications');
    const statuses = await grid.locator('[role="row"][aria-rowindex] [role="gridcell"]:nth-child(2)').allInnerTexts();
    assert.ok(statuses.length > 5 && statuses.every((s) => !/^Success/.test(s)), `failures only: ${statuses.slice(0, 3).join(' | ')}`);
    const firstTime = (await grid.locator('[role="row"][aria-rowindex="2"] [role="gridcell"]').first().innerText()).trim();
    for (const theme of ['light', 'dark', 'hcDark'] as const) {
      await wb.setTheme(theme);
      await wb.screenshot(`workspace-demo-results-${theme}`);
      const colours = await probeColours(grid.locator('results-grid'), ['td failure']);
      const ratio = contrastOf(colours['td failure'], colours.background);
      assert.ok(ratio >= 4.5, `${theme}: failure text ${colours['td failure']} on ${colours.background} is ${ratio.toFixed(2)}:1`);
    }
    await wb.setTheme('light');

    // The sign-in panel says where the record was read from.
    await grid.locator('[role="row"][aria-rowindex="2"]').dblclick();
    const detail = page.frameLocator('iframe.webview.ready >> nth=1').frameLocator('iframe#active-frame');
    await detail.getByText('Conditional access').first().waitFor({ timeout: 30_000 });
    await detail.getByText(/workspace contoso-sentinel \(90000000-0000-4000-8000-000000000001\) · table SigninLogs/).first().waitFor({ timeout: 10_000 });
    for (const theme of ['light', 'dark', 'hcDark'] as const) {
      await wb.setTheme(theme);
      await wb.screenshot(`workspace-demo-detail-${theme}`);
    }
    await wb.setTheme('light');

    // Back to the results (the detail closed), and export what they hold.
    await runCommand(page, 'View: Close Editor');
    await page.locator('.tabs-container .tab.active', { hasText: 'Interactive sign-ins (SigninLogs)' }).first().waitFor({ timeout: 10_000 });
    await grid.locator('vscode-button', { hasText: 'Export…' }).click();
    await page.locator('.quick-input-widget').waitFor({ timeout: 15_000 });
    await wb.screenshot('workspace-demo-export-question-light');
    // "Failures only" is a filter of the panel: the export asks whether it applies (it does).
    await choose(page, 'The rows the panel shows');
    await choose(page, 'NDJSON');
    await choose(page, 'Same as the query: Last 60 days');
    await choose(page, 'One file');
    const target = path.join(dir, 'demo-failed-60-days.ndjson');
    await answerSaveDialog(page, target);
    const banner = grid.locator('.exporting');
    await banner.filter({ hasText: 'complete, verified by its manifest' }).waitFor({ timeout: 300_000 });
    await wb.screenshot('workspace-demo-export-light');
    const manifest = JSON.parse(fs.readFileSync(`${target}.manifest.json`, 'utf8')) as ExportManifest;
    const records = fs.readFileSync(target, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { id: string; createdDateTime: string; status: { errorCode: number }; workspaceSource?: { table?: string } });
    assert.strictEqual(manifest.complete, true);
    assert.strictEqual(manifest.rows, records.length);
    assert.strictEqual(new Set(records.map((r) => r.id)).size, records.length, 'each sign-in once');
    assert.ok(records.every((r) => r.status.errorCode !== 0 && r.workspaceSource?.table === 'SigninLogs'), 'failed sign-ins from SigninLogs only');
    const times = records.map((r) => Date.parse(r.createdDateTime));
    const now = Date.now();
    assert.ok(times.every((t) => t > now - 61 * DAY), 'within the 60 days');
    assert.ok(times.some((t) => t < now - 30 * DAY), 'past the 30 days Graph keeps');
    // The export starts where the grid does: the newest failure.
    assert.strictEqual(new Date(times[0]).toISOString().slice(0, 16).replace('T', ' '), firstTime.slice(0, 16));
  });
});
