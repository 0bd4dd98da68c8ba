// What the map draws: the city's outlines and names from the grid service (once per page load; the browser
// revalidates by ETag), and the basemap the city configured on the gateway (none: the city's own drawing).
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { api } from '../../api/client';

export interface MapUnitProperties {
  id: string;
  name: string;
  kind: 'street' | 'community' | 'grid';
  parentId: string | null;
  label: [number, number];
}
export type MapUnitFeature = Feature<Polygon | MultiPolygon, MapUnitProperties>;
export interface MapLayers {
  datasetId: string;
  bbox: [number, number, number, number];
  streets: FeatureCollection<Polygon | MultiPolygon, MapUnitProperties>;
  communities: FeatureCollection<Polygon | MultiPolygon, MapUnitProperties>;
  grids: FeatureCollection<Polygon | MultiPolygon, MapUnitProperties>;
}

/** A tile layer the city configured (天地图 WMTS as an XYZ template with its key, or any XYZ source). */
export interface BasemapLayer {
  url: string;
  attribution?: string;
  subdomains?: string[];
  maxZoom?: number;
}
export interface MapConfig {
  basemap: BasemapLayer[];
}

let layers: Promise<MapLayers> | undefined;
export function loadMapLayers(): Promise<MapLayers> {
  layers ??= api<MapLayers>('grid/map/layers').catch((e: unknown) => {
    layers = undefined;
    throw e;
  });
  return layers;
}

let config: Promise<MapConfig> | undefined;
export function loadMapConfig(): Promise<MapConfig> {
  config ??= api<{ map: MapConfig }>('console/config').then((c) => c.map).catch(() => ({ basemap: [] }));
  return config;
}
