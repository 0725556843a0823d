// `npm run demo`: installs what is missing, builds and packages the extension, then starts a real
// VS Code (code-server) with the freshly built VSIX installed. Plain JavaScript on purpose: it must
// run on a fresh clone before any dependency is installed.
const { execSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
// Each step says what it does before it starts: the first run installs for a minute or more.
const step = (n, text) => console.log(`\n[demo ${n}/4] ${text}`);

if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  step(1, 'Installing dependencies (npm ci); the first run takes a minute or two…');
  run('npm ci');
} else step(1, 'Dependencies are installed.');
step(2, 'Building and packaging the extension (VSIX)…');
run('npm run --silent package');
step(3, 'Compiling the demo launcher…');
run('npm run --silent compile-tests');
step(4, 'Starting VS Code (code-server; installed on first use, which takes a few minutes)…');
require(path.join(root, 'out', 'scripts', 'demoServer.js'));
