const { openWorkbench, openContainer, runCommand } = require('./out/test/e2e/workbench.js');
const { startEmulator } = require('./out/src/emulator');
(async () => {
  const emulator = await startEmulator({ signIns: 300, deviceCodeIntervalSeconds: 1, throttling: false });
  const wb = await openWorkbench({ settings: { 'identityLogs.fakeTenant.origin': emulator.origin, 'identityLogs.fakeTenant.caCertificatePath': emulator.info.caCertPath } });
  const page = wb.page;
  try {
    await openContainer(page, 'Identity Logs');
    await page.locator('.welcome-view-content').getByRole('button', { name: 'Add Tenant' }).click();
    const answer = async (t) => { const i = page.locator('.quick-input-widget input.input'); await i.waitFor(); await i.fill(t); await page.waitForTimeout(150); await i.press('Enter'); };
    const choose = async (t) => { const r = page.locator('.quick-input-list .monaco-list-row', { hasText: t }).first(); await r.waitFor(); await r.click(); };
    await answer('Contoso'); await answer('contoso.onmicrosoft.com'); await choose('Local fake tenant'); await choose('Delegated: sign in as yourself'); await answer('c0000000-0000-4000-8000-00000000000e');
    let pending = [];
    for (let i = 0; i < 150 && pending.length === 0; i++) { await page.waitForTimeout(100); pending = emulator.pendingDeviceCodes(); }
    emulator.approveDeviceCode(pending[0].userCode, 'secops@contoso.onmicrosoft.com');
    await page.waitForTimeout(5000);
    await page.screenshot({ path: '/tmp/dbg2.png' });
    console.log(await page.locator('.part.sidebar').innerText());
    await runCommand(page, 'Identity Logs: Show Log');
    await page.waitForTimeout(1500);
    console.log(await page.locator('.part.panel').innerText());
  } finally { await wb.close(); await emulator.close(); }
})();
