// 网格地图: the city on a real map (Leaflet) — the basemap the city configured on the gateway (天地图 or any XYZ /
// WMTS tile source with its key), or without one the city's own drawing: street, community and grid outlines from
// the grid service with their names. On it: a marker, highlighted units, case points and a heat layer; a click
// picks a point, a unit or a case. Loaded on demand with the pages that show it.
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { GeoJSON as GeoJsonLayer, Layer, LayerGroup, Map as LeafletMap } from 'leaflet';
import { useI18n } from '../../i18n';
import { heatLayer, type HeatLatLng, L } from './leaflet-heat';
import { loadMapConfig, loadMapLayers, type MapLayers, type MapUnitFeature, type MapUnitProperties } from './map-data';

export interface LngLat {
  lng: number;
  lat: number;
}
export interface CasePoint extends LngLat {
  caseNumber: string;
  /** tooltip text */
  title: string;
  /** red for breached, amber for warning, blue otherwise */
  tone?: 'red' | 'amber' | 'blue';
}
export interface HeatPoint extends LngLat {
  weight: number;
}
export type UnitLevel = 'street' | 'community' | 'grid';

export interface CityMapProps {
  ariaLabel: string;
  testId?: string;
  height?: number | string;
  /** open at this unit's outline (street, community or grid id) or this point; else the whole city */
  focus?: { unitId?: string | null; point?: LngLat | null } | null;
  /** units drawn strongly (the case's grid, the routed grid) */
  highlight?: string[];
  marker?: LngLat | null;
  cases?: CasePoint[];
  heat?: HeatPoint[];
  onPick?(point: LngLat): void;
  onCaseClick?(caseNumber: string): void;
  /** clicking a unit's area at this level calls onUnitClick */
  clickLevel?: UnitLevel;
  onUnitClick?(unit: MapUnitProperties): void;
}

/** Pastel fills that tell neighbouring streets apart in the offline drawing (labels stay dark on every one). */
const STREET_FILLS = ['#dbe8f7', '#e3f1df', '#f6ecd9', '#efe0f0', '#dff0ef', '#f3e1dd', '#e8e6f6', '#eef2d8'];
/** Names appear from this zoom on: streets first, then communities, then grids. */
const LABEL_ZOOM: Record<UnitLevel, number> = { street: 0, community: 13, grid: 15 };
const TONE: Record<NonNullable<CasePoint['tone']>, string> = { red: '#a8071a', amber: '#ad6800', blue: '#1554c0' };

