// What the map draws: the city's outlines and names from the grid service (once per page load; the browser
// revalidates by ETag), and the basemap the city configured on the gateway (none: the city's own drawing).
import type { MapLayers, MapUnitFeature, MapUnitProperties } from '@civicflow/contracts';
import { api } from '../../api/client';

export type { MapLayers, MapUnitFeature, MapUnitProperties };

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
