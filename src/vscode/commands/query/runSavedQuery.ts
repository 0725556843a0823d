import { categoryById } from '../../../core/catalog/categories';
import { type QueryRunner } from '../../query/queryRunner';
import { defineCommand } from '../command';
import { type SavedQueryNode, savedQueryArg } from './args';

export function runSavedQueryCommand(deps: { readonly runner: QueryRunner }) {
  return defineCommand({
    id: 'identityLogs.runSavedQuery',
    args: savedQueryArg,
    run: (node: SavedQueryNode) => {
      const category = categoryById(node.query.category);
      return category ? deps.runner.start(node.tenant, category, node.query.model) : undefined;
    },
  });
}
