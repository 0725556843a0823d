import * as vscode from 'vscode';
import { allSecretKeys, SecretStore } from '../core/auth/secretStore';
import { TenantConfig } from '../core/tenants/tenantConfig';
import { fakeTenantSettings } from './settings';
import { TenantStore } from './tenants/tenantStore';
import type { TreeSnapshot } from './tree/riskyUsersTree';

/**
 * What the extension exports: read-only facts for other extensions, support and tests. It never
 * hands out a secret value, only the names of the secrets a tenant has stored.
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
}

export function createApi(store: TenantStore, state: vscode.Memento, secrets: SecretStore, riskyUsersView: () => Promise<TreeSnapshot[]>): IdentityLogsApi {
  return {
    tenants: () => store.list(),
    storedState: () => Object.fromEntries(state.keys().map((k) => [k, state.get(k)])),
    storedSecretNames: async (tenantKey) => {
      const tenant = store.get(tenantKey);
      const keys = allSecretKeys(tenantKey, tenant?.clientId ?? '');
      const present: string[] = [];
      for (const k of keys) if ((await secrets.get(k)) !== undefined) present.push(k);
      return present;
    },
    fakeTenantOrigin: () => fakeTenantSettings()?.origin,
    riskyUsersView,
  };
}
