/**
 * Editor tab titles. Tabs must tell queries apart (report, range, filter, tenant), and a shortened
 * title is cut between words with an ellipsis, never inside a word: a half address
 * ("alice@contoso.onmi") reads as a different account.
 */

/** `text` in at most `max` characters, cut at a space before the limit, with an ellipsis. */
export function shortTitle(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max - 1);
  const head = (cut > 0 ? t.slice(0, cut) : t.slice(0, max - 1)).replace(/[\s·,;:→-]+$/, '');
  return `${head}…`;
}

/** "Interactive sign-ins · Last 24 hours · failures only · Contoso": which query a tab holds. */
export function resultsTitle(categoryLabel: string, filterText: string, tenantLabel: string): string {
  return `${categoryLabel} · ${shortTitle(filterText, 60)} · ${tenantLabel}`;
}
