/**
 * Shared e2e helpers: a code-server with the development extension, a Chromium page on its
 * workbench, and the few gestures a person makes (open a container, switch theme, screenshot).
 */
import * as fs from 'fs';
import * as path from 'path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from '../../scripts/browser';
import { REPO_ROOT, remotePath, type RunningCodeServer, startCodeServer, workbenchUrl } from '../../scripts/codeServer';

export const ARTIFACTS = path.join(REPO_ROOT, 'test', 'e2e', 'artifacts');

export type Theme = 'light' | 'dark' | 'hcDark' | 'hcLight';
// `name` is the setting value, `label` what the theme picker shows for it.
const THEMES: Record<Theme, { name: string; label: string; bodyClass: string }> = {
  light: { name: 'Default Light Modern', label: 'Light Modern', bodyClass: 'vs' },
  dark: { name: 'Default Dark Modern', label: 'Dark Modern', bodyClass: 'vs-dark' },
  hcDark: { name: 'Default High Contrast', label: 'Dark High Contrast', bodyClass: 'hc-black' },
  hcLight: { name: 'Default High Contrast Light', label: 'Light High Contrast', bodyClass: 'hc-light' },
};

export interface Workbench {
  readonly server: RunningCodeServer;
  readonly browser: Browser;
  readonly page: Page;
  setTheme(theme: Theme): Promise<void>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openWorkbench(options: { settings?: Record<string, unknown>; env?: Record<string, string>; folder?: string } = {}): Promise<Workbench> {
  const settings = { 'workbench.colorTheme': THEMES.light.name, ...options.settings };
  const server = await startCodeServer({ folder: options.folder ?? path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), userSettings: settings, env: options.env });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(workbenchUrl(server, [['extensionDevelopmentPath', remotePath(server, REPO_ROOT)]]));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.activitybar').waitFor({ timeout: 60_000 });
    await waitForExtensions(page);
    const b = browser;
    return {
      server,
      browser: b,
      page,
      async setTheme(theme) {
        // As a person does it: the command palette's "Preferences: Color Theme" picker.
        await runCommand(page, 'Preferences: Color Theme');
        const input = page.locator('.quick-input-widget input.input');
        await input.fill(THEMES[theme].label);
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: THEMES[theme].label }).first();
        await row.waitFor();
        await row.click();
        await page.locator(`.monaco-workbench.${THEMES[theme].bodyClass}`).waitFor({ timeout: 30_000 });
        await page.waitForTimeout(300);
      },
      async screenshot(name) {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        const file = path.join(ARTIFACTS, `${name}.png`);
        await page.screenshot({ path: file });
        return file;
      },
      async close() {
        await b.close().catch(() => undefined);
        await server.stop();
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await server.stop();
    throw e;
  }
}

/**
 * A fresh profile has no extension cache: contributions (our container, the built-in themes) appear
 * only once the extension host has scanned and started, which the status bar reports.
 */
async function waitForExtensions(page: Page): Promise<void> {
  await page.locator('.activitybar a[aria-label^="Identity Logs"]').waitFor({ timeout: 60_000 });
  await page.locator('.statusbar', { hasText: 'Activating Extensions' }).waitFor({ state: 'detached', timeout: 60_000 });
}

/** Opens an activity-bar container by its title, as a person clicks it. */
export async function openContainer(page: Page, title: string): Promise<void> {
  const container = page.locator('.activitybar .action-item', { has: page.locator(`a[aria-label^="${title}"]`) });
  await container.waitFor({ timeout: 30_000 });
  if ((await container.getAttribute('class'))?.includes('checked')) return;
  await container.locator('a').click();
}

/** Runs a command from the command palette by its full title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input.input');
  // A webview taking focus just then (a panel brought to the front) closes the palette as it
  // opens; a person would press F1 again once it settled, and so does this.
  // It can also close between showing and typing (a new panel finishing its load), so showing
  // and typing are tried together.
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(`>${title}`, { timeout: 5_000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
  }
  // Click the exact entry: fuzzy matching can rank a longer title first.
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label^="${title},"], .quick-input-list .monaco-list-row[aria-label="${title}"]`).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
}

/** Types into the open quick input and accepts, as a person does. */
export async function answer(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(text);
  await page.waitForTimeout(150);
  await input.press('Enter');
  // The same input element serves the next step: wait until this step has gone (the next one
  // starts with another value, or the widget closes), or a quick typist fills the wrong step.
  // (A string expression: this file is compiled without the DOM library.)
  await page.waitForFunction(
    `(() => { const w = document.querySelector('.quick-input-widget'); const i = document.querySelector('.quick-input-widget input.input'); return !w || !w.checkVisibility() || !i || i.value !== ${JSON.stringify(text)}; })()`,
    undefined,
    { timeout: 15_000 },
  );
}

/** Picks the quick-pick row whose label contains the text. */
export async function choose(page: Page, text: string): Promise<void> {
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
  await row.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

/**
 * Answers a save dialog with a path. code-server's is VS Code's simple file dialog: a path in a
 * quick input, which fills in the suggested name once it has read the folder; type only after that.
 */
export async function answerSaveDialog(page: Page, target: string): Promise<void> {
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  const ext = target.slice(target.lastIndexOf('.'));
  await page.waitForFunction(`document.querySelector('.quick-input-widget input.input')?.value.endsWith(${JSON.stringify(ext)})`, undefined, { timeout: 15_000 });
  await input.fill(target);
  await page.waitForTimeout(200);
  await input.press('Enter');
}

/**
 * Clicks an action in a view's title. With more than one view in the container each view's
 * actions sit in its own pane header, shown while the pointer is over it: hover, then click.
 */
export async function clickViewAction(page: Page, view: string, action: string): Promise<void> {
  const header = page.locator('.part.sidebar .pane-header', { hasText: view }).first();
  await header.hover();
  await header.locator(`.actions a.action-label[aria-label^="${action}"]`).first().click();
}

/**
 * Picks an item of the open context menu as a person does with the keyboard: hover to focus it,
 * then Enter. A plain click can land while the menu is still laying out and be lost.
 */
export async function pickMenuItem(page: Page, label: string): Promise<void> {
  const menu = page.locator('.context-view .monaco-menu');
  await menu.waitFor({ timeout: 10_000 });
  const item = menu.locator('.action-item', { hasText: label }).first();
  await item.hover();
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Adds a client-secret tenant of the fake tenant through the real Add Tenant questions. */
export async function addSecretTenant(page: Page, name: string, tenant: string, clientId: string, secret: string): Promise<void> {
  // The view shows either its welcome content or the tenant tree; wait until it has rendered one.
  const welcome = page.locator('.welcome-view-content').getByRole('button', { name: 'Add Tenant' });
  await page.locator('.part.sidebar .welcome-view-content, .part.sidebar .monaco-list-row').first().waitFor({ timeout: 30_000 });
  if (await welcome.isVisible()) await welcome.click();
  else await clickViewAction(page, 'Tenants', 'Add Tenant');
  await page.locator('.quick-input-widget', { hasText: 'Add Tenant' }).waitFor({ timeout: 15_000 });
  await answer(page, name);
  await answer(page, tenant);
  await choose(page, 'Local fake tenant');
  await choose(page, 'App client secret');
  await answer(page, clientId);
  await answer(page, secret);
  try {
    await page.locator('.part.sidebar .monaco-list-row', { hasText: name }).locator('.label-description', { hasText: 'signed in' }).first().waitFor({ timeout: 30_000 });
  } catch (e) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `failed-add-${name.replace(/\W+/g, '-')}.png`) });
    throw e;
  }
}
