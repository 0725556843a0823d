import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { explain } from '../../../src/core/diagnose/errors';
import { REQUIREMENTS } from '../../../src/core/diagnose/requirements';
import { COMMON_ERRORS, fillReadme } from '../../../scripts/readmeSections';

const README = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');

describe('README: the Marketplace page says what the extension says', () => {
  it('its permissions, clouds and troubleshooting sections are the generated ones (run npm run readme)', () => {
    assert.strictEqual(fillReadme(README), README);
  });

  it('lists every requirement Diagnose Permissions checks, with its permission', () => {
    for (const r of REQUIREMENTS) assert.ok(README.includes(`| ${r.label} | ${r.permissions.join(' + ')}${r.delegatedPermissions ? ` (delegated: ${r.delegatedPermissions.join(' + ')})` : ''} |`), r.label);
  });

  it('gives each common error the words and next step the extension shows', () => {
    for (const code of COMMON_ERRORS) {
      const x = explain(code)!;
      assert.ok(README.includes(`**${code}: ${x.title}.** ${x.message} *Fix:* ${x.nextStep}`), code);
    }
  });

  it('starts with the two commands, then the hero screenshots, and has every section a user looks for', () => {
    assert.match(README, /^# Identity Log Explorer\n\n```sh\nnpm run demo[^\n]*\nnpm test[^\n]*\n```/);
    assert.ok(README.indexOf('media/screenshots/results-grid.png') < README.indexOf('## Quick start'));
    for (const h of ['## Quick start', '## Features', '## Permissions', '## National clouds', '## Troubleshooting', '## Install from a VSIX', '## Privacy']) assert.ok(README.includes(`\n${h}\n`), h);
  });
});
