// The map loads with the pages that show it (Leaflet and the city's outlines are not on the login path).
import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { CityMapProps } from './CityMap';

export type { CasePoint, CityMapProps, HeatPoint, LngLat, UnitLevel } from './CityMap';
export type { MapUnitProperties } from './map-data';

const LazyCityMap = lazy(() => import('./CityMap').then((m) => ({ default: m.CityMap })));

export function CityMap(props: CityMapProps) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: props.height ?? 320 }} />}>
      <LazyCityMap {...props} />
    </Suspense>
  );
}
