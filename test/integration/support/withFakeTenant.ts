/**
 * One fake tenant for an integration suite: started before it, pointed to by the extension's
 * fake-tenant settings, and taken down after it with every tenant the suite added. Call it inside
 * a `describe`; the fixture's fields are set once the suite's `before` has run.
 */
import * as vscode from 'vscode';
import { type Emulator, type EmulatorOptions, startEmulator } from '../../../src/emulator';
import type { IdentityLogsApi } from '../../../src/vscode/testing/testApi';

export const EXTENSION_ID = 'identity-log-explorer.identity-log-explorer';
export const CONTOSO = '11111111-1111-4111-8111-111111111111';
export const FULL_APP = 'c0000000-0000-4000-8000-00000000000a';
/** The fake tenant's public client, for device-code sign-in. */
export const DEVICE_APP = 'c0000000-0000-4000-8000-00000000000e';

export interface FakeTenant {
  readonly emulator: Emulator;
  readonly api: IdentityLogsApi;
  /** An app's client secret in the fake tenant's first tenant. */
  secret(clientId: string): string;
  /** Adds and signs in a tenant with an app's client secret; removed when the suite ends. */
  addTenant(displayName: string, clientId: string, extra?: Record<string, unknown>): Promise<string>;
  /** Registers a tenant the suite added another way, so it is removed at the end too. */
  track(key: string): void;
  /** The device codes waiting for approval, once a sign-in has asked for one (or after 10 s, none). */
  deviceCodesRequested(): Promise<{ userCode: string }[]>;
}

const config = () => vscode.workspace.getConfiguration('identityLogs.fakeTenant');

export function withFakeTenant(options: EmulatorOptions): FakeTenant {
  let emulator: Emulator | undefined;
  let api: IdentityLogsApi | undefined;
  const keys: string[] = [];
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`withFakeTenant: ${what} is used before the suite's before() ran`);
    return value;
  };
  const fixture: FakeTenant = {
    get emulator() {
      return ready(emulator, 'the emulator');
    },
    get api() {
      return ready(api, 'the API');
    },
    secret: (clientId) => {
      const secret = ready(emulator, 'the emulator').info.tenants[0].apps.find((a) => a.clientId === clientId)?.secret;
      if (!secret) throw new Error(`withFakeTenant: no app ${clientId} with a secret`);
      return secret;
    },
    addTenant: async (displayName, clientId, extra = {}) => {
      // Add Tenant asks for the secret's value: the test answers through the extension's test API.
      fixture.api.prompts.answer(fixture.secret(clientId));
      const key = await vscode.commands.executeCommand<string>('identityLogs.addTenant', { displayName, tenant: CONTOSO, target: 'fakeTenant', signInKind: 'clientSecret', clientId, ...extra });
      keys.push(key);
      return key;
    },
    track: (key) => void keys.push(key),
    deviceCodesRequested: async () => {
      let pending: { userCode: string }[] = [];
      for (let i = 0; i < 100 && pending.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        pending = fixture.emulator.pendingDeviceCodes();
      }
      return pending;
    },
  };

  before(async () => {
    emulator = await startEmulator(options);
    await config().update('origin', emulator.origin, vscode.ConfigurationTarget.Global);
    await config().update('caCertificatePath', emulator.info.caCertPath, vscode.ConfigurationTarget.Global);
    api = (await vscode.extensions.getExtension<IdentityLogsApi>(EXTENSION_ID)!.activate()) as IdentityLogsApi;
    // A suite starts with no answers waiting: one an earlier suite gave and no question took
    // would otherwise answer this suite's first question.
    api.prompts.clear();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const key of keys.splice(0)) {
      // Remove Tenant asks first: the test answers through the extension's test API.
      api?.prompts.answer(true);
      await vscode.commands.executeCommand('identityLogs.removeTenant', key);
    }
    await config().update('origin', undefined, vscode.ConfigurationTarget.Global);
    await config().update('caCertificatePath', undefined, vscode.ConfigurationTarget.Global);
    await emulator?.close();
  });

  return fixture;
}
