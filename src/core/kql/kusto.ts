/** Microsoft's KQL parser, loaded on first use (its own bundle in the build). */
import { type KustoLanguage } from './syntax';

let loading: Promise<KustoLanguage> | undefined;

export function loadKusto(): Promise<KustoLanguage> {
  loading ??= import('./kustoLanguage').then((m) => m.kusto);
  return loading;
}
