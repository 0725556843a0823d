/**
 * A workspace table as a results-panel category: the Graph report it mirrors, read from the
 * workspace, or the report only a workspace has (Graph activity).
 */
import { categoryById } from '../catalog/categories';
import { type CategorySpec, type WorkspaceCategory } from '../catalog/types';
import { GRAPH_ACTIVITY_COLUMNS, GRAPH_ACTIVITY_DEFAULT_COLUMNS, GRAPH_ACTIVITY_FACETS, GRAPH_ACTIVITY_FILTER, graphActivityTitle } from './graphActivity';
import { tableForCategory, type WorkspaceTable } from './tables';
import { GRAPH_SHAPED_TABLES } from './toGraph';

export interface WorkspaceRef {
  readonly id: string;
  readonly name: string;
}

/** Undefined for tables the extension has no report for (their rows would have no columns or detail of their own). */
export function workspaceCategory(workspace: WorkspaceRef, table: WorkspaceTable): WorkspaceCategory | undefined {
  if (table.name === 'MicrosoftGraphActivityLogs') return graphActivityCategory(workspace);
  const graph = table.graphCategory ? categoryById(table.graphCategory) : undefined;
  if (!graph) return undefined;
  return {
    id: graph.id,
    label: `${table.label} (${table.name})`,
    group: graph.group,
    source: 'logAnalytics',
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    table: table.name,
    filter: graph,
    throttle: 'logAnalytics',
    endpoint: `v1/workspaces/${workspace.id}/query · ${table.name}`,
    columns: graph.columns,
    defaultColumns: graph.defaultColumns,
    ...(graph.facets ? { facets: graph.facets } : {}),
    requirement: graph.requirement,
    ...(graph.display ? { display: graph.display } : {}),
    ...(graph.derived ? { derived: graph.derived } : {}),
    title: graph.title,
  };
}

function graphActivityCategory(workspace: WorkspaceRef): WorkspaceCategory {
  return {
    id: 'graphActivity',
    label: `${GRAPH_ACTIVITY_FILTER.label} (MicrosoftGraphActivityLogs)`,
    group: 'Audit',
    source: 'logAnalytics',
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    table: 'MicrosoftGraphActivityLogs',
    filter: GRAPH_ACTIVITY_FILTER,
    throttle: 'logAnalytics',
    endpoint: `v1/workspaces/${workspace.id}/query · MicrosoftGraphActivityLogs`,
    columns: GRAPH_ACTIVITY_COLUMNS,
    defaultColumns: GRAPH_ACTIVITY_DEFAULT_COLUMNS,
    facets: GRAPH_ACTIVITY_FACETS,
    requirement: 'logAnalytics',
    title: (r) => graphActivityTitle(r),
  };
}

/** The workspace table a Graph report's query can also run on (its rows read in the report's shape). */
export function workspaceTableOf(category: CategorySpec): WorkspaceTable | undefined {
  if (category.source !== 'graph') return undefined;
  const table = tableForCategory(category.id);
  return table && GRAPH_SHAPED_TABLES.has(table.name) ? table : undefined;
}
