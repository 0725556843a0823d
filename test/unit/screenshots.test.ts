import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The README is the first page a user reads: every picture it shows must be in the package and be
 * a picture (a broken image is what a missing or mistyped capture from `npm run screenshots` gives).
 */
describe('README pictures', () => {
  const root = path.resolve(__dirname, '..', '..', '..');
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+\.(?:png|svg|gif))\)/g)].map((m) => m[1]);

  it('shows the results grid, the sign-in detail and the risky users view', () => {
    for (const name of ['results-grid', 'signin-detail', 'risky-users']) assert.ok(pictures.includes(`media/screenshots/${name}.png`), `${name} is shown`);
  });

  it('every picture it shows is in the repository and is the image its name says', () => {
    assert.ok(pictures.length >= 3);
    for (const picture of pictures) {
      assert.ok(!/^[a-z]+:/i.test(picture), `${picture}: a local file, not a remote one (the Marketplace and offline readers)`);
      const bytes = fs.readFileSync(path.join(root, picture));
      if (picture.endsWith('.png')) assert.deepStrictEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${picture}: PNG signature`);
      if (picture.endsWith('.svg')) assert.match(bytes.toString('utf8', 0, 500), /<svg/, `${picture}: an SVG`);
    }
  });
});
