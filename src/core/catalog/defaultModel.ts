import { EMPTY_FILTER, type FilterModel } from '../odata/model';
import { type CategorySpec } from './types';

/** The filter a report runs with before the user has chosen one. */
export function defaultModel(category: CategorySpec): FilterModel {
  // Risky users are few and change slowly: show all of them, not just the last day's changes.
  return category.id === 'riskyUsers' ? { ...EMPTY_FILTER, time: { kind: 'all' } } : EMPTY_FILTER;
}
