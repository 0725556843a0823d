/** `npm run readme`: rewrites the README's generated tables and troubleshooting list. */
import * as fs from 'fs';
import * as path from 'path';
import { fillReadme } from './readmeSections';

const file = path.join(__dirname, '..', '..', 'README.md');
const before = fs.readFileSync(file, 'utf8');
const after = fillReadme(before);
fs.writeFileSync(file, after);
console.log(before === after ? 'README.md is up to date.' : 'README.md updated.');
