/** The Office 365 Management Activity API as a source: content blobs listed by availability time. */
import { cloudById } from '../clouds';
import { contentTypeOfSpec, newO365Export, o365ExportPlan, runO365Export } from '../o365/exportContent';
import { type CategorySpec, type O365Category } from '../catalog/types';
import { type SourceAdapter } from './source';

/** The registry hands this adapter Office 365 categories only; anything else is a wiring bug. */
function content(category: CategorySpec): O365Category {
  if (category.source !== 'o365') throw new Error(`${category.label} is not Office 365 content.`);
  return category;
}

/** Blobs read at once: 4 keeps well under the tenant's rate. */
const BLOB_CONCURRENCY = 4;

export const O365_SOURCE: SourceAdapter = {
  kind: 'o365',
  // Filters are the grid's own; the API lists content, it does not query it.
  capabilities: { savedQueries: false, copyFormats: [] },
  unavailable(tenant) {
    if (tenant.signInKind === 'deviceCode') return 'The Management Activity API is app-only: edit the tenant to sign in with an app secret or certificate (ActivityFeed.Read).';
    if (!cloudById(tenant.cloud).manageHost && tenant.target === 'cloud') return `The Management Activity API is not documented for ${cloudById(tenant.cloud).label}.`;
    return undefined;
  },
  copyQuery: () => undefined,
  exports: {
    timeAxis: 'availability',
    exportPlan: (_category, _model, time, nowMs) => o365ExportPlan(time, nowMs),
    exportSpecFields: (category) => ({ source: { kind: 'o365', params: { contentType: content(category).contentType } } }),
    newExport: newO365Export,
    async openExport(connections, category) {
      const api = await connections.manage();
      return { run: (context, checkpoint) => runO365Export({ ...context, api, stats: api.stats, category: content(category), concurrency: BLOB_CONCURRENCY }, checkpoint) };
    },
    describeExport: (spec) => `content type ${contentTypeOfSpec(spec) ?? '(none)'}`,
  },
};
