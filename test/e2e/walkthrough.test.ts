import * as assert from 'assert';
import { choose, openWorkbench, runCommand, Workbench } from './workbench';

const STEPS = [
  'Try the demo tenant',
  'Register an app in Entra ID',
  'Add the permissions you need',
  'Grant admin consent',
  'Choose a credential',
  'Check roles and licences',
  'Add your tenant and diagnose it',
];

describe('Getting-started walkthrough (e2e)', function () {
  // One workbench per theme: switching themes while the walkthrough editor has focus proved unreliable.
  for (const theme of ['light', 'dark'] as const) {
    it(`lists the seven steps and offers the demo tenant (${theme})`, async () => {
      let wb: Workbench | undefined;
      try {
        wb = await openWorkbench({ settings: { 'workbench.colorTheme': theme === 'light' ? 'Default Light Modern' : 'Default Dark Modern' } });
        await runCommand(wb.page, 'Welcome: Open Walkthrough...');
        await choose(wb.page, 'Get started with Identity Log Explorer');
        const editor = wb.page.locator('.gettingStartedContainer');
        await editor.locator('.getting-started-step', { hasText: 'Try the demo tenant' }).first().waitFor({ timeout: 30_000 });
        const titles = await editor.locator('.getting-started-step .step-title').allInnerTexts();
        assert.deepStrictEqual(titles.map((t) => t.trim()), STEPS);
        assert.ok(await editor.getByRole('button', { name: 'Try the Demo Tenant', exact: true }).isVisible());
        await wb.page.waitForTimeout(500);
        await wb.screenshot(`walkthrough-${theme}`);
      } finally {
        await wb?.close();
      }
    });
  }
});
