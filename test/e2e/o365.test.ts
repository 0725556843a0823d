import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ExportManifest } from '../../src/core/export/manifest';
import { elementContrast } from './contrast';
import { CONTOSO, withFakeWorkbench } from './fakeWorkbench';
import { answerSaveDialog, choose, pickMenuItem, runCommand } from './workbench';

describe('Office 365 activity (e2e: subscribe, browse, open a record)', function () {
  const fake = withFakeWorkbench('o365', { signIns: 3000, throttling: false, foldRiskyUsers: true });

  const tenants = () => fake.wb.page.locator('.part.sidebar .pane', { has: fake.wb.page.locator('.pane-header', { hasText: 'Tenants' }) });
  const contentRow = (name: string) => tenants().locator('.monaco-list-rows .monaco-list-row', { hasText: name }).first();

  it('shows each content type with its subscription state, and starts one from the menu', async () => {
    const page = fake.wb.page;
    await tenants().locator('.monaco-list-row', { hasText: 'Contoso' }).first().click();
    await tenants().locator('.monaco-list-row', { hasText: 'Office 365 activity' }).first().click();
    await contentRow('Audit.AzureActiveDirectory').waitFor({ timeout: 30_000 });
    assert.match(await contentRow('Audit.AzureActiveDirectory').innerText(), /not subscribed/);
    await contentRow('Audit.AzureActiveDirectory').click({ button: 'right' });
    await pickMenuItem(page, 'Start Subscription');
    await page.locator('.notifications-toasts', { hasText: 'Subscribed to Audit.AzureActiveDirectory' }).waitFor({ timeout: 30_000 });
    await contentRow('Audit.AzureActiveDirectory').locator('.label-description', { hasText: /^subscribed$/ }).waitFor({ timeout: 15_000 });
    assert.strictEqual(fake.emulator.subscriptions(CONTOSO)['Audit.AzureActiveDirectory'], 'enabled');
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  it('browses the last 24 hours into the results grid, newest first, and opens a record', async () => {
    const page = fake.wb.page;
    await contentRow('Audit.AzureActiveDirectory').click();
    await choose(page, 'Last 24 hours');
    const grid = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await grid.locator('[role="row"][aria-rowindex="2"]').waitFor({ timeout: 60_000 });
    await grid.locator('.status', { hasText: /all loaded/ }).waitFor({ timeout: 60_000 });
    const headers = await grid.locator('[role="columnheader"]').allInnerTexts();
    for (const h of ['Time (UTC)', 'Operation', 'User', 'Workload', 'Client IP', 'Result', 'Record type']) assert.ok(headers.some((x) => x.startsWith(h)), `${h} in ${headers.join(' | ')}`);
    const times = await grid.locator('[role="row"][aria-rowindex] [role="gridcell"]:nth-child(1)').allInnerTexts();
    assert.ok(times.length > 5);
    assert.deepStrictEqual(times, [...times].sort().reverse(), 'newest first');
    const types = await grid.locator('[role="row"][aria-rowindex] [role="gridcell"]:nth-child(7)').allInnerTexts();
    assert.ok(types.every((t) => /^AzureActiveDirectory(StsLogon)? \(\d+\)$/.test(t)), types.slice(0, 3).join(' | '));
    await runCommand(page, 'Notifications: Clear All Notifications');
    await fake.wb.screenshot('o365-browse-light');
    await grid.locator('[role="row"][aria-rowindex="2"]').dblclick();
    // The record opens in its own tab, titled by its operation and user.
    await page.locator('.tabs-container .tab').nth(1).waitFor({ timeout: 30_000 });
    const detail = page.frameLocator('iframe.webview.ready >> nth=1').frameLocator('iframe#active-frame');
    await detail.getByText('Common fields').waitFor({ timeout: 30_000 });
    // Record type by name (the panel's text sits in shadow DOM, which getByText reaches).
    await detail.getByText(/^AzureActiveDirectory(StsLogon)? \(\d+\)$/).first().waitFor({ timeout: 10_000 });
    for (const theme of ['light', 'dark', 'hcDark'] as const) {
      await fake.wb.setTheme(theme);
      await fake.wb.screenshot(`o365-record-${theme}`);
      // The record's own text (its record type), not only the page, must be readable.
      const c = await elementContrast(detail.getByText(/^AzureActiveDirectory(StsLogon)? \(\d+\)$/).first());
      assert.ok(c.ratio >= 4.5, `${theme}: record text ${c.foreground} on ${c.background} is ${c.ratio.toFixed(2)}:1`);
    }
    await fake.wb.setTheme('light');
  });

  it('exports the panel’s content type to NDJSON from its Export… button, verified by the manifest', async () => {
    const page = fake.wb.page;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ile-e2e-o365-'));
    try {
      // Close the record's tab: the results panel is then the only webview.
      await runCommand(page, 'View: Close Editor');
      await page.locator('.tabs-container .tab').nth(1).waitFor({ state: 'detached', timeout: 10_000 });
      const grid = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await grid.locator('vscode-button', { hasText: 'Export…' }).click();
      await choose(page, 'NDJSON');
      await choose(page, 'Same as the panel');
      const target = path.join(dir, 'contoso-aad.ndjson');
      await answerSaveDialog(page, target);
      const banner = grid.locator('.exporting');
      await banner.filter({ hasText: 'complete, verified by its manifest' }).waitFor({ timeout: 120_000 });
      const manifest = JSON.parse(fs.readFileSync(`${target}.manifest.json`, 'utf8')) as ExportManifest;
      const lines = fs.readFileSync(target, 'utf8').split('\n').filter((l) => l !== '');
      assert.strictEqual(manifest.complete, true);
      assert.strictEqual(manifest.rows, lines.length);
      assert.ok(manifest.rows > 50, `${manifest.rows} records`);
      assert.ok((manifest.blobs?.fetched ?? 0) > 10, 'blobs counted in the manifest');
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['contoso-aad.ndjson', 'contoso-aad.ndjson.manifest.json']);
      await fake.wb.screenshot('o365-export-done-light');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
