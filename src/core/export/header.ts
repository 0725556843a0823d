/**
 * The header every saved or exported result carries, and the names suggested for its files, built
 * the same way for "Open as JSON", "Save as JSON…" and bulk exports.
 */
import { type CategorySpec } from '../catalog/types';
import { type TenantConfig } from '../tenants/tenantConfig';
import { type QueryHeader } from './document';
import { leafPaths } from './csv';

export const TOOL_NAME = 'Identity Log Explorer';

export interface HeaderInput {
  readonly tenant: TenantConfig;
  readonly category: CategorySpec;
  /** The full `$filter`, time range included. */
  readonly filter: string | undefined;
  readonly range?: { readonly fromMs: number; readonly toMs: number };
  readonly clientFilters?: readonly string[];
  readonly fetchedAtMs: number;
  readonly extensionVersion: string;
}

export function queryHeader(i: HeaderInput): Omit<QueryHeader, 'count'> {
  return {
    tenant: { id: i.tenant.tenant, name: i.tenant.displayName, cloud: i.tenant.gcc ? `${i.tenant.cloud} (GCC)` : i.tenant.cloud },
    category: { id: i.category.id, label: i.category.label, endpoint: i.category.endpoint },
    filter: i.filter ?? null,
    ...(i.clientFilters && i.clientFilters.length > 0 ? { clientFilters: [...i.clientFilters] } : {}),
    ...(i.range ? { range: { from: new Date(i.range.fromMs).toISOString(), to: new Date(i.range.toMs).toISOString() } } : {}),
    fetchedAt: new Date(i.fetchedAtMs).toISOString(),
    tool: `${TOOL_NAME} ${i.extensionVersion}`,
  };
}

/** The header of one record saved from a detail panel: the same document shape, with one row. */
export function recordHeader(tenant: TenantConfig, category: { readonly id: string; readonly label: string; readonly endpoint: string }, recordId: string, fetchedAtMs: number, extensionVersion: string): Omit<QueryHeader, 'count'> {
  const c = { id: category.id, label: category.label, endpoint: category.endpoint };
  return {
    tenant: { id: tenant.tenant, name: tenant.displayName, cloud: tenant.gcc ? `${tenant.cloud} (GCC)` : tenant.cloud },
    category: c,
    filter: `id eq '${recordId.replace(/'/g, "''")}'`,
    fetchedAt: new Date(fetchedAtMs).toISOString(),
    tool: `${TOOL_NAME} ${extensionVersion}`,
  };
}

/** A file-system-safe slug: tenant and category names are user text and may hold anything. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'export';
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `contoso-interactive-sign-ins-2026-11-15-to-2026-11-22`, without an extension. */
export function suggestedBaseName(tenantName: string, categoryLabel: string, range?: { fromMs: number; toMs: number }): string {
  const when = range ? (day(range.fromMs) === day(range.toMs) ? `-${day(range.toMs)}` : `-${day(range.fromMs)}-to-${day(range.toMs)}`) : '';
  return `${slug(tenantName)}-${slug(categoryLabel)}${when}`;
}

/**
 * Columns offered for a CSV export: the grid's columns first (by path), then the filterable
 * fields, then every other leaf path seen in sample records, so nested fields can be picked too.
 */
export function csvColumnChoices(category: CategorySpec, samples: readonly Record<string, unknown>[]): { path: string; label: string; fromCatalog: boolean }[] {
  const out = category.columns.map((c) => ({ path: c.path, label: c.label, fromCatalog: true }));
  const seen = new Set(out.map((c) => c.path));
  // Graph's filterable fields (Office 365 records have none the catalog knows).
  for (const f of 'fields' in category ? category.fields : []) {
    if (seen.has(f.path)) continue;
    seen.add(f.path);
    out.push({ path: f.path, label: f.label, fromCatalog: true });
  }
  for (const r of samples) {
    for (const p of leafPaths(r)) {
      if (seen.has(p)) continue;
      seen.add(p);
      out.push({ path: p, label: p, fromCatalog: false });
    }
  }
  return out;
}
