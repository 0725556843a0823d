import * as assert from 'assert';
import { contrastOf, probeColours } from './contrast';
import { withFakeWorkbench } from './fakeWorkbench';
import { answer, choose, runCommand } from './workbench';

const WORKSPACE = '90000000-0000-4000-8000-000000000001';

describe('Log Analytics workspace (e2e: add it, see its tables, run failed sign-ins of all its history, open one)', function () {
  const fake = withFakeWorkbench('workspace', { signIns: 2000, throttling: false, foldRiskyUsers: true });

  const tenants = () => fake.wb.page.locator('.part.sidebar .pane', { has: fake.wb.page.locator('.pane-header', { hasText: 'Tenants' }) });
  const row = (text: string | RegExp) => tenants().locator('.monaco-list-rows .monaco-list-row', { hasText: text }).first();
  // A workspace table's row, by the table name in its description (its label is the Graph report's, as in the Sign-ins group).
  const tableRow = (table: string) => tenants().locator('.monaco-list-rows .monaco-list-row', { has: fake.wb.page.locator('.label-description', { hasText: new RegExp(`^${table}( ·|$)`) }) }).first();

  it('adds the workspace from the tree by its ID and name, and lists the tables it receives and the ones it does not', async () => {
    await row('Contoso').click();
    await row('Log Analytics workspaces').click();
    await row('Add a workspace by its ID').click();
    await answer(fake.wb.page, WORKSPACE);
    await answer(fake.wb.page, 'contoso-sentinel');
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
