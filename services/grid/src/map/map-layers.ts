import { union } from '@turf/union';
import { featureCollection, polygon as turfPolygon, multiPolygon as turfMultiPolygon } from '@turf/helpers';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import type { MapLayers, MapUnitFeature, MapUnitProperties } from '@civicflow/contracts';
import type { DatasetUnit, GridGeometry, RoutingDataset } from '@civicflow/grid-routing';

/**
 * Streets and communities are the union of their grids (a dataset carries grid polygons only). Built once per
 * imported dataset (≈ 1 s for the demo city's 800 grids).
 */
export function buildMapLayers(dataset: Pick<RoutingDataset, 'datasetId' | 'units' | 'grids'>): MapLayers {
  const units = new Map(dataset.units.map((u) => [u.id, u]));
  const gridFeatures = dataset.grids.map((g) => unitFeature({ id: g.id, name: g.name, kind: 'grid', parentId: g.communityId }, g.boundary));
  const communities = merged(dataset.units.filter((u) => u.kind === 'community'), 'community', groupBy(dataset.grids, (g) => g.communityId, (g) => g.boundary));
  const byStreet = groupBy(dataset.grids, (g) => streetOf(g.communityId, units), (g) => g.boundary);
  const streets = merged(dataset.units.filter((u) => u.kind === 'street'), 'street', byStreet);
  return {
    datasetId: dataset.datasetId,
    bbox: extentOf(gridFeatures),
    streets: { type: 'FeatureCollection', features: streets },
    communities: { type: 'FeatureCollection', features: communities },
    grids: { type: 'FeatureCollection', features: gridFeatures },
  };
}

function streetOf(unitId: string, units: ReadonlyMap<string, DatasetUnit>): string | undefined {
  for (let unit = units.get(unitId); unit; unit = unit.parentId ? units.get(unit.parentId) : undefined) if (unit.kind === 'street') return unit.id;
  return undefined;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined, value: (item: T) => GridGeometry): Map<string, GridGeometry[]> {
  const groups = new Map<string, GridGeometry[]>();
  for (const item of items) {
    const k = key(item);
    if (k) groups.set(k, [...(groups.get(k) ?? []), value(item)]);
  }
  return groups;
}

/** Each unit's outline as the union of its grids (units without grids are left out: nothing to draw). */
function merged(units: readonly DatasetUnit[], kind: 'street' | 'community', geometries: ReadonlyMap<string, GridGeometry[]>): MapUnitFeature[] {
  const features: MapUnitFeature[] = [];
  for (const unit of units) {
    const parts = geometries.get(unit.id);
    if (!parts?.length) continue;
    const outline = parts.length === 1 ? parts[0] : union(featureCollection<Polygon | MultiPolygon>(parts.map((g) => (g.type === 'Polygon' ? turfPolygon(g.coordinates) : turfMultiPolygon(g.coordinates)))))?.geometry;
    if (outline) features.push(unitFeature({ id: unit.id, name: unit.name, kind, parentId: unit.parentId }, outline));
  }
  return features;
}

function unitFeature(properties: Omit<MapUnitProperties, 'label'>, geometry: Polygon | MultiPolygon): MapUnitFeature {
  const rounded = roundGeometry(geometry);
  return { type: 'Feature', geometry: rounded, properties: { ...properties, label: labelPoint(rounded) } };
}

/** The label point of the largest polygon (by its outer ring's area). */
export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = polygons.reduce((best, p) => (ringArea(p[0]) > ringArea(best[0]) ? p : best));
  // precision in degrees: a hundredth of the polygon's size is plenty for a label
  const xs = largest[0].map((p) => p[0]);
  const ys = largest[0].map((p) => p[1]);
  const size = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const [lng, lat] = polylabel(largest, size / 100 || 1e-6);
  return [round6(lng), round6(lat)];
}

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(sum / 2);
}

function roundGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const ring = (r: Position[]) => r.map((p) => [round6(p[0]), round6(p[1])]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(ring)) };
}

function extentOf(features: readonly MapUnitFeature[]): [number, number, number, number] {
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const f of features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const p of polygons) for (const [lng, lat] of p[0]) {
      west = Math.min(west, lng);
      east = Math.max(east, lng);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return features.length ? [west, south, east, north] : [0, 0, 0, 0];
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
