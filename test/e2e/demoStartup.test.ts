import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { elementContrast } from './contrast';
import { openWorkbench, runCommand, type Workbench } from './workbench';

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
    // The picker's rows render a moment after it opens.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'A risky admin' }).waitFor({ timeout: 15_000 });
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

  it('the phish’s Graph requests from the demo’s workspace: the inbox rule in the timeline opens its detail, whose token leads to every request made with it', async () => {
    const page = wb.page;
    const timeline = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    const graph = timeline.locator('.source[data-source="graphActivity"]');
    assert.strictEqual(await graph.getAttribute('data-state'), 'read');
    assert.match(await graph.innerText(), /^Graph requests \(workspace\): \d+ \(from contoso-sentinel\)$/);
    const rule = timeline.locator('li.entry', { hasText: 'POST /v1.0/me/mailFolders/inbox/messageRules' }).first();
    await rule.scrollIntoViewIfNeeded();
    assert.match(await rule.innerText(), /HTTP 201/);
    await wb.screenshot('demo-story-phish-timeline-graph-requests-light');
    await rule.click();
    await page.locator('.tabs-container .tab.active', { hasText: 'POST /v1.0/me/mailFolders/inbox/messageRules · HTTP 201' }).waitFor({ timeout: 30_000 });
    const detail = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    await detail.locator('h1', { hasText: 'POST /v1.0/me/mailFolders/inbox/messageRules' }).waitFor({ timeout: 30_000 });
    for (const theme of ['light', 'dark', 'hcDark'] as const) {
      await wb.setTheme(theme);
      await wb.screenshot(`graph-activity-detail-${theme}`);
      const { ratio, foreground, background } = await elementContrast(detail.locator('.badge').first());
      assert.ok(ratio >= 4.5, `${theme}: the status badge ${foreground} on ${background} is ${ratio.toFixed(2)}:1`);
    }
    await wb.setTheme('light');
    // Text inside the app's shadow root: Playwright's locators reach it where innerText does not.
    assert.ok((await detail.getByText('198.51.100.77', { exact: true }).count()) >= 1, 'from the attacker’s address');
    assert.ok((await detail.getByText(/^python-requests\//).count()) >= 1, 'by a script');
    // Every request of that token: the attacker's whole script, in a grid of Graph activity.
    await detail.locator('ul.pivots button', { hasText: 'Every Graph request made with this token' }).click();
    const grid = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    await grid.locator('.status', { hasText: /all loaded/ }).waitFor({ timeout: 60_000 });
    await page.locator('.tabs-container .tab.active', { hasText: 'Graph activity (MicrosoftGraphActivityLogs)' }).waitFor({ timeout: 10_000 });
    const requests = (await grid.locator('.tr [data-column="requestUri"]').allInnerTexts()).map((t) => t.trim().replace('https://graph.microsoft.com', ''));
    assert.strictEqual(requests.length, 6, requests.join(' | '));
    assert.ok(requests.includes('/v1.0/me/mailFolders/inbox/messageRules') && requests.includes('/v1.0/users?$top=999&$select=displayName,mail,jobTitle'), requests.join(' | '));
    const addresses = await grid.locator('.tr [data-column="ipAddress"]').allInnerTexts();
    assert.ok(addresses.every((a) => a.trim() === '198.51.100.77'), addresses.join(' | '));
    for (const theme of ['light', 'dark', 'hcDark'] as const) {
      await wb.setTheme(theme);
      await wb.screenshot(`graph-activity-token-grid-${theme}`);
    }
    await wb.setTheme('light');
  });

  it('from the phish’s device-code sign-in: its panel’s “Graph requests made with this token” shows what the attacker did with it', async () => {
    const page = wb.page;
    await runCommand(page, 'View: Close All Editors');
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Follow the seeded attack story…' }).click();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Device-code phish' }).click();
    const timeline = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    await timeline.locator('.source[data-source="graphActivity"][data-state="read"]').waitFor({ timeout: 60_000 });
    await timeline.locator('li.entry', { hasText: 'Device code' }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'Sign-in:' }).waitFor({ timeout: 30_000 });
    const panel = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    const link = panel.locator('button.token-activity');
    await link.waitFor({ timeout: 30_000 });
    await link.scrollIntoViewIfNeeded();
    for (const theme of ['light', 'dark', 'hcDark'] as const) {
      await wb.setTheme(theme);
      await wb.screenshot(`signin-detail-token-activity-${theme}`);
      const { ratio, foreground, background } = await elementContrast(link);
      assert.ok(ratio >= 4.5, `${theme}: the link ${foreground} on ${background} is ${ratio.toFixed(2)}:1`);
    }
    await wb.setTheme('light');
    await link.click();
    const grid = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    await page.locator('.tabs-container .tab.active', { hasText: 'Graph activity (MicrosoftGraphActivityLogs)' }).waitFor({ timeout: 30_000 });
    await grid.locator('.status', { hasText: /all loaded/ }).waitFor({ timeout: 60_000 });
    const addresses = await grid.locator('.tr [data-column="ipAddress"]').allInnerTexts();
    assert.strictEqual(addresses.length, 6, addresses.join(' | '));
    assert.ok(addresses.every((a) => a.trim() === '198.51.100.77'), 'the victim signed in at home; the token was used from the attacker’s address');
  });
});
