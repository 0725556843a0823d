import * as assert from 'assert';
import { type Emulator, startEmulator } from '../../src/emulator';
import { addSecretTenant, choose, openContainer, openWorkbench, runCommand, type Workbench } from './workbench';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';

describe('Directory audit detail (e2e)', function () {
  let emulator: Emulator;
  let wb: Workbench;

  before(async () => {
    emulator = await startEmulator({ signIns: 2000, throttling: false });
    wb = await openWorkbench({ settings: { 'identityLogs.fakeTenant.origin': emulator.origin, 'identityLogs.fakeTenant.caCertificatePath': emulator.info.caCertPath } });
    await openContainer(wb.page, 'Identity Logs');
    await addSecretTenant(wb.page, 'Contoso', CONTOSO, FULL_APP, emulator.info.tenants[0].apps.find((a) => a.clientId === FULL_APP)!.secret!);
    await runCommand(wb.page, 'Notifications: Clear All Notifications');
  });

  after(async () => {
    await wb?.close();
    await emulator?.close();
  });

  it('opens an audit with modified properties from the grid: old → new with a diff', async () => {
    const page = wb.page;
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Contoso' }).first().click();
    await page.locator('.part.sidebar .monaco-list-row[aria-label^="Directory audits:"]').click();
    await choose(page, 'Run query');
    const grid = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await grid.locator('[role="row"][aria-rowindex="2"]').waitFor({ timeout: 30_000 });
    const row = grid.locator('[role="row"][aria-rowindex]', { hasText: 'Update user' }).first();
    await row.dblclick();
    const detail = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    await detail.locator('h1', { hasText: 'Update user' }).waitFor({ timeout: 30_000 });
    const changes = detail.locator('.change');
    assert.ok((await changes.count()) >= 2);
    // An update lists what it changed, old → new, and the value really changed.
    const first = await changes.first().innerText();
    const m = /(AccountEnabled|JobTitle|Department|DisplayName)[\s\S]*?(\[[^\]]*\])[\s\S]*?→[\s\S]*?(\[[^\]]*\])/.exec(first);
    assert.ok(m && m[2] !== m[3], first);
    for (const theme of ['light', 'dark'] as const) {
      await wb.setTheme(theme);
      await wb.screenshot(`audit-detail-modified-${theme}`);
    }
  });
});
