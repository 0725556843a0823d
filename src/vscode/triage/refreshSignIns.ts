import { type Logger } from '../../core/log/redact';
import { readable, screenPage } from '../../core/records/untrusted';
import { type TenantConfig } from '../../core/tenants/tenantConfig';
import { type TriageModel } from './triageModel';

/** Where sign-ins are shown: detail panels and results grids, each saying which of some ids it shows. */
export interface SignInShowers {
  readonly details: { signInsOpen(tenantKey: string, ids: readonly string[]): string[]; showNewerSignIns(tenantKey: string, records: readonly Record<string, unknown>[]): void };
  readonly grids: { signInsShown(tenantKey: string, ids: readonly string[]): string[]; replaceSignIns(tenantKey: string, records: readonly Record<string, unknown>[]): number };
}

/**
 * After a verdict, the sign-ins it changed are read again, once each, and shown anew wherever they
 * are open: their detail panels and the grids that loaded them. Only those shown are read (each
 * read waits its turn at the reports' pace). A sign-in that cannot be read is logged and left as it was.
 */
export function signInRefresher(model: Pick<TriageModel, 'api'>, showers: SignInShowers, log: Logger): (tenant: TenantConfig, requestIds: readonly string[]) => Promise<void> {
  return async (tenant, requestIds) => {
    const shown = new Set([...showers.details.signInsOpen(tenant.key, requestIds), ...showers.grids.signInsShown(tenant.key, requestIds)]);
    if (shown.size === 0) return;
    const api = await model.api(tenant);
    const records: Record<string, unknown>[] = [];
    for (const id of shown) {
      try {
        records.push(...readable(screenPage(await api.signInRecords([id])).records));
      } catch (e) {
        log.warn(`Could not read sign-in ${id} again after the verdict: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    showers.details.showNewerSignIns(tenant.key, records);
    const rows = showers.grids.replaceSignIns(tenant.key, records);
    if (rows > 0) log.info(`${rows} grid row${rows === 1 ? '' : 's'} now show the sign-in${records.length === 1 ? '' : 's'} as read after the verdict.`);
  };
}
