import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ExportManifest } from '../../src/core/export/manifest';
import { type Emulator, startEmulator } from '../../src/emulator';
import { addSecretTenant, answerSaveDialog, choose, openContainer, openWorkbench, pickMenuItem, runCommand, type Workbench } from './workbench';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';

describe('Office 365 activity (e2e: subscribe, browse, open a record)', function () {
  let emulator: Emulator;
  let wb: Workbench;

  before(async () => {
    emulator = await startEmulator({ signIns: 3000, throttling: false });
    wb = await openWorkbench({ settings: { 'identityLogs.fakeTenant.origin': emulator.origin, 'identityLogs.fakeTenant.caCertificatePath': emulator.info.caCertPath } });
    await openContainer(wb.page, 'Identity Logs');
    const secret = emulator.info.tenants[0].apps.find((a) => a.clientId === FULL_APP)!.secret!;
    await addSecretTenant(wb.page, 'Contoso', CONTOSO, FULL_APP, secret);
    await runCommand(wb.page, 'Notifications: Clear All Notifications');
    // Room for the tenant tree: fold the Risky Users view.
    await wb.page.locator('.part.sidebar .pane-header', { hasText: 'Risky Users' }).click();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb.screenshot(`failed-o365-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await wb?.close();
    await emulator?.close();
  });

  const tenants = () => wb.page.locator('.part.sidebar .pane', { has: wb.page.locator('.pane-header', { hasText: 'Tenants' }) });
  const contentRow = (name: string) => tenants().locator('.monaco-list-rows .monaco-list-row', { hasText: name }).first();

  it('shows each content type with its subscription state, and starts one from the menu', async () => {
    const page = wb.page;
    await tenants().locator('.monaco-list-row', { hasText: 'Contoso' }).first().click();
    await tenants().locator('.monaco-list-row', { hasText: 'Office 365 activity' }).first().click();
    await contentRow('Audit.AzureActiveDirectory').waitFor({ timeout: 30_000 });
    assert.match(await contentRow('Audit.AzureActiveDirectory').innerText(), /not subscribed/);
    await contentRow('Audit.AzureActiveDirectory').click({ button: 'right' });
    await pickMenuItem(page, 'Start Subscription');
    await page.locator('.notifications-toasts', { hasText: 'Subscribed to Audit.AzureActiveDirectory' }).waitFor({ timeout: 30_000 });
    await contentRow('Audit.AzureActiveDirectory').locator('.label-description', { hasText: /^subscribed$/ }).waitFor({ timeout: 15_000 });
    assert.strictEqual(emulator.subscriptions(CONTOSO)['Audit.AzureActiveDirectory'], 'enabled');
    await runCommand(page, 'Notifications: Clear All Notifications');
  });

  it('browses the last 24 hours into the results grid, newest first, and opens a record', async () => {
    const page = wb.page;
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
    await wb.screenshot('o365-browse-light');
    await grid.locator('[role="row"][aria-rowindex="2"]').dblclick();
    // The record opens in its own tab, titled by its operation and user.
    await page.locator('.tabs-container .tab').nth(1).waitFor({ timeout: 30_000 });
    const detail = page.frameLocator('iframe.webview.ready >> nth=1').frameLocator('iframe#active-frame');
    await detail.getByText('Common fields').waitFor({ timeout: 30_000 });
    // Record type by name (the panel's text sits in shadow DOM, which getByText reaches).
    await detail.getByText(/^AzureActiveDirectory(StsLogon)? \(\d+\)$/).first().waitFor({ timeout: 10_000 });
    for (const theme of ['light', 'dark'] as const) {
      await wb.setTheme(theme);
      const file = await wb.screenshot(`o365-record-${theme}`);
      assert.ok(fs.statSync(file).size > 20_000);
    }
    await wb.setTheme('light');
  });

  it('exports the panel’s content type to NDJSON from its Export… button, verified by the manifest', async () => {
    const page = wb.page;
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
      await wb.screenshot('o365-export-done-light');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
