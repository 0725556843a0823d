/**
 * The same integration suites on VS Code desktop, for machines that can download it. These
 * machines cannot, so CI uses test/integration/launch.ts (code-server) instead.
 */
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '..', '..');

runTests({
  version: process.env.VSCODE_VERSION ?? '1.100.3',
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index'),
  launchArgs: [path.join(root, 'test', 'fixtures', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
}).then(
  () => process.exit(0),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
