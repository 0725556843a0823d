import { MAX_IDS_PER_CALL } from './subjects';

/** Splits ids into calls of at most `size` (60, the service's limit), keeping their order. */
export function chunkIds<T>(ids: readonly T[], size = MAX_IDS_PER_CALL): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Chunk size must be a positive integer, not ${size}.`);
  const chunks: T[][] = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  return chunks;
}
