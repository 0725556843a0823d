import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type FrameLocator } from 'playwright-core';
import { type Emulator, startEmulator } from '../../src/emulator';
import type { ExportManifest } from '../../src/core/export/manifest';
import { addSecretTenant, answerSaveDialog, choose, openContainer, openWorkbench, runCommand, type Workbench } from './workbench';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';

describe('Export from the results panel (e2e)', function () {
  let emulator: Emulator;
  let wb: Workbench;
  let grid: FrameLocator;
  let dir: string;

  before(async () => {
    emulator = await startEmulator({ signIns: 12_000, throttling: true, timeScale: 0.1 });
    wb = await openWorkbench({ settings: { 'identityLogs.fakeTenant.origin': emulator.origin, 'identityLogs.fakeTenant.caCertificatePath': emulator.info.caCertPath } });
    await openContainer(wb.page, 'Identity Logs');
    const secret = emulator.info.tenants[0].apps.find((a) => a.clientId === FULL_APP)!.secret!;
    await addSecretTenant(wb.page, 'Contoso', CONTOSO, FULL_APP, secret);
    await runCommand(wb.page, 'Notifications: Clear All Notifications');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ile-e2e-export-'));
  });

  after(async () => {
    await wb?.close();
    await emulator?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('streams 7 days of sign-ins to NDJSON with progress in the panel and a notification, then opens the manifest', async () => {
    const page = wb.page;
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Contoso' }).first().click();
    await page.locator('.part.sidebar .monaco-list-row[aria-label^="Interactive sign-ins:"]').click();
    await choose(page, 'Run query');
    grid = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await grid.locator('.status', { hasText: /all loaded|paused/ }).waitFor({ timeout: 60_000 });
    await runCommand(page, 'Notifications: Clear All Notifications');

    await grid.locator('vscode-button', { hasText: 'Export…' }).click();
    await choose(page, 'NDJSON');
    await choose(page, 'Last 7 days');
    await choose(page, 'One file');
    const target = path.join(dir, 'contoso-7-days.ndjson');
    await answerSaveDialog(page, target);

    const banner = grid.locator('.exporting');
    await banner.filter({ hasText: /\d+ rows/ }).waitFor({ timeout: 60_000 });
    const progress = await banner.innerText();
    assert.match(progress, /Exporting to contoso-7-days\.ndjson: [\d,]+ rows · \d of 8 days done/);
    await page.locator('.notifications-toasts', { hasText: 'Exporting Interactive sign-ins · Contoso' }).waitFor({ timeout: 10_000 });
    await wb.screenshot('export-progress-light');
    await wb.setTheme('dark');
    await wb.screenshot('export-progress-dark');

    await banner.filter({ hasText: 'complete, verified by its manifest' }).waitFor({ timeout: 180_000 });
    assert.ok(!fs.existsSync(`${target}.partial`) && !fs.existsSync(`${target}.checkpoint.json`), 'only the finished file and its manifest remain');
    const manifest = JSON.parse(fs.readFileSync(`${target}.manifest.json`, 'utf8')) as ExportManifest;
    const lines = fs.readFileSync(target, 'utf8').split('\n').filter((l) => l !== '');
    assert.strictEqual(manifest.complete, true);
    assert.strictEqual(manifest.rows, lines.length);
    assert.strictEqual(manifest.windows.length, 8);
    await wb.screenshot('export-done-dark');

    await banner.locator('vscode-button', { hasText: 'Open manifest' }).click();
    await page.locator('.tabs-container .tab', { hasText: 'contoso-7-days.ndjson.manifest.json' }).waitFor({ timeout: 15_000 });
    // Monaco renders spaces as no-break spaces.
    const editorText = (await page.locator('.editor-instance .view-lines').innerText()).replace(/\u00a0/g, ' ');
    assert.match(editorText, /"complete": true/);
    await wb.screenshot('export-manifest-dark');
    await wb.setTheme('light');
    await wb.screenshot('export-manifest-light');
  });
});
