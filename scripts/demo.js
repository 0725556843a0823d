// `npm run demo`: installs what is missing, builds and packages the extension, then starts a real
// VS Code (code-server) with the freshly built VSIX installed. Plain JavaScript on purpose: it must
// run on a fresh clone before any dependency is installed.
const { execSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });

if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) run('npm ci');
run('npm run --silent package');
run('npm run --silent compile-tests');
require(path.join(root, 'out', 'scripts', 'demoServer.js'));
