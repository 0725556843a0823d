/** Pure row logic of the results grid: client-side filters and sorting. */
import { CA_POLICY_RESULT } from '../../src/core/catalog/enums';

/** The CA result values a user can filter on: the CSDL enum without its placeholder. */
export const CA_RESULTS = CA_POLICY_RESULT.filter((r) => r !== 'unknownFutureValue');

export type { FieldFilter, RowFilters, TimeFilter } from '../../src/core/query/rowFilters';
export { describeFilters } from '../../src/core/query/rowFilters';

// Filtering and sorting live in core: the host computes the same view for Save as JSON.
export { filterRows, sortRows, type SortState } from '../../src/core/query/gridView';

/** "2026-12-01 10:00Z": an instant to the minute, as the histogram's axis and the time chip say it. */
export const minuteText = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace(/:\d{2}\.\d{3}Z$/, 'Z');
