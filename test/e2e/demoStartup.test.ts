import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openWorkbench, type Workbench } from './workbench';

describe('npm run demo’s first screen (e2e: prepareOnStartup in a fresh profile)', function () {
  let wb: Workbench;
  let folder: string;

  before(async () => {
    // What scripts/demoServer.ts makes: a workspace with the marker file, and the setting in its profile.
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'idlog-demo-e2e-'));
    fs.writeFileSync(path.join(folder, '.identity-logs-demo'), 'demo\n');
    wb = await openWorkbench({ folder, settings: { 'identityLogs.demo.prepareOnStartup': true } });
  });

  after(async () => {
    await wb?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('opens on Identity Logs with the demo tenant added, labelled Demo, and signed in', async () => {
    const page = wb.page;
    const container = page.locator('.activitybar .action-item.checked a[aria-label^="Identity Logs"]');
    await container.waitFor({ timeout: 60_000 });
    const tenant = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Tenants' }) }).locator('.monaco-list-row', { hasText: 'Contoso' }).first();
    await tenant.locator('.label-description', { hasText: /signed in · Demo/ }).waitFor({ timeout: 60_000 });
    // With one tenant, the Risky Users view shows it at once.
    const risky = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Risky Users' }) });
    await risky.locator('.monaco-list-rows .monaco-list-row', { hasText: /High risk \(\d+\)/ }).first().waitFor({ timeout: 60_000 });
    await wb.screenshot('demo-first-screen-light');
    assert.match(await tenant.locator('.label-description').innerText(), /^signed in · Demo$/);
  });
});
