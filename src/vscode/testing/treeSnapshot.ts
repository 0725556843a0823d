/** The Risky Users view as drawn, for the extension's own tests (its bundle is not packaged). */
import type * as vscode from 'vscode';
import type { TreeNode } from '../tree/treeNode';

export interface TreeSnapshot {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly contextValue?: string;
  /** A plain string is inert text; a Markdown tooltip is reported as such (it could hold links). */
  readonly tooltip?: string | { readonly markdown: string };
  readonly children: TreeSnapshot[];
}

/** Groups (levels, states, service principals, examples) are opened down to `depth`; users are not, since opening one reads its history. */
export async function snapshotTree(provider: vscode.TreeDataProvider<TreeNode>, depth: number): Promise<TreeSnapshot[]> {
  const snap = async (nodes: readonly TreeNode[], left: number): Promise<TreeSnapshot[]> =>
    Promise.all(
      nodes.map(async (n) => {
        const item = await provider.getTreeItem(n);
        const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
        const group = /:(level|state):[^:]+$|:servicePrincipals$|:examples$/.test(n.id);
        const tooltip = item.tooltip === undefined ? undefined : typeof item.tooltip === 'string' ? item.tooltip : { markdown: item.tooltip.value };
        return { id: n.id, label, description: typeof item.description === 'string' ? item.description : undefined, contextValue: item.contextValue, tooltip, children: group && left > 0 ? await snap((await provider.getChildren(n)) ?? [], left - 1) : [] };
      }),
    );
  return snap((await provider.getChildren()) ?? [], depth);
}
