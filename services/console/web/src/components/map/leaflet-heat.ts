// leaflet.heat (a kernel-density heat layer on canvas, by Leaflet's author) on the global L.
import { L } from './leaflet-global';
import 'leaflet.heat';

export type HeatLatLng = [lat: number, lng: number, intensity: number];
interface HeatOptions {
  radius?: number;
  blur?: number;
  max?: number;
  maxZoom?: number;
  minOpacity?: number;
  gradient?: Record<number, string>;
}
type HeatLayerFactory = (points: HeatLatLng[], options?: HeatOptions) => L.Layer & { setLatLngs(points: HeatLatLng[]): void; setOptions(o: HeatOptions): void };

export const heatLayer = (L as unknown as { heatLayer: HeatLayerFactory }).heatLayer;
export { L };
