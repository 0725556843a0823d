import * as assert from 'assert';
import { FrameLocator } from 'playwright-core';
import { Emulator, startEmulator } from '../../src/emulator';
import { addSecretTenant, choose, openContainer, openWorkbench, runCommand, Workbench } from './workbench';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';

describe('Query results (e2e: failed sign-ins of the last 24 h from the tree)', function () {
  let emulator: Emulator;
  let wb: Workbench;
  let grid: FrameLocator;

  before(async () => {
    emulator = await startEmulator({ signIns: 6000, throttling: true, timeScale: 0.1 });
    wb = await openWorkbench({ settings: { 'identityLogs.fakeTenant.origin': emulator.origin, 'identityLogs.fakeTenant.caCertificatePath': emulator.info.caCertPath } });
    await openContainer(wb.page, 'Identity Logs');
    const secret = emulator.info.tenants[0].apps.find((a) => a.clientId === FULL_APP)!.secret!;
    await addSecretTenant(wb.page, 'Contoso', CONTOSO, FULL_APP, secret);
    await runCommand(wb.page, 'Notifications: Clear All Notifications');
  });

  after(async () => {
    await wb?.close();
    await emulator?.close();
  });

  it('runs the query from the tree and streams rows into the grid', async () => {
    const page = wb.page;
    const tenant = page.locator('.part.sidebar .monaco-list-row', { hasText: 'Contoso' }).first();
    await tenant.click();
    await page.locator('.part.sidebar .monaco-list-row[aria-label^="Interactive sign-ins:"]').click();
    await choose(page, 'Failures only');
    await choose(page, 'Run query');
    grid = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await grid.locator('[role="row"][aria-rowindex="2"]').waitFor({ timeout: 60_000 });
    await grid.locator('.status', { hasText: /all loaded|paused/ }).waitFor({ timeout: 60_000 });
    const status = await grid.locator('.status').innerText();
    const [shown, loaded] = [...status.matchAll(/([\d,]+)/g)].map((m) => Number(m[1].replace(/,/g, '')));
    assert.ok(loaded > 200, status);
    assert.ok(shown > 10 && shown < loaded, `failures only applies to loaded rows: ${status}`);
    // Rows are laid out one under another (positions are set through the CSSOM: the CSP forbids style attributes).
    const y2 = (await grid.locator('[role="row"][aria-rowindex="2"]').boundingBox())!.y;
    const y3 = (await grid.locator('[role="row"][aria-rowindex="3"]').boundingBox())!.y;
    assert.strictEqual(Math.round(y3 - y2), 24);
    await runCommand(page, 'Notifications: Clear All Notifications');
    await wb.screenshot('results-failed-sign-ins-loaded');
    const cells = await grid.locator('[role="row"] [role="gridcell"]:nth-child(2)').allInnerTexts();
    assert.ok(cells.length > 5 && cells.every((t) => /^(Failure|Interrupted) \d+$/.test(t)), cells.slice(0, 5).join(' | '));
  });

  it('sorts by a column', async () => {
    await grid.locator('[role="columnheader"]', { hasText: 'User' }).first().click();
    const users = await grid.locator('[role="row"][aria-rowindex] [role="gridcell"]:nth-child(3)').allInnerTexts();
    const sorted = [...users].sort((a, b) => a.localeCompare(b));
    assert.deepStrictEqual(users.slice(0, 10), sorted.slice(0, 10));
    assert.strictEqual(await grid.locator('[role="columnheader"][aria-sort="ascending"]').innerText().then((t) => t.startsWith('User')), true);
  });

  it('applies a client-side conditional access filter Graph cannot do', async () => {
    const before = await grid.locator('.status').innerText();
    // Chosen the way the select itself reports a choice: set its value and fire change.
    const select = grid.locator('vscode-single-select[aria-label="Conditional access result"]');
    await select.evaluate((el: { value: string; dispatchEvent(e: Event): boolean }) => {
      el.value = 'reportOnlyFailure';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await grid.locator('.status').filter({ hasNotText: before }).waitFor({ timeout: 10_000 });
    const after = await grid.locator('.status').innerText();
    assert.ok(Number(after.split(' ')[0].replace(/,/g, '')) < Number(before.split(' ')[0].replace(/,/g, '')), `${before} → ${after}`);
    for (const theme of ['light', 'dark'] as const) {
      await wb.setTheme(theme);
      await wb.screenshot(`results-failed-sign-ins-${theme}`);
    }
  });
});
