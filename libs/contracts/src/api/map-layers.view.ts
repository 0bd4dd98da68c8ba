// The city's map as grid's GET /api/v1/map/layers answers it, shared by the service that builds it and the
// console that draws it. Types only.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** What the console's map draws of one unit: its outline, its name and where to write it. */
export interface MapUnitProperties {
  id: string;
  name: string;
  kind: 'street' | 'community' | 'grid';
  parentId: string | null;
  /** [lng, lat] inside the outline, far from its edges (pole of inaccessibility): where the name goes */
  label: [number, number];
}
export type MapUnitFeature = Feature<Polygon | MultiPolygon, MapUnitProperties>;

/**
 * 网格地图图层: the city's own map, drawn without any tile server — the outlines of every street, community and
 * grid with their names — plus the extent to open it at.
 */
export interface MapLayers {
  datasetId: string;
  /** [west, south, east, north] */
  bbox: [number, number, number, number];
  streets: FeatureCollection<Polygon | MultiPolygon, MapUnitProperties>;
  communities: FeatureCollection<Polygon | MultiPolygon, MapUnitProperties>;
  grids: FeatureCollection<Polygon | MultiPolygon, MapUnitProperties>;
}
