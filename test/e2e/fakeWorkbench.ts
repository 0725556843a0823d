/**
 * One e2e suite's fake tenant and real VS Code: the fake tenant started, code-server opened on the
 * Identity Logs container with its settings pointing there, and a Contoso tenant added through the
 * real Add Tenant questions. A failed test leaves a screenshot; everything closes after the suite.
 * Call it inside a `describe`; the fields are set once the suite's `before` has run.
 */
import { type Emulator, type EmulatorOptions, startEmulator } from '../../src/emulator';
import { addSecretTenant, openContainer, openWorkbench, runCommand, type Workbench } from './workbench';

export const CONTOSO = '11111111-1111-4111-8111-111111111111';
export const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';

export interface FakeWorkbench {
  readonly emulator: Emulator;
  readonly wb: Workbench;
}

export function withFakeWorkbench(name: string, options: EmulatorOptions & { readonly foldRiskyUsers?: boolean } = {}): FakeWorkbench {
  let emulator: Emulator | undefined;
  let wb: Workbench | undefined;
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`withFakeWorkbench: ${what} is used before the suite's before() ran`);
    return value;
  };

  before(async () => {
    emulator = await startEmulator(options);
    wb = await openWorkbench({ settings: { 'identityLogs.fakeTenant.origin': emulator.origin, 'identityLogs.fakeTenant.caCertificatePath': emulator.info.caCertPath } });
    await openContainer(wb.page, 'Identity Logs');
    await addSecretTenant(wb.page, 'Contoso', CONTOSO, FULL_APP, emulator.info.tenants[0].apps.find((a) => a.clientId === FULL_APP)!.secret!);
    await runCommand(wb.page, 'Notifications: Clear All Notifications');
    // Room for the tenant tree: fold the Risky Users view.
    if (options.foldRiskyUsers) await wb.page.locator('.part.sidebar .pane-header', { hasText: 'Risky Users' }).click();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await wb.screenshot(`failed-${name}-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}`);
  });

  after(async () => {
    await wb?.close();
    await emulator?.close();
  });

  return {
    get emulator() {
      return ready(emulator, 'the emulator');
    },
    get wb() {
      return ready(wb, 'the workbench');
    },
  };
}
