/** The Office 365 Management Activity API as a source: content blobs listed by availability time. */
import { cloudById } from '../clouds';
import { o365ContentTypeOf } from '../o365/category';
import { newO365Export, o365ExportPlan, runO365Export } from '../o365/exportContent';
import { type SourceAdapter } from './source';

/** Blobs read at once: 4 keeps well under the tenant's rate. */
const BLOB_CONCURRENCY = 4;

export const O365_SOURCE: SourceAdapter = {
  kind: 'o365',
  // Filters are the grid's own; the API lists content, it does not query it.
  capabilities: { serverQuery: false, savedQueries: false, exportTimeAxis: 'availability' },
  unavailable(tenant) {
    if (tenant.signInKind === 'deviceCode') return 'The Management Activity API is app-only: edit the tenant to sign in with an app secret or certificate (ActivityFeed.Read).';
    if (!cloudById(tenant.cloud).manageHost && tenant.target === 'cloud') return `The Management Activity API is not documented for ${cloudById(tenant.cloud).label}.`;
    return undefined;
  },
  exportPlan: (_category, _model, time, nowMs) => o365ExportPlan(time, nowMs),
  exportSpecFields(category) {
    const contentType = o365ContentTypeOf(category);
    return contentType ? { o365: { contentType } } : {};
  },
  newExport: newO365Export,
  async openExport(connections, category) {
    const api = await connections.manage();
    return { run: (context, checkpoint) => runO365Export({ ...context, api, stats: api.stats, category, concurrency: BLOB_CONCURRENCY }, checkpoint) };
  },
  describeExport: (spec) => `content type ${spec.o365?.contentType ?? '(none)'}`,
};
