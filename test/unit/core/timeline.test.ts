/**
 * A user's timeline: distances and speeds on known routes, impossible travel flagged only past an
 * airliner's speed, entries merged newest first with an audit about and by the user once, bursts
 * folded only when alike, and hostile records making no entry rather than failing the rest.
 */
import * as assert from 'assert';
import { isFromAddress, isUsersRecord, o365Entry } from '../../../src/core/timeline/o365Timeline';
import { mergeEntries, type TimelineEntry, timelineRows, toEntry } from '../../../src/core/timeline/timeline';
import { distanceKm, leg, placeOf } from '../../../src/core/timeline/travel';

const LONDON = { latitude: 51.5074, longitude: -0.1278 };
const NEW_YORK = { latitude: 40.7128, longitude: -74.006 };
const PARIS = { latitude: 48.8566, longitude: 2.3522 };
const LYON = { latitude: 45.764, longitude: 4.8357 };
const HOUR = 3_600_000;

const signIn = (id: string, iso: string, code: number, city: string, place: { latitude: number; longitude: number }, extra: Record<string, unknown> = {}) =>
  toEntry('signIns', { id, createdDateTime: iso, appDisplayName: 'Outlook', status: { errorCode: code }, ipAddress: `10.0.0.${id.length}`, location: { city, countryOrRegion: 'XX', geoCoordinates: place }, ...extra })!;

