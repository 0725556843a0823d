import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { appToken, CONTOSO, FULL_APP } from '../../support/emulatorClient';

describe('fake tenant: the Graph JS SDK as a conformance client', function () {
  this.timeout(120_000);
  let emulator: Emulator;
  let token: string;
  let dir: string;

  before(async () => {
    // 20,000 sign-ins of all event types; about half are interactive, which is what v1.0 lists.
    emulator = await startEmulator({ signIns: 20_000, throttling: false });
    token = await appToken(emulator, CONTOSO, FULL_APP);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idlog-sdk-'));
  });
  after(async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pages through every interactive sign-in with PageIterator: the exact generated set, in order, no duplicates', async () => {
    const data = emulator.datasets.get(CONTOSO)!;
    const expected: string[] = [];
    for (let i = 0; i < data.sizes.signIns; i++) {
      const s = data.signIn(i);
      if (s.eventType === 'interactiveUser') expected.push(String(s.json.id));
    }
    assert.ok(expected.length >= 10_000, `${expected.length} interactive sign-ins`);
    const out = path.join(dir, 'ids.txt');
    const job = { origin: emulator.origin, token, path: `${emulator.origin}/v1.0/auditLogs/signIns`, out };
    const script = path.resolve(__dirname, '..', '..', 'support', 'sdkPager.js');
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [script], { env: { ...process.env, NODE_EXTRA_CA_CERTS: emulator.info.caCertPath!, IDLOG_SDK_JOB: JSON.stringify(job) } }, (err, so, se) => (err ? reject(new Error(`${err.message}\n${se}`)) : resolve(so))),
    );
    const got = fs.readFileSync(out, 'utf8').split('\n').filter(Boolean);
    assert.strictEqual(JSON.parse(stdout).count, expected.length);
    assert.strictEqual(new Set(got).size, got.length, 'no duplicates');
    assert.deepStrictEqual(got, expected);
  });
});
