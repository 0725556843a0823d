import { type QueryStore } from '../../query/queryStore';
import { defineCommand } from '../command';
import { type SavedQueryNode, savedQueryArg } from './args';

export function deleteSavedQueryCommand(deps: { readonly queries: QueryStore }) {
  return defineCommand({
    id: 'identityLogs.deleteSavedQuery',
    args: savedQueryArg,
    run: (node: SavedQueryNode) => deps.queries.remove(node.tenant.key, node.query.id),
  });
}
