import { boundingBoxOf, containsPoint, containsPointStrictly, interiorPoint, planarArea, rectangle } from './geometry';

describe('geometry', () => {
  const lShape = { type: 'Polygon' as const, coordinates: [[[0, 0], [3, 0], [3, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
  const ringWithHole = { type: 'Polygon' as const, coordinates: [rectangle(0, 0, 4, 4), rectangle(1, 1, 3, 3).reverse()] };

  it('finds an interior point even where the centroid lies outside (an L) or in a hole (a ring)', () => {
    for (const shape of [lShape, ringWithHole]) {
      const point = interiorPoint(shape);
      expect(containsPointStrictly(shape, point)).toBe(true);
    }
    expect(containsPoint(ringWithHole, { lng: 2, lat: 2 })).toBe(false);
  });

  it('takes the centroid of a plain rectangle', () => {
    expect(interiorPoint({ type: 'Polygon', coordinates: [rectangle(110, 40, 110.02, 40.01)] })).toEqual({ lng: 110.01, lat: 40.005 });
  });

  it('measures boxes and areas over every part and hole', () => {
    const multi = { type: 'MultiPolygon' as const, coordinates: [[rectangle(0, 0, 1, 1)], [rectangle(5, 5, 7, 6)]] };
    expect(boundingBoxOf(multi)).toEqual([0, 0, 7, 6]);
    expect(planarArea(multi)).toBe(3);
    expect(planarArea(ringWithHole)).toBe(12);
  });
});
