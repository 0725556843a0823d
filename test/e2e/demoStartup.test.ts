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
    // The first line under the demo tenant leads to what there is to find in it.
    const story = page.locator('.part.sidebar .monaco-list-row', { hasText: 'Follow the seeded attack story…' });
    await story.waitFor({ timeout: 30_000 });
    await wb.screenshot('demo-first-screen-light');
    assert.match(await tenant.locator('.label-description').innerText(), /^signed in · Demo$/);
    await story.click();
    const beats = (await page.locator('.quick-input-list .monaco-list-row').allInnerTexts()).map((t) => t.split('\n')[0].trim());
    assert.strictEqual(beats.length, 4, beats.join(' | '));
    for (const [k, want] of [/^Device-code phish: /, /^MFA fatigue: /, /^Password spray from AS64500$/, /^A risky admin: /].entries()) assert.match(beats[k], want);
    await wb.screenshot('demo-story-picker-light');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Device-code phish' }).click();
    const timeline = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    await timeline.locator('.sources .source').first().waitFor({ timeout: 60_000 });
    await timeline.locator('li.move.impossible').first().waitFor({ timeout: 30_000 });
    // Entra's Office 365 content is subscribed in the demo: the victim's logons are there too.
    assert.strictEqual(await timeline.locator('.source[data-source="o365"]').getAttribute('data-state'), 'read');
    await wb.screenshot('demo-story-phish-timeline-light');
  });
});
