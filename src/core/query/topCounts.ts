/** The most frequent entries of a count table, without sorting all of it (facets over a million rows). */

/** The collation `localeCompare` uses, made once. */
const COLLATOR = new Intl.Collator();

/**
 * The n entries with the highest counts, ties by text: without sorting the dictionary (a column
 * of addresses has as many entries as rows). Entries above the n-th count are all in; among
 * those at it, the first by collation, kept in a list of at most n.
 */
export function topIds(counts: Uint32Array, n: number, textOf: (id: number) => string): number[] {
  const byCount = (a: number, b: number) => counts[b] - counts[a] || COLLATOR.compare(textOf(a), textOf(b));
  // The n-th highest count: a short list of the highest counts seen.
  const highest: number[] = [];
  for (let id = 1; id < counts.length; id++) {
    const c = counts[id];
    if (c === 0 || (highest.length === n && c <= highest[n - 1])) continue;
    let at = highest.length;
    while (at > 0 && highest[at - 1] < c) at--;
    highest.splice(at, 0, c);
    if (highest.length > n) highest.pop();
  }
  if (highest.length === 0) return [];
  const threshold = highest[highest.length - 1];
  const above: number[] = [];
  const tied: number[] = [];
  for (let id = 1; id < counts.length; id++) {
    if (counts[id] > threshold) above.push(id);
    else if (counts[id] === threshold && counts[id] > 0) {
      // Keep the first n - |above| of the tied by text; most are rejected by one comparison.
      if (tied.length >= n && COLLATOR.compare(textOf(id), textOf(tied[tied.length - 1])) >= 0) continue;
      let at = tied.length;
      while (at > 0 && COLLATOR.compare(textOf(tied[at - 1]), textOf(id)) > 0) at--;
      tied.splice(at, 0, id);
      if (tied.length > n) tied.pop();
    }
  }
  return [...above.sort(byCount), ...tied].slice(0, n);
}
