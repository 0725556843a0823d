/** The sources the extension knows, and the adapter behind a category or a saved export. */
import { categoryById } from '../catalog/categories';
import { type CategorySpec } from '../catalog/types';
import { type ExportSpec } from '../export/checkpoint';
import { o365Category } from '../o365/category';
import { isContentType } from '../o365/contentTypes';
import { contentTypeOfSpec } from '../o365/exportContent';
import { GRAPH_SOURCE } from './graphSource';
import { workspaceCategory } from '../logAnalytics/category';
import { workspaceTable } from '../logAnalytics/tables';
import { LOG_ANALYTICS_SOURCE } from './logAnalyticsSource';
import { O365_SOURCE } from './o365Source';
import { type SourceAdapter, type SourceExports, type SourceKind } from './source';

const SOURCES: Readonly<Record<SourceKind, SourceAdapter>> = { graph: GRAPH_SOURCE, o365: O365_SOURCE, logAnalytics: LOG_ANALYTICS_SOURCE };

export function sourceOf(category: CategorySpec): SourceAdapter {
  return SOURCES[category.source];
}

/** A source's bulk export; callers offer Export only where the source has one. */
export function exportsOf(category: CategorySpec): SourceExports {
  const exports = sourceOf(category).exports;
  if (!exports) throw new Error(`${category.label} cannot be exported in bulk; Save as JSON writes the rows loaded.`);
  return exports;
}

/**
 * A category by id: a Graph report (`signIns.interactive`, `directoryAudits` …), or a content
 * type's records (`o365` with `contentType`).
 */
export function categoryFor(id: string, contentType?: unknown): CategorySpec | undefined {
  if (id === O365_SOURCE.kind) return isContentType(contentType) ? o365Category(contentType) : undefined;
  return categoryById(id);
}

/** The category a saved export reads. */
export function categoryOfSpec(spec: ExportSpec): CategorySpec | undefined {
  const params = spec.source?.kind === 'logAnalytics' ? spec.source.params : undefined;
  if (params) {
    const table = workspaceTable(params.table ?? '');
    return table && params.workspaceId ? workspaceCategory({ id: params.workspaceId, name: params.workspaceName ?? params.workspaceId }, table) : undefined;
  }
  const contentType = contentTypeOfSpec(spec);
  return contentType !== undefined ? categoryFor(O365_SOURCE.kind, contentType) : categoryById(spec.categoryId);
}
