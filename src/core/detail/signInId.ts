import { GUID } from '../odata/literals';

/** Kept apart from the command so it can be unit-tested without VS Code. */
export function validateSignInId(value: string): string | undefined {
  return GUID.test(value.trim()) ? undefined : 'A sign-in id (request id) or correlation id is a GUID: 00000000-0000-0000-0000-000000000000.';
}
