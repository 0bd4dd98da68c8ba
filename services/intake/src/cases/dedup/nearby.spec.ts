import { dedupKey, distanceMeters, MAX_DEDUP_RADIUS_METERS, nearbyDedupKeys } from './nearby';

describe('duplicate neighbourhood', () => {
  const gate = { lng: 109.84, lat: 40.657 };

  it('measures distances on the earth (1/1000 degree of latitude ≈ 111 m)', () => {
    expect(distanceMeters(gate, { lng: gate.lng, lat: gate.lat + 0.001 })).toBeCloseTo(111.2, 0);
    expect(distanceMeters(gate, gate)).toBe(0);
  });

  it.each([
    ['Baotou', { lng: 109.84, lat: 40.657 }],
    ['Hailar, far north', { lng: 119.76, lat: 49.21 }],
    ['Sanya, far south', { lng: 109.51, lat: 18.25 }],
  ])('finds the cell of any point within the largest radius among the neighbour keys (%s)', (_city, centre) => {
    const keys = new Set(nearbyDedupKeys('0201', centre));
    expect(keys.size).toBe(9);
    const radius = MAX_DEDUP_RADIUS_METERS - 1;
    for (let bearing = 0; bearing < 360; bearing += 5) {
      const r = (bearing * Math.PI) / 180;
      const near = { lat: centre.lat + (Math.cos(r) * radius) / 111_195, lng: centre.lng + (Math.sin(r) * radius) / (111_195 * Math.cos((centre.lat * Math.PI) / 180)) };
      expect(distanceMeters(centre, near)).toBeLessThan(MAX_DEDUP_RADIUS_METERS);
      expect(keys.has(dedupKey('0201', near))).toBe(true);
    }
  });

  it('keeps categories apart', () => {
    expect(nearbyDedupKeys('0201', gate)).not.toContain(dedupKey('0202', gate));
  });
});
