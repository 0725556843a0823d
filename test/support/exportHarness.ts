/** Builds and runs exports against the fake tenant the way the extension does (tests and the bench). */
import { categoryById } from '../../src/core/catalog/categories';
import { type GraphCategory } from '../../src/core/catalog/types';
import { type Destination, type ExportSpec, loadCheckpoint } from '../../src/core/export/checkpoint';
import { type ExportFs, NODE_FS } from '../../src/core/export/exportFs';
import { type ExportFormat } from '../../src/core/export/formats';
import { type ExportOutcome, type ExportProgress, newExport, runExport } from '../../src/core/export/runExport';
import { graphWindows } from '../../src/core/export/windowSource';
import { type ApiClient } from '../../src/core/http/client';

export const SIGN_INS = categoryById('signIns.interactive') as GraphCategory;

export function exportSpec(origin: string, tenant: string, destination: Destination, format: ExportFormat, range: { fromMs: number; toMs: number } | undefined, columns?: string[], category: GraphCategory = SIGN_INS): ExportSpec {
  return {
    tenantKey: 'test',
    categoryId: category.id,
    graphOrigin: origin,
    filterWithoutTime: category.fixedFilter,
    range,
    format,
    columns,
    destination,
    header: {
      tenant: { id: tenant, name: 'Contoso (fake tenant)', cloud: 'global' },
      category: { id: category.id, label: category.label, endpoint: `${category.apiVersion}${category.path}` },
      filter: category.fixedFilter ?? null,
      fetchedAt: new Date(range?.toMs ?? 0).toISOString(),
      tool: 'Identity Log Explorer test',
    },
    extensionVersion: '0.0.0-test',
  };
}

/** Runs a new export, or resumes it when its checkpoint exists. */
export async function exportOrResume(client: ApiClient, spec: ExportSpec, options: { fs?: ExportFs; signal?: AbortSignal; onProgress?: (p: ExportProgress) => void; category?: GraphCategory; checkpointPath: string }): Promise<ExportOutcome> {
  const fsys = options.fs ?? NODE_FS;
  const existing = await loadCheckpoint(fsys, options.checkpointPath);
  const cp = existing ?? newExport(spec, Date.now());
  if (existing) cp.resumes++;
  const category = options.category ?? SIGN_INS;
  return runExport({ category, windows: graphWindows(client, category, cp.spec, Date.now), fs: fsys, now: Date.now, signal: options.signal, onProgress: options.onProgress }, cp);
}
