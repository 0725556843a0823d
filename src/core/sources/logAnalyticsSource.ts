/**
 * Log Analytics (and Microsoft Sentinel) workspaces as a source: the same reports, months further
 * back, queried with KQL. The query a panel ran copies as KQL, as a curl request to the query API,
 * or as Az PowerShell.
 */
import { type CategorySpec, type WorkspaceCategory } from '../catalog/types';
import { type SourceAdapter } from './source';

/** The registry hands this adapter workspace categories only; anything else is a wiring bug. */
function workspace(category: CategorySpec): WorkspaceCategory {
  if (category.source !== 'logAnalytics') throw new Error(`${category.label} is not a workspace table.`);
  return category;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const psHereString = (s: string) => `@'\n${s}\n'@`;

export const LOG_ANALYTICS_SOURCE: SourceAdapter = {
  kind: 'logAnalytics',
  // Bulk export from a workspace comes with its own slicing export; until then a panel's rows save as JSON.
  capabilities: { savedQueries: false, copyFormats: ['kql', 'curl', 'powershell'] },
  unavailable: () => undefined,
  copyQuery(category, query, origin, format) {
    const c = workspace(category);
    if (query === undefined) return undefined;
    if (format === 'kql') return query;
    if (format === 'curl') return `curl -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${shellQuote(`${origin}/v1/workspaces/${c.workspaceId}/query`)} -d ${shellQuote(JSON.stringify({ query }))}`;
    if (format === 'powershell') return `Connect-AzAccount\nInvoke-AzOperationalInsightsQuery -WorkspaceId ${c.workspaceId} -Query ${psHereString(query)}`;
    return undefined;
  },
};
