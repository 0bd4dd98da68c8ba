/** A grid boundary as the grid service returns it (GeoJSON Polygon or MultiPolygon, [lng, lat] positions). */
export interface GridBoundary {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}

export interface LngLat {
  lng: number;
  lat: number;
}

/** Shoelace area (signed) of a ring. */
function ringArea(ring: readonly number[][]): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) area += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return area / 2;
}

/**
 * Where to put a grid on the heat map: the area-weighted centroid of the outer ring of its largest polygon
 * (the mean of the ring's points when the ring is degenerate). Null for an empty boundary.
 */
export function centroidOf(boundary: GridBoundary | null | undefined): LngLat | null {
  if (!boundary) return null;
  const polygons = (boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates) as number[][][][];
  const rings = polygons.map((polygon) => polygon[0]).filter((ring): ring is number[][] => Array.isArray(ring) && ring.length > 0);
  if (rings.length === 0) return null;
  const ring = rings.reduce((largest, r) => (Math.abs(ringArea(r)) > Math.abs(ringArea(largest)) ? r : largest));
  const area = ringArea(ring);
  if (Math.abs(area) < 1e-15) {
    const sum = ring.reduce((acc, [lng, lat]) => ({ lng: acc.lng + lng, lat: acc.lat + lat }), { lng: 0, lat: 0 });
    return { lng: round(sum.lng / ring.length), lat: round(sum.lat / ring.length) };
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    cx += (ring[j][0] + ring[i][0]) * cross;
    cy += (ring[j][1] + ring[i][1]) * cross;
  }
  return { lng: round(cx / (6 * area)), lat: round(cy / (6 * area)) };
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;
