// Leaflet for the map, as the global `L` its plugins (leaflet.heat) extend: a plain object, since an ES module's
// namespace cannot take new members. Imported before any plugin.
import * as Leaflet from 'leaflet';
import 'leaflet/dist/leaflet.css';

export const L: typeof Leaflet = { ...Leaflet };
(globalThis as unknown as { L: typeof Leaflet }).L = L;
