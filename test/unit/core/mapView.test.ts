/**
 * The map's window: for any places, every one is inside it, the window keeps the world's aspect
 * and stays inside the world drawn, and one place still shows its region around it.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { ASPECT, fitWindow, WORLD } from '../../../src/core/geo/mapView';

const RUNS = Number(process.env.IDLOG_PROPERTY_RUNS ?? 12) * 20;
const SEED = process.env.IDLOG_PROPERTY_SEED ? { seed: Number(process.env.IDLOG_PROPERTY_SEED) } : {};
// Where people sign in: the world as drawn (a place beyond it is pulled to its edge).
const place = fc.record({ latitude: fc.double({ min: -59, max: 83, noNaN: true }), longitude: fc.double({ min: -180, max: 180, noNaN: true }) });
const EPS = 1e-9;

describe('world map window: what a small map of places shows', () => {
  it('holds every place, at the world\'s aspect, inside the world, never narrower than a region', () => {
    fc.assert(
      fc.property(fc.array(place, { minLength: 1, maxLength: 12 }), (places) => {
        const w = fitWindow(places);
        assert.ok(Math.abs(w.width / w.height - ASPECT) < 1e-6, 'aspect');
        assert.ok(w.x >= WORLD.x - EPS && w.x + w.width <= WORLD.x + WORLD.width + EPS, 'inside the world, across');
        assert.ok(w.y >= WORLD.y - EPS && w.y + w.height <= WORLD.y + WORLD.height + EPS, 'inside the world, up and down');
        assert.ok(w.width >= 80 - EPS, 'a region at least');
        for (const p of places) {
          assert.ok(p.longitude >= w.x - EPS && p.longitude <= w.x + w.width + EPS, `longitude ${p.longitude} in ${JSON.stringify(w)}`);
          assert.ok(-p.latitude >= w.y - EPS && -p.latitude <= w.y + w.height + EPS, `latitude ${p.latitude} in ${JSON.stringify(w)}`);
        }
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('one place is near the middle of its region; places far apart get the whole width; none, or only nonsense, the world', () => {
    const london = fitWindow([{ latitude: 51.5, longitude: -0.12 }]);
    assert.ok(Math.abs(london.x + london.width / 2 - -0.12) < 1e-6 && Math.abs(london.y + london.height / 2 - -51.5) < 1e-6, JSON.stringify(london));
    assert.strictEqual(london.width, 80);
    assert.deepStrictEqual(fitWindow([{ latitude: -13.8, longitude: -171.7 }, { latitude: -36.8, longitude: 174.8 }]), WORLD, 'Apia and Auckland, either side of the antimeridian: the whole width');
    assert.deepStrictEqual(fitWindow([]), WORLD);
    assert.deepStrictEqual(fitWindow([{ latitude: Number.NaN, longitude: 3 }, { latitude: 95, longitude: 0 }]), WORLD);
    // Near the edge of the world: moved in, not cut.
    const fiji = fitWindow([{ latitude: -17.7, longitude: 178.4 }]);
    assert.strictEqual(fiji.x + fiji.width, 180);
  });
});
