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
});
