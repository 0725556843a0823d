import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IdentityLogsApi } from '../../src/vscode/testing/testApi';

const EXTENSION_ID = 'identity-log-explorer.identity-log-explorer';

interface Manifest {
  activationEvents: string[];
  contributes: { commands: { command: string }[] };
}

describe('Extension activation and contributions', () => {
  const extension = () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    return ext;
  };

  it('declares the VS Code versions it runs in, and the host it was tested in is one of them', () => {
    const range = /^\^(\d+)\.(\d+)\.(\d+)$/.exec((extension().packageJSON as { engines: { vscode: string } }).engines.vscode);
    assert.ok(range, 'engines.vscode is a caret range');
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major === Number(range[1]) && minor >= Number(range[2]), `VS Code ${vscode.version} is within ${range[0]}`);
  });

  it('is not active until its view or a command is used', () => {
    // Nothing in this suite has touched the view yet, so a '*' or onStartupFinished event would show here.
    assert.strictEqual(extension().isActive, false);
    const manifest = extension().packageJSON as Manifest;
    for (const event of manifest.activationEvents) {
      assert.ok(event !== '*' && event !== 'onStartupFinished', `eager activation event ${event}`);
    }
  });

  it('activates when the Identity Logs container is opened', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.identityLogs');
    const deadline = Date.now() + 20_000;
    while (!extension().isActive && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.strictEqual(extension().isActive, true);
  });

  it('activation loads the extension bundle only: not the demo tenant, not the PFX reader, not MSAL, not the KQL parser', () => {
    // The extension host loads a CommonJS extension with require(), so its module cache shows which
    // of dist/'s bundles have run. The lazy ones load on first use (the demo suite checks that).
    const dist = path.join(extension().extensionPath, 'dist') + path.sep;
    const loaded = Object.keys(require.cache).filter((k) => k.startsWith(dist)).map((k) => path.relative(dist, k));
    // Under its own tests the extension also loads the test kit, which the VSIX does not contain.
    assert.deepStrictEqual(loaded, ['extension.js', 'test-kit.js']);
    for (const lazy of ['demo-tenant.js', 'pfx.js', 'msal.js', 'kusto-runtime.js']) assert.ok(fs.existsSync(path.join(dist, lazy)), `${lazy} is built`);
  });

  it('one error boundary: a command that throws resolves, and the user is told once, through the error catalog, which command failed', async () => {
    const api = extension().exports as IdentityLogsApi;
    const before = api.reportedErrors().length;
    const request = { tenantKey: 'no-such-tenant', category: 'signIns.interactive', format: 'ndjson' };
    const result = await vscode.commands.executeCommand('identityLogs.export', request);
    assert.strictEqual(result, undefined, 'the failure did not escape as a rejection (VS Code would show its raw text)');
    const reported = api.reportedErrors().slice(before);
    assert.deepStrictEqual(
      reported.map((r) => [r.title, r.code]),
      [['Identity Logs: Export… failed', 'Unknown']],
    );
    assert.match(reported[0].summary, /Unknown tenant or category: no-such-tenant/);
  });

  it('registers every command that package.json declares', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(extension().extensionPath, 'package.json'), 'utf8')) as Manifest;
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, []);
  });

  it('opens its log output channel', async () => {
    await vscode.commands.executeCommand('identityLogs.showLog');
    // The log channel is a document with the output scheme once shown.
    const deadline = Date.now() + 10_000;
    let found: vscode.TextDocument | undefined;
    while (!found && Date.now() < deadline) {
      found = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && d.uri.path.includes('Identity Log Explorer'));
      if (!found) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(found, `no output document; open: ${vscode.workspace.textDocuments.map((d) => d.uri.toString()).join(', ')}`);
  });
});
