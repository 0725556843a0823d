/**
 * The parts of MSAL Node the credentials use, in one module so the build can put MSAL (about
 * 180 KB) in its own bundle: it loads on the first sign-in or token, not when VS Code starts.
 */
export { ConfidentialClientApplication, InteractionRequiredAuthError, LogLevel, PublicClientApplication } from '@azure/msal-node';
