/** A workspace table as a results-panel category: the Graph report it mirrors, read from the workspace. */
import { categoryById } from '../catalog/categories';
import { type WorkspaceCategory } from '../catalog/types';
import { type WorkspaceTable } from './tables';

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
    requirement: graph.requirement,
    ...(graph.display ? { display: graph.display } : {}),
    title: graph.title,
  };
}
