import * as assert from 'assert';
import { elementContrast } from './contrast';
import { openContainer, openWorkbench, type Workbench } from './workbench';

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

  it('Add Tenant starts the first of six questions (the sixth is the app credential), and Escape leaves without adding anything', async () => {
    await wb.page.locator('.welcome-view-content').getByRole('button', { name: 'Add Tenant' }).click();
    const widget = wb.page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: 'Add Tenant' }).waitFor({ timeout: 15_000 });
    assert.match(await widget.innerText(), /A name for this tenant in the sidebar/);
    assert.match(await widget.innerText(), /1\/6/);
    await wb.page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: 15_000 });
    const tenantsPane = wb.page.locator('.part.sidebar .pane', { has: wb.page.locator('.pane-header', { hasText: 'Tenants' }) });
    assert.strictEqual(await tenantsPane.locator('.welcome-view-content').isVisible(), true);
  });

  for (const theme of ['light', 'dark', 'hcDark'] as const) {
    it(`the welcome text and its button stay readable in the ${theme} theme`, async () => {
      await wb.setTheme(theme);
      await wb.screenshot(`tenants-welcome-${theme}`);
      const welcome = wb.page.locator('.part.sidebar .welcome-view-content');
      for (const [what, el] of [
        ['welcome text', welcome.locator('p').first()],
        ['Add Tenant button', welcome.getByRole('button', { name: 'Add Tenant' })],
      ] as const) {
        const c = await elementContrast(el);
        assert.ok(c.ratio >= 4.5, `${theme}: ${what} ${c.foreground} on ${c.background} is ${c.ratio.toFixed(2)}:1`);
      }
    });
  }
});
