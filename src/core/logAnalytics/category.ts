/** A workspace table as a results-panel category: the Graph report it mirrors, read from the workspace. */
import { categoryById } from '../catalog/categories';
import { type CategorySpec, type WorkspaceCategory } from '../catalog/types';
import { tableForCategory, type WorkspaceTable } from './tables';
import { GRAPH_SHAPED_TABLES } from './toGraph';

export interface WorkspaceRef {
  readonly id: string;
  readonly name: string;
}

/** Undefined for tables that mirror no Graph report (their rows have no detail panel of their own). */
export function workspaceCategory(workspace: WorkspaceRef, table: WorkspaceTable): WorkspaceCategory | undefined {
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
    graph,
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

/** The workspace table a Graph report's query can also run on (its rows read in the report's shape). */
export function workspaceTableOf(category: CategorySpec): WorkspaceTable | undefined {
  if (category.source !== 'graph') return undefined;
  const table = tableForCategory(category.id);
  return table && GRAPH_SHAPED_TABLES.has(table.name) ? table : undefined;
}
