/** Pure row logic of the results grid: client-side filters and sorting. */
import { CA_POLICY_RESULT } from '../../src/core/catalog/enums';

/** The CA result values a user can filter on: the CSDL enum without its placeholder. */
export const CA_RESULTS = CA_POLICY_RESULT.filter((r) => r !== 'unknownFutureValue');

export type { FieldFilter, RowFilters } from '../../src/core/query/rowFilters';
export { describeFilters } from '../../src/core/query/rowFilters';

// Filtering and sorting live in core: the host computes the same view for Save as JSON.
export { filterRows, sortRows, type SortState } from '../../src/core/query/gridView';
