import { addressCellKey, distanceMeters, MAX_DEDUP_RADIUS_METERS, pointCellKey, pointCellsWithin } from './nearby';

describe('duplicate neighbourhood', () => {
  const gate = { lng: 109.84, lat: 40.657 };

  it('measures distances on the earth (1/1000 degree of latitude ≈ 111 m)', () => {
    expect(distanceMeters(gate, { lng: gate.lng, lat: gate.lat + 0.001 })).toBeCloseTo(111.2, 0);
    expect(distanceMeters(gate, gate)).toBe(0);
  });

  it.each([
    ['Baotou', { lng: 109.84, lat: 40.657 }, 150],
    ['Baotou, largest radius', { lng: 109.84, lat: 40.657 }, MAX_DEDUP_RADIUS_METERS - 1],
    ['a cell corner', { lng: 109.8413, lat: 40.6567 }, 150],
    ['Hailar, far north', { lng: 119.76, lat: 49.21 }, 150],
    ['Sanya, far south', { lng: 109.51, lat: 18.25 }, MAX_DEDUP_RADIUS_METERS - 1],
  ])('reads every cell that can hold a point within the radius, and only nearby ones (%s)', (_place, centre, radius) => {
    const cells = new Set(pointCellsWithin('0201', centre, radius));
    expect(cells.size).toBeGreaterThanOrEqual(1);
    expect(cells.size).toBeLessThanOrEqual(9);
    expect(cells.has(pointCellKey('0201', centre))).toBe(true);
    for (let bearing = 0; bearing < 360; bearing += 5) {
      for (const fraction of [0.5, 1]) {
        const r = (bearing * Math.PI) / 180;
        const d = radius * fraction;
        const near = { lat: centre.lat + (Math.cos(r) * d) / 111_195, lng: centre.lng + (Math.sin(r) * d) / (111_195 * Math.cos((centre.lat * Math.PI) / 180)) };
        if (distanceMeters(centre, near) > radius) continue;
        expect(cells.has(pointCellKey('0201', near))).toBe(true);
      }
    }
  });

  it('reads fewer than nine cells for the usual 150 m around a point in the middle of its cell', () => {
    expect(pointCellsWithin('0201', { lng: 109.8375, lat: 40.6580 }, 150).length).toBeLessThan(9);
  });

  it('keeps categories apart', () => {
    expect(pointCellsWithin('0201', gate, 150)).not.toContain(pointCellKey('0202', gate));
  });

  it('files an address under its normalised form, so the same place written twice meets in one cell', () => {
    expect(addressCellKey('0208', '阳光社区 ３栋')).toBe(addressCellKey('0208', '阳光社区三号楼'));
    expect(addressCellKey('0208', '阳光社区3号楼')).not.toBe(addressCellKey('0209', '阳光社区3号楼'));
    expect(addressCellKey('0208', '   ')).toBeUndefined();
  });
});
