import * as assert from 'assert';
import { type Emulator, startEmulator } from '../../../src/emulator';
import { appToken, CONTOSO, FABRIKAM, FABRIKAM_APP, FULL_APP, type HttpResult, NO_IDP_APP, request } from '../../support/emulatorClient';

type Content = { contentType: string; contentId: string; contentUri: string; contentCreated: string; contentExpiration: string };
const af = (r: HttpResult) => (r.json as { error: { code: string; message: string } }).error;
const HOUR = 3_600_000;
const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 19);

describe('fake tenant: Office 365 Management Activity API', function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let token: string;
  const feed = (rest: string) => `${emulator.origin}/api/v1.0/${CONTOSO}/activity/feed/${rest}`;
  const call = (rest: string, method = 'GET', t = token) => request(emulator, rest.startsWith('http') ? rest : feed(rest), { method, token: t });

  before(async () => {
    emulator = await startEmulator({ signIns: 20_000, throttling: false, contentPageSize: 10 });
    token = await appToken(emulator, CONTOSO, FULL_APP, 'https://manage.office.com');
  });
  after(() => emulator.close());

  it('lists content only after a subscription is started (AF20022 before)', async () => {
    const before = await call('subscriptions/content?contentType=Audit.AzureActiveDirectory');
    assert.strictEqual(before.status, 400);
    assert.strictEqual(af(before).code, 'AF20022');
    const start = await call('subscriptions/start?contentType=Audit.AzureActiveDirectory&PublisherIdentifier=' + CONTOSO, 'POST');
    assert.strictEqual(start.status, 200);
    assert.deepStrictEqual(start.json, { contentType: 'Audit.AzureActiveDirectory', status: 'enabled', webhook: null });
    const list = await call('subscriptions/list');
    assert.deepStrictEqual(list.json, [{ contentType: 'Audit.AzureActiveDirectory', status: 'enabled', webhook: null }]);
  });

  it('throttles a second start within 15 minutes with a wait time', async () => {
    const again = await call('subscriptions/start?contentType=Audit.AzureActiveDirectory', 'POST');
    assert.strictEqual(again.status, 429);
    assert.match(af(again).message, /^Too many frequent subscription start requests\. Please retry again after \d+m \d+s$/);
  });

  it('validates the content window: both or neither, at most 24 h, at most 7 days back, known formats', async () => {
    const now = Date.now();
    const cases: [string, string][] = [
      [`startTime=${fmt(now - 2 * HOUR)}`, 'AF20055'],
      [`startTime=${fmt(now - 30 * HOUR)}&endTime=${fmt(now)}`, 'AF20055'],
      [`startTime=${fmt(now - 8 * 24 * HOUR)}&endTime=${fmt(now - 8 * 24 * HOUR + HOUR)}`, 'AF20055'],
      [`startTime=${fmt(now)}&endTime=${fmt(now - HOUR)}`, 'AF20055'],
      ['startTime=yesterday&endTime=today', 'AF20030'],
    ];
    for (const [q, code] of cases) {
      const r = await call(`subscriptions/content?contentType=Audit.AzureActiveDirectory&${q}`);
      assert.strictEqual(r.status, 400, q);
      assert.strictEqual(af(r).code, code, q);
    }
    const minutes = await call(`subscriptions/content?contentType=Audit.AzureActiveDirectory&startTime=${fmt(now - 20 * HOUR).slice(0, 16)}&endTime=${fmt(now).slice(0, 16)}`);
    assert.strictEqual(minutes.status, 200, minutes.text);
    const day = new Date(now - 24 * HOUR).toISOString().slice(0, 10);
    const dates = await call(`subscriptions/content?contentType=Audit.AzureActiveDirectory&startTime=${day}&endTime=${day}T23:59:59`);
    assert.strictEqual(dates.status, 200, dates.text);
  });

  it('pages a 24 h window through NextPageUri and returns blobs whose records are Entra logons of real sign-ins', async () => {
    const now = Date.now();
    let next: string | undefined = feed(`subscriptions/content?contentType=Audit.AzureActiveDirectory&startTime=${fmt(now - 24 * HOUR)}&endTime=${fmt(now)}`);
    const content: Content[] = [];
    let pages = 0;
    while (next) {
      const r = await call(next);
      assert.strictEqual(r.status, 200, r.text);
      content.push(...(r.json as Content[]));
      next = r.headers.nextpageuri as string | undefined;
      pages++;
    }
    assert.ok(pages >= 3, `${pages} pages`);
    assert.ok(content.length >= 22 && content.length <= 25, `${content.length} blobs in 24 h`);
    assert.strictEqual(new Set(content.map((c) => c.contentId)).size, content.length);
    for (const c of content) {
      const created = Date.parse(c.contentCreated);
      assert.ok(created >= now - 24 * HOUR - 1000 && created < now + 1000, 'window is over contentCreated');
      assert.strictEqual(Date.parse(c.contentExpiration) - created, 7 * 24 * HOUR);
    }
    const blob = await call(content[content.length - 1].contentUri);
    assert.strictEqual(blob.status, 200);
    const records = blob.json as Record<string, unknown>[];
    const logons = records.filter((r) => r.RecordType === 15);
    const directory = records.filter((r) => r.RecordType === 8);
    assert.ok(logons.length > 0 && directory.length > 0);
    for (const r of records) {
      for (const k of ['Id', 'RecordType', 'CreationTime', 'Operation', 'OrganizationId', 'UserType', 'UserKey', 'Workload', 'UserId', 'ClientIP']) assert.ok(k in r, `missing ${k}`);
      assert.match(String(r.CreationTime), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    }
    // A logon names its sign-in: the same id, user and error code as Graph reports.
    const graphToken = await appToken(emulator, CONTOSO, FULL_APP);
    const logon = logons[0];
    const signIn = (await request(emulator, `${emulator.origin}/v1.0/auditLogs/signIns/${String(logon.IntraSystemId)}`, { token: graphToken })).json as Record<string, unknown>;
    assert.strictEqual(signIn.userPrincipalName, logon.UserId);
    assert.strictEqual(String((signIn.status as { errorCode: number }).errorCode), logon.ErrorCode);
  });

  it('records inside a blob are not in time order', async () => {
    const now = Date.now();
    const list = (await call(`subscriptions/content?contentType=Audit.AzureActiveDirectory&startTime=${fmt(now - 6 * HOUR)}&endTime=${fmt(now)}`)).json as Content[];
    let unordered = 0;
    for (const c of list) {
      const times = ((await call(c.contentUri)).json as { CreationTime: string }[]).map((r) => r.CreationTime);
      if (times.some((t, i) => i > 0 && t > times[i - 1]) && times.some((t, i) => i > 0 && t < times[i - 1])) unordered++;
    }
    assert.ok(unordered > 0);
  });

  it('serves all five content types in the common schema', async () => {
    for (const ct of ['Audit.Exchange', 'Audit.SharePoint', 'Audit.General', 'DLP.All']) {
      assert.strictEqual((await call(`subscriptions/start?contentType=${ct}`, 'POST')).status, 200);
      const now = Date.now();
      const list = (await call(`subscriptions/content?contentType=${ct}&startTime=${fmt(now - 5 * HOUR)}&endTime=${fmt(now)}`)).json as Content[];
      assert.ok(list.length >= 3, ct);
      const records = (await call(list[0].contentUri)).json as Record<string, unknown>[];
      assert.ok(records.length > 0 && records.every((r) => typeof r.RecordType === 'number' && typeof r.Workload === 'string'), ct);
    }
  });

  it('already enabled is AF20024 (HTTP 400) once the start throttle has passed; stop disables', async () => {
    const fast = await startEmulator({ signIns: 100, throttling: false, timeScale: 0.0001 });
    try {
      const t = await appToken(fast, CONTOSO, FULL_APP, 'https://manage.office.com');
      const u = (rest: string) => `${fast.origin}/api/v1.0/${CONTOSO}/activity/feed/${rest}`;
      assert.strictEqual((await request(fast, u('subscriptions/start?contentType=DLP.All'), { method: 'POST', token: t })).status, 200);
      await new Promise((r) => setTimeout(r, 150));
      const again = await request(fast, u('subscriptions/start?contentType=DLP.All'), { method: 'POST', token: t });
      assert.deepStrictEqual([again.status, af(again).code], [400, 'AF20024']);
      assert.strictEqual((await request(fast, u('subscriptions/stop?contentType=DLP.All'), { method: 'POST', token: t })).status, 200);
      assert.strictEqual(fast.subscriptions(CONTOSO)['DLP.All'], 'disabled');
    } finally {
      await fast.close();
    }
  });

  it('maps each failure to its AF code', async () => {
    assert.strictEqual(af(await call('subscriptions/content?contentType=Audit.Nope')).code, 'AF20020');
    assert.strictEqual(af(await call('subscriptions/content')).code, 'AF20001');
    assert.strictEqual(af(await call(`subscriptions/content?contentType=Audit.AzureActiveDirectory&startTime=${fmt(Date.now() - 2 * HOUR)}&endTime=${fmt(Date.now())}&nextPage=zz`)).code, 'AF20031');
    assert.strictEqual(af(await call('audit/19990101$nothing$Audit_AzureActiveDirectory$na0019')).code, 'AF20050');
    assert.strictEqual(af(await call('audit/bad<id>')).code, 'AF20052');
    assert.strictEqual(af(await request(emulator, `${emulator.origin}/api/v1.0/not-a-guid/activity/feed/subscriptions/list`, { token })).code, 'AF20013');
    assert.strictEqual(af(await request(emulator, `${emulator.origin}/api/v1.0/33333333-3333-4333-8333-333333333333/activity/feed/subscriptions/list`, { token })).code, 'AF20011');
    assert.strictEqual(af(await request(emulator, `${emulator.origin}/api/v1.0/${FABRIKAM}/activity/feed/subscriptions/list`, { token })).code, 'AF20010');
    const noRole = await appToken(emulator, CONTOSO, NO_IDP_APP, 'https://manage.office.com');
    assert.strictEqual(af(await call('subscriptions/list', 'GET', noRole)).code, 'AF10001');
    const fabrikam = await appToken(emulator, FABRIKAM, FABRIKAM_APP, 'https://manage.office.com');
    assert.strictEqual(af(await request(emulator, `${emulator.origin}/api/v1.0/${FABRIKAM}/activity/feed/subscriptions/list`, { token: fabrikam })).code, 'AF20012');
  });

  it('refuses blobs older than 7 days with AF20051', async () => {
    const data = emulator.datasets.get(CONTOSO)!;
    const old = data.blob('Audit.AzureActiveDirectory', 24 * 7 + 6);
    const r = await call(`audit/${encodeURIComponent(old.contentId)}`);
    assert.deepStrictEqual([r.status, af(r).code], [400, 'AF20051']);
  });

  it('sends throttling as AF429 inside an HTTP 403, and AF50000 as 500', async () => {
    emulator.faults.enqueue({ kind: '429', pathContains: 'subscriptions/list' }, { kind: '500', pathContains: 'subscriptions/list' });
    const throttled = await call('subscriptions/list?PublisherIdentifier=' + CONTOSO);
    assert.deepStrictEqual([throttled.status, af(throttled).code], [403, 'AF429']);
    assert.match(af(throttled).message, /^Too many requests\. Method=Subscriptions, PublisherId=/);
    const internal = await call('subscriptions/list');
    assert.deepStrictEqual([internal.status, af(internal).code], [500, 'AF50000']);
  });

  it('can point NextPageUri at a foreign host (fault)', async () => {
    emulator.faults.enqueue({ kind: 'foreignNextLink', pathContains: 'subscriptions/content' });
    const now = Date.now();
    const r = await call(`subscriptions/content?contentType=Audit.AzureActiveDirectory&startTime=${fmt(now - 24 * HOUR)}&endTime=${fmt(now)}`);
    assert.strictEqual(new URL(String(r.headers.nextpageuri)).host, 'manage.office.com.evil.test');
  });
});
