import * as assert from 'assert';
import * as fs from 'fs';
import { openContainer, openWorkbench, runCommand, Workbench } from './workbench';

describe('Identity Logs container (e2e, code-server in Chromium)', function () {
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench();
  });

  after(async () => {
    await wb?.close();
  });

  it('shows the Tenants view with its welcome content and Add Tenant button', async () => {
    await openContainer(wb.page, 'Identity Logs');
    const sidebar = wb.page.locator('.part.sidebar');
    await sidebar.locator('.composite.title', { hasText: 'Identity Logs' }).waitFor({ timeout: 30_000 });
    const pane = sidebar.locator('.pane', { has: wb.page.locator('.pane-header', { hasText: 'Tenants' }) });
    await pane.waitFor();
    const welcome = pane.locator('.welcome-view-content');
    await welcome.waitFor({ timeout: 30_000 });
    assert.match(await welcome.innerText(), /No tenants yet/);
    const button = welcome.getByRole('button', { name: 'Add Tenant' });
    assert.strictEqual(await button.isVisible(), true);
  });

  it('says honestly that Add Tenant is not available yet', async () => {
    await wb.page.locator('.welcome-view-content').getByRole('button', { name: 'Add Tenant' }).click();
    const toast = wb.page.locator('.notification-toast', { hasText: 'Adding a tenant is not available in this build yet' });
    await toast.waitFor({ timeout: 15_000 });
    assert.strictEqual(await toast.isVisible(), true);
    await runCommand(wb.page, 'Notifications: Clear All Notifications');
    await toast.waitFor({ state: 'detached', timeout: 15_000 });
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`renders in the ${theme} theme`, async () => {
      await wb.setTheme(theme);
      const file = await wb.screenshot(`tenants-welcome-${theme}`);
      assert.ok(fs.statSync(file).size > 10_000, 'screenshot is suspiciously small');
    });
  }
});