export function CityMap({ ariaLabel, testId = 'city-map', height = 320, focus, highlight, marker, cases, heat, onPick, onCaseClick, clickLevel, onUnitClick }: CityMapProps) {
  const { t } = useI18n();
  const holder = useRef<HTMLDivElement>(null);
  const mapRef = useRef<LeafletMap | null>(null);
  const [layers, setLayers] = useState<MapLayers | null>(null);
  const [basemap, setBasemap] = useState<'offline' | 'tiles' | null>(null);
  const [failed, setFailed] = useState(false);
  const handlers = useRef({ onPick, onCaseClick, onUnitClick });
  handlers.current = { onPick, onCaseClick, onUnitClick };

  // the map and the city's outlines, once
  useEffect(() => {
    if (!holder.current) return;
    const map = L.map(holder.current, { minZoom: 8, maxZoom: 18, zoomSnap: 0.5, attributionControl: true, worldCopyJump: false });
    map.attributionControl.setPrefix('Leaflet');
    mapRef.current = map;
    map.on('click', (e) => handlers.current.onPick?.({ lng: round6(e.latlng.lng), lat: round6(e.latlng.lat) }));
    let live = true;
    void Promise.all([loadMapLayers(), loadMapConfig()])
      .then(([data, config]) => {
        if (!live) return;
        for (const layer of config.basemap) {
          L.tileLayer(layer.url, { attribution: layer.attribution, subdomains: layer.subdomains ?? 'abc', maxZoom: layer.maxZoom ?? 18 }).addTo(map);
        }
        setBasemap(config.basemap.length > 0 ? 'tiles' : 'offline');
        setLayers(data);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // outlines and names: drawn filled when there is no basemap, as lines over one
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !layers || !basemap) return;
    const offline = basemap === 'offline';
    const streetIndex = new Map(layers.streets.features.map((f, i) => [f.properties.id, i]));
    const streets = L.geoJSON(layers.streets, {
      style: (f) => ({ color: '#4a5a70', weight: 2, fillColor: STREET_FILLS[(streetIndex.get((f as MapUnitFeature | undefined)?.properties.id ?? '') ?? 0) % STREET_FILLS.length], fillOpacity: offline ? 1 : 0.08 }),
      interactive: clickLevel === 'street',
    });
    const communities = L.geoJSON(layers.communities, { style: { color: '#6b7a90', weight: 1, dashArray: '4 3', fill: clickLevel === 'community', fillOpacity: 0 }, interactive: clickLevel === 'community' });
    const grids = L.geoJSON(layers.grids, { style: { color: '#8f9bb0', weight: 0.6, fill: clickLevel === 'grid', fillOpacity: 0 }, interactive: clickLevel === 'grid' });
    for (const [level, layer] of [['street', streets], ['community', communities], ['grid', grids]] as const) {
      if (level !== clickLevel) continue;
      layer.on('click', (e) => {
        const properties = (e.propagatedFrom as { feature?: MapUnitFeature }).feature?.properties;
        if (properties) handlers.current.onUnitClick?.(properties);
      });
    }
    const labels: Record<UnitLevel, LayerGroup> = {
      street: labelLayer(layers.streets.features, 'street'),
      community: labelLayer(layers.communities.features, 'community'),
      grid: labelLayer(layers.grids.features, 'grid'),
    };
    streets.addTo(map);
    communities.addTo(map);
    const showByZoom = () => {
      const zoom = map.getZoom();
      toggle(map, grids, zoom >= 14);
      for (const level of ['street', 'community', 'grid'] as const) toggle(map, labels[level], zoom >= LABEL_ZOOM[level] && (level !== 'street' || zoom < 15));
    };
    map.on('zoomend', showByZoom);
    fit(map, layers, focus);
    showByZoom();
    return () => {
      map.off('zoomend', showByZoom);
      for (const layer of [streets, communities, grids, ...Object.values(labels)]) layer.remove();
    };
    // focus is applied when the outlines arrive and when it names another place (below)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layers, basemap, clickLevel]);

  const focusKey = JSON.stringify(focus ?? null);
  useEffect(() => {
    if (mapRef.current && layers) fit(mapRef.current, layers, focus);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);

  // highlighted units
  const highlightKey = (highlight ?? []).join(',');
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !layers || !highlight?.length) return;
    const wanted = new Set(highlight);
    const features = [...layers.grids.features, ...layers.communities.features, ...layers.streets.features].filter((f) => wanted.has(f.properties.id));
    const layer: GeoJsonLayer = L.geoJSON({ type: 'FeatureCollection', features } as FeatureCollection, { style: { color: '#1554c0', weight: 3, fillColor: '#1554c0', fillOpacity: 0.15 }, interactive: false }).addTo(map);
    return () => void layer.remove();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layers, highlightKey]);

  // the picked or reported place
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !marker) return;
    const pin = L.marker([marker.lat, marker.lng], { icon: pinIcon(), keyboard: false, interactive: false, title: `${marker.lng.toFixed(6)}, ${marker.lat.toFixed(6)}` }).addTo(map);
    return () => void pin.remove();
  }, [marker?.lng, marker?.lat, marker]);

  // case points
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !cases?.length) return;
    const group = L.layerGroup(
      cases.map((c) =>
        L.circleMarker([c.lat, c.lng], { radius: 6, color: '#fff', weight: 1.5, fillColor: TONE[c.tone ?? 'blue'], fillOpacity: 0.95, className: 'map-case-point' })
          .bindTooltip(`${c.caseNumber} ${c.title}`)
          .on('click', (e) => {
            L.DomEvent.stopPropagation(e);
            handlers.current.onCaseClick?.(c.caseNumber);
          }),
      ),
    ).addTo(map);
    return () => void group.remove();
  }, [cases]);

  // the heat layer: kernel density of the points, each weighted, relative to the heaviest
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !heat?.length) return;
    const max = Math.max(...heat.map((h) => h.weight), 1);
    const layer = heatLayer(heat.map((h): HeatLatLng => [h.lat, h.lng, h.weight]), { radius: 28, blur: 22, max, maxZoom: 14, minOpacity: 0.25 }).addTo(map);
    return () => void layer.remove();
  }, [heat]);

  return (
    <div role="region" aria-label={ariaLabel} data-testid={testId} data-ready={layers ? 'true' : 'false'} data-basemap={basemap ?? ''}
      data-case-points={cases?.length ?? 0} data-heat-points={heat?.length ?? 0} style={{ position: 'relative' }}>
      <div ref={holder} className="city-map" style={{ height, width: '100%', cursor: onPick ? 'crosshair' : undefined }} />
      {failed && <div role="alert" className="city-map-failed">{t('map.unavailable')}</div>}
    </div>
  );
}

function labelLayer(features: MapUnitFeature[], level: UnitLevel): LayerGroup {
  return L.layerGroup(
    features.map((f) =>
      L.marker([f.properties.label[1], f.properties.label[0]], {
        icon: L.divIcon({ className: `map-label map-label-${level}`, html: `<span>${escapeHtml(f.properties.name)}</span>`, iconSize: undefined }),
        interactive: false,
        keyboard: false,
      }),
    ),
  );
}

function toggle(map: LeafletMap, layer: Layer, on: boolean) {
  if (on && !map.hasLayer(layer)) layer.addTo(map);
  else if (!on && map.hasLayer(layer)) layer.remove();
}

function fit(map: LeafletMap, layers: MapLayers, focus: CityMapProps['focus']) {
  if (focus?.point) return void map.setView([focus.point.lat, focus.point.lng], 15);
  const unit = focus?.unitId ? [...layers.grids.features, ...layers.communities.features, ...layers.streets.features].find((f) => f.properties.id === focus.unitId) : undefined;
  if (unit) return void map.fitBounds(L.geoJSON(unit).getBounds(), { padding: [12, 12], maxZoom: 16 });
  const [west, south, east, north] = layers.bbox;
  map.fitBounds([[south, west], [north, east]], { padding: [4, 4] });
}

function pinIcon() {
  return L.divIcon({
    className: 'map-pin',
    html: '<svg width="26" height="34" viewBox="0 0 26 34" aria-hidden="true"><path d="M13 33s12-12.3 12-20A12 12 0 0 0 1 13c0 7.7 12 20 12 20z" fill="#c41d1d" stroke="#fff" stroke-width="2"/><circle cx="13" cy="13" r="4.5" fill="#fff"/></svg>',
    iconSize: [26, 34],
    iconAnchor: [13, 33],
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
