/**
 * Everything only the extension's own tests use, in one bundle (dist/test-kit.js) that the
 * extension requires under ExtensionMode.Test and the VSIX leaves out.
 */
export { createApi, type IdentityLogsApi, type TestApiDeps } from './testApi';
export { ScriptedPrompter } from './scriptedPrompter';
