// Fails when a command declared in package.json is not registered in code, or one registered in
// code is not declared (the check GitHub Pull Requests runs). Commands live one per file under
// src/vscode/commands and name their id as `id: 'identityLogs.…'`.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const declared = new Set((manifest.contributes.commands ?? []).map((c) => c.command));

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

const registered = new Map();
for (const file of walk(path.join(root, 'src'))) {
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\bid:\s*'(identityLogs\.[\w.]+)'/g)) registered.set(m[1], path.relative(root, file));
  for (const m of text.matchAll(/registerCommand\(\s*'(identityLogs\.[\w.]+)'/g)) registered.set(m[1], path.relative(root, file));
}

// Menus may only name declared commands.
const menuCommands = new Set();
for (const entries of Object.values(manifest.contributes.menus ?? {})) {
  for (const entry of entries) if (entry.command) menuCommands.add(entry.command);
}

const problems = [];
for (const id of declared) if (!registered.has(id)) problems.push(`declared in package.json but never registered: ${id}`);
for (const [id, file] of registered) if (!declared.has(id)) problems.push(`registered in ${file} but not declared in package.json: ${id}`);
for (const id of menuCommands) if (!declared.has(id)) problems.push(`used in a menu but not declared: ${id}`);

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`commands: ${declared.size} declared, ${registered.size} registered, all matched`);
