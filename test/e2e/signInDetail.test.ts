import * as assert from 'assert';
import { contrastOf, elementContrast, probeColours } from './contrast';
import { type FrameLocator } from 'playwright-core';
import { type Emulator, startEmulator } from '../../src/emulator';
import { addSecretTenant, answer, choose, openContainer, openWorkbench, runCommand, type Workbench } from './workbench';

const CONTOSO = '11111111-1111-4111-8111-111111111111';
const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';
const NO_CA_APP = 'c0000000-0000-4000-8000-00000000000c';

describe('Sign-in detail panel (e2e)', function () {
  let emulator: Emulator;
  let wb: Workbench;
  const dialogs: string[] = [];
  const cspViolations: string[] = [];

  before(async () => {
    // With the demo's attack story laid over the hostile background: the device-code phish is in it.
    emulator = await startEmulator({ signIns: 4000, throttling: false, sizes: { story: true } });
    wb = await openWorkbench({ settings: { 'identityLogs.fakeTenant.origin': emulator.origin, 'identityLogs.fakeTenant.caCertificatePath': emulator.info.caCertPath, 'workbench.colorTheme': 'Default Light Modern' } });
    wb.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    wb.page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await openContainer(wb.page, 'Identity Logs');
    const secret = (app: string) => emulator.info.tenants[0].apps.find((a) => a.clientId === app)!.secret!;
    await addSecretTenant(wb.page, 'Contoso', CONTOSO, FULL_APP, secret(FULL_APP));
    await addSecretTenant(wb.page, 'Contoso audit reader', CONTOSO, NO_CA_APP, secret(NO_CA_APP));
    await runCommand(wb.page, 'Notifications: Clear All Notifications');
  });

  after(async () => {
    await wb?.close();
    await emulator?.close();
  });

  const find = (pred: (s: Record<string, unknown>) => boolean): Record<string, unknown> => {
    const data = emulator.datasets.get(CONTOSO)!;
    for (let i = 0; i < data.sizes.signIns; i++) {
      const s = data.signIn(i);
      if (s.eventType === 'interactiveUser' && pred(s.json)) return s.json;
    }
    throw new Error('no such sign-in');
  };

  async function openById(tenant: string, id: string, expect: string): Promise<FrameLocator> {
    await runCommand(wb.page, 'View: Close All Editors');
    await runCommand(wb.page, 'Identity Logs: Open Sign-in by ID…');
    await choose(wb.page, tenant);
    await answer(wb.page, id);
    await choose(wb.page, 'Request id');
    const frame = wb.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    // Wait for this record's own text: a closing panel's frame can still be in the page.
    await frame.locator('h1', { hasText: expect }).waitFor({ timeout: 30_000 });
    return frame;
  }

  it('shows a failed sign-in: outcome, error meaning, and a CA table with report-only results', async () => {
    const s = find((r) => (r.status as { errorCode: number }).errorCode === 53003 && Array.isArray(r.appliedConditionalAccessPolicies) && (r.appliedConditionalAccessPolicies as { result: string }[]).some((p) => p.result.startsWith('reportOnly')));
    const frame = await openById('Contoso', String(s.id), String(s.userPrincipalName));
    assert.match(await frame.locator('header').innerText(), /Failure[\s\S]*Error 53003: Blocked by conditional access\./);
    const rows = frame.locator('table[aria-label="Applied conditional access policies"] tbody tr');
    assert.strictEqual(await rows.count(), (s.appliedConditionalAccessPolicies as unknown[]).length);
    assert.match(await rows.first().innerText(), /Failure/, 'failures come first');
    assert.ok((await frame.locator('tr.reportOnly').count()) > 0, 'report-only rows are marked');
    await frame.locator('button[aria-label="Copy Request id"]').click();
    await wb.page.locator('.statusbar', { hasText: 'Copied.' }).waitFor({ timeout: 10_000 });
    // Badge text (failure, success, report-only) meets WCAG AA in every theme, measured in the panel.
    for (const theme of ['light', 'dark', 'hcDark', 'hcLight'] as const) {
      await wb.setTheme(theme);
      await wb.screenshot(`signin-detail-failed-${theme}`);
      const colours = await probeColours(frame.locator('signin-detail-app'), ['badge success', 'badge failure', 'badge reportOnly', 'badge interrupted']);
      for (const cls of ['badge success', 'badge failure', 'badge reportOnly', 'badge interrupted']) {
        const ratio = contrastOf(colours[cls], colours.background);
        assert.ok(ratio >= 4.5, `${theme}: ${cls} ${colours[cls]} on ${colours.background} is ${ratio.toFixed(2)}:1`);
      }
    }
    await wb.setTheme('light');
  });

  it('a device-code phish: what stands out and the token and session fields, then a pivot to the session shows the refresh tokens redeemed elsewhere', async () => {
    const data = emulator.datasets.get(CONTOSO)!;
    let phish: Record<string, unknown> | undefined;
    for (let i = 0; i < data.sizes.signIns && !phish; i++) if (data.signIn(i).story?.beta.authenticationProtocol === 'deviceCode') phish = data.signIn(i).json;
    assert.ok(phish, 'the story has its device-code sign-in');
    const frame = await openById('Contoso', String(phish.id), String(phish.userPrincipalName));
    const signals = frame.locator('ul.signals li');
    assert.deepStrictEqual(await signals.evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { signal: string } }).dataset.signal)), ['deviceCode', 'unboundToken']);
    const token = await frame.locator('section[aria-labelledby="token"]').innerText();
    assert.match(token, /Authentication protocol\s+Device code/);
    assert.match(token, /Original transfer method\s+Device code flow/);
    assert.match(token, /Session id\s+[0-9a-f-]{36}/);
    // Where it came from, on a map drawn from bundled geography: the place is its accessible name and its dot's tooltip.
    const place = `${String((phish.location as { city: string }).city)}, ${String((phish.location as { countryOrRegion: string }).countryOrRegion)}`;
    const map = frame.locator('world-map svg[role="img"]');
    assert.strictEqual(await map.getAttribute('aria-label'), `Map of ${place}`);
    assert.strictEqual(await map.locator('circle.alert title').textContent(), place, 'a device-code sign-in is a place to look at');
    assert.ok(((await map.locator('path.land').first().getAttribute('d')) ?? '').length > 10_000, 'land is drawn');
    for (const theme of ['light', 'dark', 'hcDark'] as const) {
      await wb.setTheme(theme);
      await wb.screenshot(`signin-detail-device-code-${theme}`);
      await frame.locator('section[aria-labelledby="token"]').scrollIntoViewIfNeeded();
      await wb.screenshot(`signin-detail-device-code-token-${theme}`);
      await map.scrollIntoViewIfNeeded();
      await wb.screenshot(`signin-detail-map-${theme}`);
      await frame.locator('header').scrollIntoViewIfNeeded();
      const { ratio, foreground, background } = await elementContrast(signals.first());
      assert.ok(ratio >= 4.5, `${theme}: what stands out, ${foreground} on ${background}, is ${ratio.toFixed(2)}:1`);
    }
    await wb.setTheme('light');
    await frame.locator('button.link', { hasText: 'Non-interactive sign-ins in this session' }).click();
    const results = wb.page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    const chip = results.locator('results-filters .chip');
    await chip.waitFor({ timeout: 30_000 });
    assert.match(await chip.innerText(), /^Session id: [0-9a-f-]{36}/);
    // The attacker's five refreshes, from the phishing network, and nothing else of the user's.
    await results.locator('.status', { hasText: /^5 shown of [\d,]+ loaded.*all loaded$/ }).waitFor({ timeout: 60_000 });
    await results.locator('.grid[aria-busy="false"]').waitFor({ timeout: 30_000 });
    const ips = await results.locator('.tr [data-column="ipAddress"]').allInnerTexts();
    assert.deepStrictEqual([...new Set(ips)], ['198.51.100.77'], `rows of the session: ${ips.join(', ')}`);
    assert.strictEqual(ips.length, 5);
    for (const theme of ['dark', 'hcLight'] as const) {
      await wb.setTheme(theme);
      await wb.screenshot(`results-session-pivot-${theme}`);
      const { ratio, foreground, background } = await elementContrast(chip.locator('span').first());
      assert.ok(ratio >= 4.5, `${theme}: the filter chip, ${foreground} on ${background}, is ${ratio.toFixed(2)}:1`);
    }
    await wb.setTheme('light');
    // Removing the chip shows every loaded non-interactive sign-in of the user again.
    await chip.locator('button').click();
    await chip.waitFor({ state: 'detached' });
  });

  it('from the device-code sign-in, the user\'s timeline: every Graph source read (Office 365 says why not), the attacker\'s refreshes after an impossible move, each entry opens its detail', async () => {
    const data = emulator.datasets.get(CONTOSO)!;
    const victim = data.story!.cast.phishVictim;
    let phish: Record<string, unknown> | undefined;
    for (let i = 0; i < data.sizes.signIns && !phish; i++) if (data.signIn(i).story?.beta.authenticationProtocol === 'deviceCode') phish = data.signIn(i).json;
    const frame = await openById('Contoso', String(phish!.id), victim.userPrincipalName);
    await frame.locator('.investigate vscode-button.user').click();
    const timeline = wb.page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    await timeline.locator('timeline-app h1', { hasText: victim.userPrincipalName }).waitFor({ timeout: 30_000 });
    const sources = timeline.locator('.sources .source');
    await sources.first().waitFor({ timeout: 60_000 });
    assert.deepStrictEqual(await sources.evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { state: string } }).dataset.state)), ['read', 'read', 'read', 'read', 'read', 'read', 'unavailable', 'unavailable']);
    assert.match(await sources.nth(6).innerText(), /Office 365 audit records: not read\. no Office 365 audit subscription is started/);
    assert.match(await sources.last().innerText(), /Graph requests \(workspace\): not read\. no Log Analytics workspace is in the tree/);
    // The places on a map: one dot per place, the impossible moves as marked lines between them.
    const places = timeline.locator('section[aria-labelledby="places"] world-map svg');
    assert.strictEqual(await places.locator('circle').count(), Number((await timeline.locator('#places').innerText()).match(/\((\d+)\)/)![1]));
    assert.strictEqual(await places.locator('line.impossible').count(), await timeline.locator('li.move.impossible').count());
    const impossible = timeline.locator('li.move.impossible');
    assert.ok((await impossible.count()) >= 1, 'home → the attacker\'s network in minutes');
    assert.match(await impossible.first().innerText(), /^Impossible travel: .+ → .+, [\d,]+ km in [\d,]+ min/);
    assert.ok((await timeline.locator('li.entry', { hasText: 'Device code' }).count()) >= 1, 'the device-code sign-in is there');
    for (const theme of ['light', 'dark', 'hcDark'] as const) {
      await wb.setTheme(theme);
      await impossible.first().scrollIntoViewIfNeeded();
      await wb.screenshot(`timeline-phish-victim-${theme}`);
      await places.scrollIntoViewIfNeeded();
      await wb.screenshot(`timeline-map-${theme}`);
      await impossible.first().scrollIntoViewIfNeeded();
      const { ratio, foreground, background } = await elementContrast(impossible.first());
      assert.ok(ratio >= 4.5, `${theme}: impossible travel ${foreground} on ${background} is ${ratio.toFixed(2)}:1`);
    }
    await wb.setTheme('light');
    await timeline.locator('li.entry', { hasText: 'Device code' }).first().click();
    // Its panel (opened before, so reused) comes to the front.
    await wb.page.locator('.tabs-container .tab.active', { hasText: `Sign-in: ${victim.userPrincipalName}` }).waitFor({ timeout: 30_000 });
  });

  it('confirms a risky sign-in safe from its panel: asked with what it does, then the panel shows the verdict and offers it no more', async () => {
    const s = find((r) => r.riskState === 'atRisk' && r.riskLevelDuringSignIn === 'high');
    const frame = await openById('Contoso', String(s.id), String(s.userPrincipalName));
    const verdicts = frame.locator('.verdicts vscode-button');
    assert.deepStrictEqual(await verdicts.allInnerTexts(), ['Confirm Compromised', 'Confirm Safe', 'Dismiss Risk']);
    await wb.screenshot('signin-detail-risky-before-verdict');
    await verdicts.filter({ hasText: 'Confirm Safe' }).click();
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 15_000 });
    const text = await dialog.innerText();
    assert.match(text, /Confirm safe: 1 sign-in in Contoso\?/);
    assert.ok(text.includes(String(s.userPrincipalName)), 'the dialog names the sign-in');
    assert.match(text, /risk state becomes confirmed safe/);
    await wb.screenshot('signin-detail-verdict-dialog');
    await dialog.getByRole('button', { name: 'Confirm Safe' }).click();
    await frame.locator('section[aria-labelledby="risk"]', { hasText: 'Confirmed safe' }).waitFor({ timeout: 30_000 });
    assert.deepStrictEqual(await frame.locator('.verdicts vscode-button').allInnerTexts(), ['Confirm Compromised', 'Dismiss Risk']);
    assert.match(await frame.locator('section[aria-labelledby="risk"]').innerText(), /Admin confirmed the sign-in safe/);
    assert.strictEqual(emulator.datasets.get(CONTOSO)!.signInVerdicts.get(String(s.id))?.riskState, 'confirmedSafe');
    for (const theme of ['light', 'dark', 'hcDark'] as const) {
      await wb.setTheme(theme);
      await frame.locator('section[aria-labelledby="risk"]').scrollIntoViewIfNeeded();
      await wb.screenshot(`signin-detail-confirmed-safe-${theme}`);
    }
    await wb.setTheme('light');
  });

  it('a detail tab keeps only which record it shows; after a window reload it reads the record again', async () => {
    const s = find((r) => (r.status as { errorCode: number }).errorCode === 50126);
    const upn = String(s.userPrincipalName);
    const frame = await openById('Contoso', String(s.id), upn);
    // What VS Code writes to disk for this tab: the webview's own state (acquireVsCodeApi().getState()).
    const state = await frame.locator('signin-detail-app').evaluate((el) => (el as unknown as { host: { state: unknown } }).host.state);
    assert.deepStrictEqual(Object.keys(state as object).sort(), ['id', 'kind', 'tenantKey']);
    assert.strictEqual((state as { id: string }).id, s.id);
    for (const personal of [upn, String(s.ipAddress), String(s.userDisplayName)]) assert.ok(!JSON.stringify(state).includes(personal), `the tab's state holds ${personal}`);
    await runCommand(wb.page, 'Developer: Reload Window');
    await wb.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await wb.page.locator('.statusbar', { hasText: 'Activating Extensions' }).waitFor({ state: 'detached', timeout: 60_000 });
    const tab = wb.page.locator('.tabs-container .tab', { hasText: 'Failed sign-in' }).first();
    await tab.waitFor({ timeout: 60_000 });
    await tab.click();
    const restored = wb.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    // The record came back from the fake tenant: the tab's state never held it.
    await restored.locator('h1', { hasText: upn }).waitFor({ timeout: 60_000 });
    assert.match(await restored.locator('header').innerText(), /Error 50126/);
    await wb.screenshot('signin-detail-restored-after-reload');
  });

  it('says plainly when conditional access details are hidden, with a way to diagnose', async () => {
    const s = find((r) => (r.status as { errorCode: number }).errorCode === 53003);
    const frame = await openById('Contoso audit reader', String(s.id), String(s.userPrincipalName));
    const banner = frame.locator('.banner[role="alert"]');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Conditional access details are hidden: the app needs Policy\.Read\.All/);
    assert.strictEqual(await frame.locator('.banner vscode-button', { hasText: 'Diagnose Permissions' }).count(), 1);
    await wb.screenshot('signin-detail-ca-hidden-dark');
  });

  it('renders hostile record text literally: no element, link or script comes from it', async () => {
    const combined = '\u202Eexe.tnemhcatta';
    const s = find((r) => String(r.appDisplayName).includes(combined) && String(r.userAgent).includes('<script>'));
    const frame = await openById('Contoso', String(s.id), String(s.userPrincipalName));
    // The app renders in its shadow root; Playwright's CSS selectors pierce it, innerText of body does not.
    const body = (await frame.locator('header, section').allInnerTexts()).join('\n');
    assert.ok(body.includes('javascript:alert(1)'), `javascript: URL shown as text: ${body.slice(0, 600)}`);
    assert.ok(body.includes('command:workbench.action.terminal.new'), 'command: link shown as text');
    assert.ok(body.includes('"><script>alert(document.domain)</script>'), 'script tag shown as text');
    assert.strictEqual(await frame.locator('img').count(), 0);
    assert.strictEqual(await frame.locator('script', { hasText: 'alert' }).count(), 0, 'no script element from record text');
    assert.strictEqual(await frame.locator('script[src*="signin-detail.js"]').count(), 1, 'our bundle is there');
    assert.strictEqual(await frame.locator('a[href^="command:"], a[href^="javascript:"]').count(), 0);
    await runCommand(wb.page, 'Preferences: Color Theme');
    await answer(wb.page, 'Dark High Contrast');
    await wb.page.locator('.monaco-workbench.hc-black').waitFor({ timeout: 15_000 });
    await wb.screenshot('signin-detail-hostile-high-contrast');
    assert.deepStrictEqual(dialogs, []);
    assert.deepStrictEqual(cspViolations, []);
  });
});
