import type * as vscode from 'vscode';
import { allSecretKeys, type SecretStore } from '../../core/auth/secretStore';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { fakeTenantSettings } from '../settings';
import { type TenantStore } from '../tenants/tenantStore';
import type { RiskyUsersTree } from '../tree/riskyUsersTree';
import type { ReportedError } from '../ui/errorReporter';
import type { ScriptedPrompter } from './scriptedPrompter';
import { snapshotTree, type TreeSnapshot } from './treeSnapshot';

/**
 * What the extension exports when it runs under its own tests (ExtensionMode.Test), and never to
 * users: read-only facts the tests check. It never hands out a secret value, only the names of the
 * secrets a tenant has stored. It lives in its own bundle (dist/test-kit.js), loaded only under
 * the tests and left out of the VSIX, so none of it ships.
 */
export interface IdentityLogsApi {
  tenants(): TenantConfig[];
  /** The extension's non-secret stored state (globalState), as saved. */
  storedState(): Record<string, unknown>;
  /** Names of the secret entries present for a tenant. */
  storedSecretNames(tenantKey: string): Promise<string[]>;
  /** The local fake tenant origin in effect (user settings only), if any. */
  fakeTenantOrigin(): string | undefined;
  /** The Risky Users view as shown: labels, descriptions and context values (no secrets, no tokens). */
  riskyUsersView(): Promise<TreeSnapshot[]>;
  /** The failures reported to the user, newest last, as the error catalog phrased them. */
  reportedErrors(): readonly ReportedError[];
  /** Where the extension's log channel writes its file, and its storage folders: every place it writes on its own. */
  readonly folders: { readonly log: string; readonly globalStorage: string; readonly storage: string | undefined };
  /** Answers to the extension's questions (confirmations), given in advance; unanswered ones are declined. */
  readonly prompts: Pick<ScriptedPrompter, 'answer' | 'asked' | 'clear'>;
}

export interface TestApiDeps {
  readonly store: TenantStore;
  readonly state: vscode.Memento;
  readonly secrets: SecretStore;
  readonly riskyTree: RiskyUsersTree;
  readonly reportedErrors: () => readonly ReportedError[];
  readonly prompts: ScriptedPrompter;
  readonly folders: IdentityLogsApi['folders'];
}

export function createApi(d: TestApiDeps): IdentityLogsApi {
  return {
    tenants: () => d.store.list(),
    storedState: () => Object.fromEntries(d.state.keys().map((k) => [k, d.state.get(k)])),
    storedSecretNames: async (tenantKey) => {
      const tenant = d.store.get(tenantKey);
      const keys = allSecretKeys(tenantKey, tenant?.clientId ?? '');
      const present: string[] = [];
      for (const k of keys) if ((await d.secrets.get(k)) !== undefined) present.push(k);
      return present;
    },
    fakeTenantOrigin: () => fakeTenantSettings()?.origin,
    riskyUsersView: async () => {
      await d.riskyTree.settled();
      return snapshotTree(d.riskyTree.provider, 4);
    },
    reportedErrors: d.reportedErrors,
    folders: d.folders,
    prompts: d.prompts,
  };
}
