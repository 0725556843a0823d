import * as assert from 'assert';
import { type Emulator, startEmulator } from '../../src/emulator';
import { answer, choose, clickViewAction, openContainer, openWorkbench, runCommand, type Workbench } from './workbench';

const DEVICE_APP = 'c0000000-0000-4000-8000-00000000000e';
const LIMITED_APP = 'c0000000-0000-4000-8000-00000000000b';

describe('Sign-in (e2e: the real quick pick, device code approved in the fake tenant)', function () {
  let emulator: Emulator;
  let wb: Workbench;

  before(async () => {
    emulator = await startEmulator({ signIns: 300, deviceCodeIntervalSeconds: 1, throttling: false });
    wb = await openWorkbench({ settings: { 'identityLogs.fakeTenant.origin': emulator.origin, 'identityLogs.fakeTenant.caCertificatePath': emulator.info.caCertPath } });
  });

  after(async () => {
    await wb?.close();
    await emulator?.close();
  });

  it('adds a device-code tenant through Add Tenant and turns signed-in once the code is approved', async () => {
    const page = wb.page;
    await openContainer(page, 'Identity Logs');
    await page.locator('.welcome-view-content').getByRole('button', { name: 'Add Tenant' }).click();
    await answer(page, 'Contoso');
    await answer(page, 'contoso.onmicrosoft.com');
    await choose(page, 'Local fake tenant');
    await choose(page, 'Delegated: sign in as yourself');
    await answer(page, DEVICE_APP);

    let pending: { userCode: string }[] = [];
    for (let i = 0; i < 150 && pending.length === 0; i++) {
      await page.waitForTimeout(100);
      pending = emulator.pendingDeviceCodes();
    }
    assert.strictEqual(pending.length, 1);
    const code = pending[0].userCode;
    await page.locator('.notifications-toasts', { hasText: code }).first().waitFor({ timeout: 15_000 });
    await wb.screenshot('signin-device-code-prompt');
    emulator.approveDeviceCode(code, 'secops@contoso.onmicrosoft.com');

    const node = page.locator('.part.sidebar .monaco-list-row', { hasText: 'Contoso' });
    await node.locator('.label-description', { hasText: 'signed in as secops@contoso.onmicrosoft.com' }).waitFor({ timeout: 30_000 });
    await runCommand(page, 'Notifications: Clear All Notifications');
    for (const theme of ['light', 'dark'] as const) {
      await wb.setTheme(theme);
      await wb.screenshot(`tenants-signed-in-${theme}`);
    }
  });

  it('diagnoses an app missing Directory.Read.All and Policy.Read.All', async () => {
    const page = wb.page;
    const secret = emulator.info.tenants[0].apps.find((a) => a.clientId === LIMITED_APP)!.secret!;
    await clickViewAction(page, 'Tenants', 'Add Tenant');
    await answer(page, 'Contoso log reader');
    await answer(page, '11111111-1111-4111-8111-111111111111');
    await choose(page, 'Local fake tenant');
    await choose(page, 'App client secret');
    await answer(page, LIMITED_APP);
    await answer(page, secret);
    const node = page.locator('.part.sidebar .monaco-list-row', { hasText: 'Contoso log reader' });
    await node.locator('.label-description', { hasText: 'signed in' }).waitFor({ timeout: 30_000 });
    await runCommand(page, 'Notifications: Clear All Notifications');
    await node.click({ button: 'right' });
    const item = page.locator('.context-view .action-item', { hasText: 'Diagnose Permissions' });
    await item.hover();
    await page.waitForTimeout(200);
    await page.keyboard.press('Enter');
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await preview.locator('table').waitFor({ timeout: 30_000 });
    const text = await preview.locator('body').innerText();
    assert.match(text, /Sign-ins\s+missing/);
    assert.match(text, /Grant the application permission Directory\.Read\.All/);
    assert.match(text, /Conditional access details on sign-ins\s+missing/);
    assert.match(text, /Directory audits\s+allowed/);
    assert.match(text, /adminconsent\?client_id=c0000000-0000-4000-8000-00000000000b/);
    for (const theme of ['dark', 'light'] as const) {
      await wb.setTheme(theme);
      await wb.screenshot(`diagnose-permissions-${theme}`);
    }
  });
});
