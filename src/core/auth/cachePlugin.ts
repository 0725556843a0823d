/**
 * MSAL's token cache, serialized into SecretStorage under one key per tenant and client. It is
 * read before every cache access (so a sign-in in another window is seen), written only when
 * MSAL says the cache changed, and a corrupt entry is cleared instead of breaking sign-in.
 */
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { type Logger, NULL_LOGGER } from '../log/redact';
import { type SecretStore } from './secretStore';

export class SecretCachePlugin implements ICachePlugin {
  private lastWritten: string | undefined;

  constructor(
    private readonly store: SecretStore,
    private readonly key: string,
    private readonly log: Logger = NULL_LOGGER,
  ) {}

  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    const data = await this.store.get(this.key);
    if (data === undefined) return;
    try {
      const parsed: unknown = JSON.parse(data);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      context.tokenCache.deserialize(data);
      this.lastWritten = data;
    } catch {
      this.log.warn(`The saved token cache (${this.key}) was unreadable and has been cleared; sign in again if asked.`);
      this.lastWritten = undefined;
      await this.store.delete(this.key);
    }
  }

  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (!context.cacheHasChanged) return;
    const data = context.tokenCache.serialize();
    if (data === this.lastWritten) return;
    this.lastWritten = data;
    await this.store.store(this.key, data);
  }
}