describe('core/timeline: one user across sources', () => {
  it('distances on known routes (haversine) and the speed that makes travel impossible', () => {
    assert.ok(Math.abs(distanceKm(LONDON, NEW_YORK) - 5570) < 15, String(distanceKm(LONDON, NEW_YORK)));
    assert.ok(Math.abs(distanceKm(PARIS, LYON) - 392) < 5, String(distanceKm(PARIS, LYON)));
    assert.strictEqual(distanceKm(PARIS, PARIS), 0);
    const flight = leg(LONDON, 0, NEW_YORK, 8 * HOUR)!;
    assert.strictEqual(flight.impossible, false, `${flight.kmh} km/h is a flight`);
    const stolen = leg(LONDON, 0, NEW_YORK, HOUR)!;
    assert.ok(stolen.impossible && stolen.kmh > 5000);
    assert.strictEqual(leg(PARIS, 0, LYON, 2 * HOUR)!.impossible, false, 'a train');
    assert.strictEqual(leg(PARIS, 0, { latitude: 48.9, longitude: 2.4 }, 60_000), undefined, 'the same city: no move');
    assert.strictEqual(leg(LONDON, 0, NEW_YORK, 0)!.kmh, Number.POSITIVE_INFINITY);
    assert.strictEqual(placeOf({ geoCoordinates: { latitude: 91, longitude: 0 } }), undefined);
    assert.strictEqual(placeOf({ geoCoordinates: { latitude: '51', longitude: 0 } }), undefined);
  });

  it('merges newest first; an audit both by and about the user appears once', () => {
    const audit = { id: 'a1', activityDateTime: '2026-12-01T10:30:00Z', activityDisplayName: 'Update user', initiatedBy: { user: { userPrincipalName: 'alice@contoso.com' } }, targetResources: [{ userPrincipalName: 'alice@contoso.com' }] };
    const merged = mergeEntries([
      [signIn('s1', '2026-12-01T10:00:00Z', 0, 'London', LONDON), signIn('s2', '2026-12-01T11:00:00Z', 0, 'London', LONDON)],
      [toEntry('auditsBy', audit)!],
      [toEntry('auditsTargeting', audit)!],
    ]);
    assert.deepStrictEqual(merged.map((e) => e.id), ['s2', 'a1', 's1']);
  });

  it('folds three or more alike entries into a burst, and flags the impossible move between places', () => {
    // Newest first: MFA pushes denied from São Paulo, after a success in London an hour before.
    const denied = [0, 1, 2, 3].map((k) => signIn(`d${k}`, `2026-12-01T11:0${9 - k}:00Z`, 500121, 'São Paulo', { latitude: -23.55, longitude: -46.63 }));
    const entries: TimelineEntry[] = mergeEntries([[...denied, signIn('ok', '2026-12-01T10:00:00Z', 0, 'London', LONDON)]]);
    const rows = timelineRows(entries);
    assert.deepStrictEqual(rows.map((r) => r.kind), ['burst', 'move', 'entry']);
    const burst = rows[0];
    assert.ok(burst.kind === 'burst' && burst.count === 4 && burst.first.outcome === 'failure' && burst.first.title === 'Outlook · failed 500121');
    const move = rows[1];
    assert.ok(move.kind === 'move' && move.leg.impossible && move.from === 'London, XX' && move.to === 'São Paulo, XX', JSON.stringify(move));
    // Two alike entries stay two; alike ones from different addresses are not folded.
    const two = timelineRows(mergeEntries([denied.slice(0, 2)]));
    assert.deepStrictEqual(two.map((r) => r.kind), ['entry', 'entry']);
    const apart = timelineRows(mergeEntries([[signIn('x1', '2026-12-01T11:00:00Z', 0, 'Paris', PARIS), signIn('x22', '2026-12-01T10:59:00Z', 0, 'Paris', PARIS), signIn('x333', '2026-12-01T10:58:00Z', 0, 'Paris', PARIS)]]));
    assert.deepStrictEqual(apart.map((r) => r.kind), ['entry', 'entry', 'entry'], 'three addresses: not one burst');
  });

  it('a sign-in says how the token came (device code, a refresh token redeemed) and whether conditional access blocked it', () => {
    const e = signIn('p', '2026-12-01T10:00:00Z', 0, 'Home', LONDON, { authenticationProtocol: 'deviceCode', clientAppUsed: 'Mobile Apps and Desktop clients' });
    assert.strictEqual(e.detail, 'Device code · Mobile Apps and Desktop clients');
    assert.strictEqual(signIn('r', '2026-12-01T10:00:00Z', 0, 'Lagos', LONDON, { incomingTokenType: 'refreshToken' }).detail, 'refresh token redeemed');
    assert.strictEqual(signIn('b', '2026-12-01T10:00:00Z', 53003, 'X', LONDON, { conditionalAccessStatus: 'failure' }).caBlocked, true);
    // An address's timeline names whose sign-in each is: a user's, or a workload's.
    const workload = toEntry('servicePrincipal', { id: 'w', createdDateTime: '2026-12-01T10:00:00Z', servicePrincipalName: 'Payroll sync', appDisplayName: 'Microsoft Graph', status: { errorCode: 7000215 } }, { naming: true })!;
    assert.strictEqual(workload.title, 'Payroll sync → Microsoft Graph · failed 7000215');
    assert.strictEqual(toEntry('signIns', { id: 'u', createdDateTime: '2026-12-01T10:00:00Z', userPrincipalName: 'alice@contoso.com', appDisplayName: 'Outlook', status: { errorCode: 0 } }, { naming: true })!.title, 'alice@contoso.com → Outlook');
  });

  it('a record without a readable time, or of a hostile shape, makes no entry and fails nothing', () => {
    assert.strictEqual(toEntry('signIns', { id: 'x', createdDateTime: 'yesterday' }), undefined);
    assert.strictEqual(toEntry('riskDetections', {}), undefined);
    const odd = toEntry('auditsBy', { id: 1, activityDateTime: '2026-12-01T10:00:00Z', initiatedBy: 'x', targetResources: [null, 5, { displayName: '<script>' }] })!;
    assert.strictEqual(odd.title, 'Directory audit');
    assert.strictEqual(odd.detail, 'by unknown on <script>');
    const history = toEntry('riskHistory', { id: 'u', riskLastUpdatedDateTime: '2026-12-01T10:00:00Z', riskState: 'confirmedSafe', riskLevel: 'none', activity: { detail: 'adminConfirmedAccountSafe' } })!;
    assert.strictEqual(history.title, 'Risk confirmed safe');
  });

  it('an Office 365 record: its zoneless time read as UTC, its address without a port, a failed logon a failure; whose record it is, by UPN or object id', () => {
    const e = o365Entry({ Id: 'o1', CreationTime: '2026-12-01T10:00:00', Workload: 'AzureActiveDirectory', Operation: 'UserLoginFailed', ResultStatus: 'Failed', ObjectId: 'res', ClientIP: '203.0.113.5:51234' })!;
    assert.deepStrictEqual([e.timeMs, e.title, e.detail, e.outcome, e.ip, e.id], [Date.parse('2026-12-01T10:00:00Z'), 'AzureActiveDirectory: UserLoginFailed', 'Failed · res', 'failure', '203.0.113.5', 'o1']);
    assert.strictEqual(o365Entry({ Id: 'o2', CreationTime: '2026-12-01T10:00:00Z', Operation: 'FileAccessed', ClientIP: '[2001:db8::1]:443' })!.ip, '2001:db8::1');
    assert.strictEqual(o365Entry({ Id: 'o3', CreationTime: '2026-12-01T10:00:00', Operation: 'Set-Mailbox', ResultStatus: 'True', ClientIP: '<null>' })!.outcome, 'info');
    assert.strictEqual(o365Entry({ Id: 'o4', CreationTime: 'soon' }), undefined);
    const user = { id: 'AAAA-1', names: new Set(['alice@contoso.com']) };
    assert.ok(isUsersRecord({ UserId: 'Alice@Contoso.com' }, user));
    assert.ok(isUsersRecord({ UserId: 'ServicePrincipal', Actor: [null, { ID: 'aaaa-1', Type: 0 }] }, user), 'an Entra record names the user among its actors');
    assert.ok(!isUsersRecord({ UserId: 'bob@contoso.com', Actor: 'alice@contoso.com', UserKey: 5 }, user));
    assert.ok(isFromAddress({ ClientIP: '203.0.113.5:51234' }, '203.0.113.5') && isFromAddress({ ClientIP: '<null>', ActorIpAddress: '2001:db8::1' }, '2001:db8::1'));
    assert.ok(!isFromAddress({ ClientIP: '203.0.113.50' }, '203.0.113.5'), 'an address, not a prefix');
  });
});
