/** What the auth layer needs from VS Code's SecretStorage; tests pass an in-memory one. */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  store(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Called when another window (or this one) changes a key. */
  onDidChange(listener: (key: string) => void): { dispose(): void };
}

/** Key names, one per tenant (and per client for the token cache). */
export const secretKeys = {
  clientSecret: (tenantKey: string) => `identityLogs.tenant.${tenantKey}.clientSecret`,
  privateKey: (tenantKey: string) => `identityLogs.tenant.${tenantKey}.privateKey`,
  tokenCache: (tenantKey: string, clientId: string) => `identityLogs.tenant.${tenantKey}.msalCache.${clientId.toLowerCase()}`,
};

export function allSecretKeys(tenantKey: string, clientId: string): string[] {
  return [secretKeys.clientSecret(tenantKey), secretKeys.privateKey(tenantKey), secretKeys.tokenCache(tenantKey, clientId)];
}

/** An in-memory store with change events, for unit tests and tools. */
export class MemorySecretStore implements SecretStore {
  readonly data = new Map<string, string>();
  readonly writes: string[] = [];
  private readonly listeners = new Set<(key: string) => void>();

  async get(key: string): Promise<string | undefined> {
    return this.data.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.data.set(key, value);
    this.writes.push(key);
    for (const l of this.listeners) l(key);
  }
  async delete(key: string): Promise<void> {
    this.data.delete(key);
    for (const l of this.listeners) l(key);
  }
  onDidChange(listener: (key: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
