/**
 * `npm run screenshots`: the README's pictures, taken from the real extension in code-server with
 * the demo tenant, so they stay true as the UI changes. Writes media/screenshots/*.png.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './codeServer';
import { choose, openContainer, openWorkbench, runCommand } from '../test/e2e/workbench';

const OUT = path.join(REPO_ROOT, 'media', 'screenshots');

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const wb = await openWorkbench({ settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
  const page = wb.page;
  const shot = async (name: string) => {
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(OUT, `${name}.png`) });
    console.log(`media/screenshots/${name}.png`);
  };
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openContainer(page, 'Identity Logs');
    // Both views offer the demo tenant; use the Tenants view's button.
    const tenantsPane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Tenants' }) });
    await tenantsPane.locator('.welcome-view-content').getByRole('button', { name: 'Try the Demo Tenant' }).click();
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Contoso' }).locator('.label-description', { hasText: 'signed in' }).first().waitFor({ timeout: 60_000 });
    await runCommand(page, 'Notifications: Clear All Notifications');
    // The demo tenant is shown expanded.
    await page.locator('.part.sidebar .monaco-list-row[aria-label^="Interactive sign-ins:"]').click();
    await choose(page, 'Failures only');
    await choose(page, 'Run query');
    const grid = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await grid.locator('.status', { hasText: /all loaded|paused/ }).waitFor({ timeout: 120_000 });
    // The hero shows a settled window: the Risky Users view done reading too.
    const riskyPane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Risky Users' }) });
    await riskyPane.locator('.monaco-list-rows .monaco-list-row', { hasText: /High risk \(\d+\)/ }).first().waitFor({ timeout: 60_000 });
    await runCommand(page, 'Notifications: Clear All Notifications');
    await shot('results-grid');
    await grid.locator('[role="row"][aria-rowindex]', { hasText: 'Failure 53003' }).first().dblclick();
    const detail = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    await detail.locator('table[aria-label="Applied conditional access policies"]').waitFor({ timeout: 60_000 });
    await shot('signin-detail');
    await runCommand(page, 'View: Close All Editors');
    // Risky-user triage: the Tenants view folded so the list has the sidebar.
    await page.locator('.part.sidebar .pane-header', { hasText: 'Tenants' }).click();
    const risky = riskyPane;
    await risky.locator('.monaco-list-rows .monaco-list-row', { hasText: /High risk \(\d+\)/ }).first().waitFor({ timeout: 60_000 });
    await risky.locator('.monaco-list-rows .monaco-list-row[aria-level="3"]').first().locator('.monaco-tl-twistie').click();
    await risky.locator('.monaco-list-rows .monaco-list-row', { hasText: /^History \(\d+\)/ }).first().waitFor({ timeout: 30_000 });
    await runCommand(page, 'Notifications: Clear All Notifications');
    await shot('risky-users');
    await page.locator('.part.sidebar .pane-header', { hasText: 'Tenants' }).click();
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await choose(page, 'Get started with Identity Log Explorer');
    await page.locator('.gettingStartedContainer .getting-started-step', { hasText: 'Try the demo tenant' }).first().waitFor({ timeout: 30_000 });
    await shot('walkthrough');
  } finally {
    await wb.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
