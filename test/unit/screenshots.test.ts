import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

/** The README's pictures come from `npm run screenshots`; check that they are there and real. */
describe('README screenshots (media/screenshots, made by npm run screenshots)', () => {
  const dir = path.resolve(__dirname, '..', '..', '..', 'media', 'screenshots');
  for (const name of ['results-grid', 'signin-detail', 'risky-users', 'walkthrough']) {
    it(`${name}.png is a real 1440×900 screenshot`, () => {
      const bytes = fs.readFileSync(path.join(dir, `${name}.png`));
      assert.deepStrictEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
      // IHDR: width and height are the first two big-endian words of the first chunk's data.
      assert.deepStrictEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1440, 900]);
      assert.ok(bytes.length > 50_000, `only ${bytes.length} bytes: an empty or failed capture?`);
    });
  }

  it('the README shows them', () => {
    const readme = fs.readFileSync(path.resolve(dir, '..', '..', 'README.md'), 'utf8');
    for (const name of ['results-grid', 'signin-detail', 'risky-users']) assert.ok(readme.includes(`media/screenshots/${name}.png`), name);
  });
});
