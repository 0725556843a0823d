/** Microsoft Graph's report and Identity Protection APIs as a source. */
import { type CategorySpec, type GraphCategory } from '../catalog/types';
import { exportPlan } from '../export/plan';
import { newExport, runExport } from '../export/runExport';
import { graphWindows } from '../export/windowSource';
import { curlCommand, graphUrl, powershellCommand } from '../odata/copyAs';
import { type SourceAdapter } from './source';

/** The registry hands this adapter Graph categories only; anything else is a wiring bug, not a user's. */
function graph(category: CategorySpec): GraphCategory {
  if (category.source !== 'graph') throw new Error(`${category.label} is not a Graph report.`);
  return category;
}

export const GRAPH_SOURCE: SourceAdapter = {
  kind: 'graph',
  capabilities: { savedQueries: true, copyFormats: ['url', 'curl', 'powershell'] },
  unavailable: () => undefined,
  copyQuery(category, filter, origin, format) {
    const c = graph(category);
    const url = graphUrl(origin, c, filter);
    return format === 'url' ? url : format === 'curl' ? curlCommand(url) : format === 'powershell' ? powershellCommand(c, filter) : undefined;
  },
  exports: {
    timeAxis: 'recordTime',
    exportPlan: (category, model, time, nowMs) => exportPlan(graph(category), model, time, nowMs),
    exportSpecFields: () => ({}),
    newExport,
    async openExport(connections, category) {
      const { client, graphOrigin } = await connections.graph();
      return {
        // The demo tenant's port changes between sessions: a resumed export asks today's origin.
        run: (context, checkpoint) => {
          const spec = { ...checkpoint.spec, graphOrigin };
          return runExport({ ...context, category, windows: graphWindows(client, graph(category), spec, context.now) }, { ...checkpoint, spec });
        },
      };
    },
    describeExport: (spec) => `filter ${spec.filterWithoutTime ?? '(none)'}`,
  },
};
