/**
 * Sign-in ids as people paste them: request and correlation ids are GUIDs, written with or without
 * hyphens and braces, in any case (PowerShell prints `{…}`, some tools strip the hyphens). Kept
 * apart from the command so it can be unit-tested without VS Code.
 */

const BARE = /^\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;

/** The canonical form Graph uses (lowercase, hyphenated), or undefined when it is not a GUID. */
export function normalizeSignInId(value: string): string | undefined {
  const m = BARE.exec(value.trim());
  if (!m) return undefined;
  // Braces must come as a pair, and hyphens all or none: a half-edited paste is a typo, not an id.
  const text = value.trim();
  if (text.startsWith('{') !== text.endsWith('}')) return undefined;
  const hyphens = (text.match(/-/g) ?? []).length;
  if (hyphens !== 0 && hyphens !== 4) return undefined;
  return m.slice(1, 6).join('-').toLowerCase();
}

export function validateSignInId(value: string): string | undefined {
  return normalizeSignInId(value) ? undefined : 'A sign-in id (request id) or correlation id is a GUID: 00000000-0000-0000-0000-000000000000 (braces and missing hyphens are fine).';
}
