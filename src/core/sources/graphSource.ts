/** Microsoft Graph's report and Identity Protection APIs as a source. */
import { exportPlan } from '../export/plan';
import { newExport, runExport } from '../export/runExport';
import { type SourceAdapter } from './source';

export const GRAPH_SOURCE: SourceAdapter = {
  kind: 'graph',
  capabilities: { serverQuery: true, savedQueries: true, exportTimeAxis: 'recordTime' },
  unavailable: () => undefined,
  exportPlan,
  exportSpecFields: () => ({}),
  newExport,
  async openExport(connections, category) {
    const { client, graphOrigin } = await connections.graph();
    return {
      // The demo tenant's port changes between sessions: a resumed export asks today's origin.
      run: (context, checkpoint) => runExport({ ...context, client, category }, { ...checkpoint, spec: { ...checkpoint.spec, graphOrigin } }),
    };
  },
  describeExport: (spec) => `filter ${spec.filterWithoutTime ?? '(none)'}`,
};
