import * as assert from 'assert';
import { withFakeWorkbench } from './fakeWorkbench';
import { choose } from './workbench';

describe('Directory audit detail (e2e)', function () {
  const fake = withFakeWorkbench('audit', { signIns: 2000, throttling: false });

  it('opens an audit with modified properties from the grid: old → new with a diff', async () => {
    const page = fake.wb.page;
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Contoso' }).first().click();
    await page.locator('.part.sidebar .monaco-list-row[aria-label^="Directory audits:"]').click();
    await choose(page, 'Run query');
    const grid = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await grid.locator('[role="row"][aria-rowindex="2"]').waitFor({ timeout: 30_000 });
    const row = grid.locator('[role="row"][aria-rowindex]', { hasText: 'Update user' }).first();
    await row.dblclick();
    const detail = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    await detail.locator('h1', { hasText: 'Update user' }).waitFor({ timeout: 30_000 });
    const changes = detail.locator('.change');
    assert.ok((await changes.count()) >= 2);
    // An update lists what it changed, old → new, and the value really changed.
    const first = await changes.first().innerText();
    const m = /(AccountEnabled|JobTitle|Department|DisplayName)[\s\S]*?(\[[^\]]*\])[\s\S]*?→[\s\S]*?(\[[^\]]*\])/.exec(first);
    assert.ok(m && m[2] !== m[3], first);
    for (const theme of ['light', 'dark'] as const) {
      await fake.wb.setTheme(theme);
      await fake.wb.screenshot(`audit-detail-modified-${theme}`);
    }
  });

  it('every id is a pivot: the audit\'s target opens its audits in a new tab; a risk detection opens the sign-in it came from', async () => {
    const page = fake.wb.page;
    await fake.wb.setTheme('light');
    const detail = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    const related = detail.locator('section[aria-labelledby="related"] button.link');
    await related.first().waitFor({ timeout: 10_000 });
    const labels = await related.allInnerTexts();
    assert.ok(labels.some((l) => l.startsWith('Audits that target ')), labels.join(' | '));
    await detail.locator('section[aria-labelledby="related"]').scrollIntoViewIfNeeded();
    await fake.wb.screenshot('audit-detail-related');
    await related.filter({ hasText: /^Audits that target / }).first().click();
    const audits = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    await audits.locator('.query', { hasText: 'Target equals' }).waitFor({ timeout: 30_000 });
    await audits.locator('.status', { hasText: /all loaded|paused/ }).waitFor({ timeout: 30_000 });
    assert.ok((await audits.locator('[role="row"][aria-rowindex]').count()) > 1, 'the target has audits');
    // A risk detection's panel: "Open the sign-in this detection came from".
    await page.locator('.part.sidebar .monaco-list-row[aria-label^="Risk detections:"]').click();
    await choose(page, 'Run query');
    const grid = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    await grid.locator('[role="row"][aria-rowindex="2"]').waitFor({ timeout: 30_000 });
    const upn = await grid.locator('[role="row"][aria-rowindex="2"] [data-column="userPrincipalName"]').innerText();
    await grid.locator('[role="row"][aria-rowindex="2"]').dblclick();
    const detection = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    const open = detection.locator('button.link', { hasText: 'Open the sign-in this detection came from' });
    await open.waitFor({ timeout: 30_000 });
    await open.click();
    const signIn = page.frameLocator('iframe.webview.ready >> nth=-1').frameLocator('iframe#active-frame');
    await signIn.locator('signin-detail-app h1', { hasText: upn }).waitFor({ timeout: 30_000 });
    await fake.wb.screenshot('risk-detection-pivot-to-sign-in');
  });
});
