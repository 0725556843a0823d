// Packages the VSIX with vsce, fails on any warning, and prints its size and file count.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, `${manifest.name}-${manifest.version}.vsix`);
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

let output;
try {
  // --no-dependencies: the bundle in dist/ carries everything that runs.
  output = execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
} catch (e) {
  process.stderr.write(String(e.stdout ?? '') + String(e.stderr ?? ''));
  process.exit(1);
}
process.stdout.write(output);
if (/WARNING/i.test(output)) {
  console.error('vsce printed a warning; the package must build cleanly.');
  process.exit(1);
}

const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);
const size = fs.statSync(out).size;
console.log(`VSIX: ${path.basename(out)}  ${(size / 1024).toFixed(1)} KiB, ${listing.length} files`);
for (const f of listing) console.log(`  ${f}`);
// Only what runs: no source maps (they double the size and carry our sources' paths), no sources,
// and not the test kit (the extension's own tests' API and prompter).
const bad = listing.filter((f) => !/^(dist\/|media\/|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/.test(f) || f.endsWith('.map') || f === 'dist/test-kit.js');
if (bad.length > 0) {
  console.error(`Files that do not run were packaged: ${bad.join(', ')}`);
  process.exit(1);
}
if (size > 2 * 1024 * 1024) {
  console.error('The VSIX is over the 2 MB target.');
  process.exit(1);
}
