import * as assert from 'assert';
import { type Locator } from 'playwright-core';
import { type Emulator, startEmulator } from '../../src/emulator';
import { addSecretTenant, choose, openContainer, openWorkbench, pickMenuItem, runCommand, type Workbench } from './workbench';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';

describe('Risky users triage (e2e: multi-select three users, dismiss, see them move)', function () {
  let emulator: Emulator;
  let wb: Workbench;
  let pane: Locator;
  let chosen: { id: string; name: string; upn: string }[] = [];

  before(async () => {
    emulator = await startEmulator({ signIns: 1500, sizes: { users: 400 }, throttling: true, timeScale: 0.1 });
    // Selecting users by click must not expand them: an expansion loads children and moves the
    // rows under the pointer (the next right-click then lands on a history item).
    wb = await openWorkbench({ settings: { 'identityLogs.fakeTenant.origin': emulator.origin, 'identityLogs.fakeTenant.caCertificatePath': emulator.info.caCertPath, 'workbench.tree.expandMode': 'doubleClick' } });
    await openContainer(wb.page, 'Identity Logs');
    const secret = emulator.info.tenants[0].apps.find((a) => a.clientId === FULL_APP)!.secret!;
    await addSecretTenant(wb.page, 'Contoso', CONTOSO, FULL_APP, secret);
    await runCommand(wb.page, 'Notifications: Clear All Notifications');
    // Room for the triage list: fold the Tenants view.
    await wb.page.locator('.part.sidebar .pane-header', { hasText: 'Tenants' }).click();
    pane = wb.page.locator('.part.sidebar .pane', { has: wb.page.locator('.pane-header', { hasText: 'Risky Users' }) });
    // The three newest high-risk users still at risk, as the view orders them (names without markup, to find them by).
    chosen = [...emulator.datasets.get(CONTOSO)!.riskyUsers.values()]
      .filter((u) => u.riskLevel === 'high' && u.riskState === 'atRisk' && /^[\p{L} .'-]+$/u.test(u.userDisplayName))
      .sort((a, b) => (a.riskLastUpdatedDateTime < b.riskLastUpdatedDateTime ? 1 : -1))
      .slice(0, 3)
      .map((u) => ({ id: u.id, name: u.userDisplayName, upn: u.userPrincipalName }));
    assert.strictEqual(chosen.length, 3);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb.screenshot(`failed-triage-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await wb?.close();
    await emulator?.close();
  });

  // The tree draws only the rows in view: scroll as a person would.
  const scroll = async (dy: number) => {
    await pane.locator('.pane-body').hover();
    for (let k = 0; k < 10; k++) await wb.page.mouse.wheel(0, dy);
    await wb.page.waitForTimeout(300);
  };
  const toBottom = () => scroll(2000);
  /** Scrolls until the row is drawn (the tree may redraw while new data arrives). */
  const untilShown = async (target: Locator, move: () => Promise<void>) => {
    for (let k = 0; k < 20 && !(await target.isVisible()); k++) await move();
    await target.waitFor({ timeout: 5_000 });
  };
  const toTop = () => scroll(-2000);
  const row = (u: { name: string; upn: string }, state: string) => pane.locator(`.monaco-list-rows .monaco-list-row[aria-label^="${u.name}, ${u.upn}, "][aria-label*=", ${state}, "]`);

  it('lists the tenant’s risky users grouped by level and state, with counts', async () => {
    await pane.locator('.monaco-list-rows .monaco-list-row', { hasText: /High risk \(\d+\)/ }).first().waitFor({ timeout: 60_000 });
    const description = await pane.locator('.pane-header .description').innerText();
    assert.match(description, /Contoso.*open risk only/);
    for (const u of chosen) await row(u, 'At risk').waitFor({ timeout: 15_000 });
    const levels = await pane.locator('.monaco-list-row[aria-level="1"]').allInnerTexts();
    assert.match(levels[0], /High risk \(\d+\)/, levels.join(' | '));
  });

  it('shows dismissed users too once the filter includes closed risk', async () => {
    await runCommand(wb.page, 'Identity Logs: Filter Risky Users…');
    const include = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Include dismissed and remediated' });
    await include.waitFor({ timeout: 15_000 });
    await include.locator('.monaco-checkbox, input[type=checkbox]').first().click();
    await wb.page.locator('.quick-input-widget input.input').press('Enter');
    await choose(wb.page, 'Any time');
    await untilShown(pane.locator('.monaco-list-rows .monaco-list-row', { hasText: /No risk \(\d+\)/ }).first(), toBottom);
    await toTop();
    assert.match(await pane.locator('.pane-header .description').innerText(), /all levels/);
    assert.doesNotMatch(await pane.locator('.pane-header .description').innerText(), /open risk only/);
  });

  it('multi-selects three users, asks before dismissing them, then moves them to No risk › Dismissed', async () => {
    const page = wb.page;
    await row(chosen[0], 'At risk').click();
    await row(chosen[1], 'At risk').click({ modifiers: ['Control'] });
    await row(chosen[2], 'At risk').click({ modifiers: ['Control'] });
    assert.strictEqual(await pane.locator('.monaco-list-row.selected').count(), 3);
    await row(chosen[2], 'At risk').click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu');
    await menu.waitFor({ timeout: 10_000 });
    const items = await menu.locator('.action-label').allInnerTexts();
    assert.ok(items.includes('Confirm Compromised') && items.includes('Dismiss Risk') && items.includes('Show Sign-ins (Last 7 Days)'), items.join(' | '));
    await pickMenuItem(page, 'Dismiss Risk');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    const text = await dialog.innerText();
    assert.match(text, /Dismiss risk for 3 users in Contoso\?/);
    for (const u of chosen) assert.ok(text.includes(u.upn), `the dialog names ${u.upn}`);
    // App-only sign-in: the history names the app, and the dialog says so.
    assert.match(text, new RegExp(`history records this tenant's app \\(client id ${FULL_APP}; the sign-in is app-only, so no person is named\\) as the actor`));
    // Enter must not dismiss: the focused (default) button is the safe one.
    assert.strictEqual(String(await page.evaluate('document.activeElement ? document.activeElement.textContent : ""')).trim(), 'Keep as Is');
    await wb.screenshot('triage-dismiss-confirm-light');
    await dialog.getByRole('button', { name: 'Dismiss Risk' }).click();
    await page.locator('.notifications-toasts', { hasText: 'Dismissed 3 users in Contoso (1 call)' }).waitFor({ timeout: 30_000 });
    await toTop();
    // The tree redraws a moment after the extension reloads it: wait for the old rows to go.
    for (const u of chosen) await row(u, 'At risk').waitFor({ state: 'detached', timeout: 15_000 });
    for (const u of chosen) await untilShown(row(u, 'Dismissed'), toBottom);
    // The fake tenant agrees, and kept one call for the three.
    const data = emulator.datasets.get(CONTOSO)!.riskyUsers;
    for (const u of chosen) assert.strictEqual(data.get(u.id)!.riskState, 'dismissed');
    assert.deepStrictEqual(
      emulator.riskActions().map((a) => [a.action, a.ids.length, a.status]),
      [['dismiss', 3, 204]],
    );
  });

  it('opens a dismissed user: the new history item names the actor', async () => {
    const user = row(chosen[0], 'Dismissed');
    if ((await user.getAttribute('aria-expanded')) !== 'true') await user.locator('.monaco-tl-twistie').click();
    const item = pane.locator('.monaco-list-rows .monaco-list-row', { hasText: 'Dismissed · no risk' }).first();
    await item.waitFor({ timeout: 30_000 });
    assert.match(await item.innerText(), new RegExp(`by ${FULL_APP} \\(this tenant's app in Identity Log Explorer\\)`));
    await runCommand(wb.page, 'Notifications: Clear All Notifications');
  });

  for (const theme of ['light', 'dark', 'hcDark', 'hcLight'] as const) {
    it(`in the ${theme} theme the dismissed users still read as dismissed`, async () => {
      await wb.setTheme(theme);
      await wb.screenshot(`triage-after-dismiss-${theme}`);
      // What the screenshot shows is what the tree says: each dismissed user is listed as dismissed.
      await toTop();
      for (const u of chosen) await untilShown(row(u, 'Dismissed'), toBottom);
    });
  }
});
