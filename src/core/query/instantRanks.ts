/**
 * A time column's instants in order: the distinct ones, sorted (a native numeric sort), and each
 * row's place among them (-1 for a row whose cell is not an instant). What sorting by time ranks by.
 */
export function instantRanks(instants: Float64Array, rows: number, timed: number): { readonly distinct: Float64Array; readonly ofRow: Int32Array } {
  const sorted = new Float64Array(timed);
  let k = 0;
  for (let row = 0; row < rows; row++) if (!Number.isNaN(instants[row])) sorted[k++] = instants[row];
  sorted.sort();
  let n = 0;
  for (let j = 0; j < sorted.length; j++) if (j === 0 || sorted[j] !== sorted[j - 1]) sorted[n++] = sorted[j];
  const distinct = sorted.subarray(0, n);
  // Each row finds its own by binary search.
  const ofRow = new Int32Array(rows).fill(-1);
  for (let row = 0; row < rows; row++) {
    const ms = instants[row];
    if (Number.isNaN(ms)) continue;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid] < ms) lo = mid + 1;
      else hi = mid;
    }
    ofRow[row] = lo;
  }
  return { distinct, ofRow };
}
