/** "Copy as …": the same query as a Graph URL, a curl command, or Graph PowerShell. */
import { type GraphCategory } from '../catalog/types';

export function graphUrl(graphOrigin: string, category: GraphCategory, filter: string | undefined, top?: number): string {
  const url = new URL(`${graphOrigin}/${category.apiVersion}${category.path}`);
  if (filter) url.searchParams.set('$filter', filter);
  if (top) url.searchParams.set('$top', String(top));
  // Graph's own examples keep $ and : readable; URLSearchParams encodes them, which Graph accepts.
  return url.toString();
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const psQuote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function curlCommand(url: string): string {
  return `curl -H "Authorization: Bearer $TOKEN" ${shellQuote(url)}`;
}

export function powershellCommand(category: GraphCategory, filter: string | undefined): string {
  const filterArg = filter ? ` -Filter ${psQuote(filter)}` : '';
  const connect = `Connect-MgGraph -Scopes ${category.requirement === 'riskDetections' ? 'IdentityRiskEvent.Read.All' : category.requirement === 'riskyUsers' ? 'IdentityRiskyUser.Read.All' : '"AuditLog.Read.All","Directory.Read.All"'}`;
  return `${connect}\n${category.powershell}${filterArg} -All`;
}
