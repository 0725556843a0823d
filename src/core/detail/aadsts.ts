/** One-line meanings of the sign-in error codes users meet most, with the docs link. */
export interface SignInErrorInfo {
  readonly code: number;
  readonly meaning: string;
}

const TABLE: readonly SignInErrorInfo[] = [
  { code: 0, meaning: 'Success.' },
  { code: 50126, meaning: 'Wrong user name or password.' },
  { code: 50074, meaning: 'Strong authentication (MFA) is required: the user was asked for a second factor.' },
  { code: 50076, meaning: 'MFA is required because of a policy or a new location.' },
  { code: 50079, meaning: 'The user must register for MFA.' },
  { code: 50140, meaning: '"Stay signed in?" interrupt: not a failure.' },
  { code: 50158, meaning: 'An external security challenge (third-party MFA or CA provider) was not satisfied.' },
  { code: 53003, meaning: 'Blocked by conditional access.' },
  { code: 53000, meaning: 'The device is not compliant or not managed, as conditional access requires.' },
  { code: 500121, meaning: 'Strong authentication failed: MFA was denied, timed out or not completed.' },
  { code: 50053, meaning: 'The account is locked: too many wrong passwords, or sign-ins from a blocked IP.' },
  { code: 50055, meaning: 'The password has expired.' },
  { code: 50057, meaning: 'The account is disabled.' },
  { code: 50058, meaning: 'Silent sign-in failed: no session.' },
  { code: 50072, meaning: 'The user must enrol for second-factor authentication.' },
  { code: 50125, meaning: 'Sign-in was interrupted by a password reset or registration entry.' },
  { code: 70044, meaning: 'The session expired or was revoked by conditional access sign-in frequency.' },
  { code: 7000215, meaning: 'Invalid client secret: often the secret ID was sent instead of its value.' },
  { code: 7000222, meaning: 'The client secret has expired.' },
  { code: 700016, meaning: 'The application was not found in the tenant.' },
  { code: 700027, meaning: 'The client assertion (certificate) failed signature validation.' },
  { code: 90002, meaning: 'The tenant was not found.' },
  { code: 65001, meaning: 'Consent is missing for the application.' },
  { code: 50020, meaning: 'The user is not in the tenant.' },
];

const BY_CODE = new Map(TABLE.map((e) => [e.code, e]));

export function signInError(code: number): SignInErrorInfo | undefined {
  return BY_CODE.get(code);
}

export function errorDocsUrl(code: number): string {
  return `https://login.microsoftonline.com/error?code=${code}`;
}
