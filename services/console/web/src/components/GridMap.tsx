// The demo city's grid map on plain lng/lat axes (no tile server needed): heat points per grid centroid, the
// polygon of one grid, a marker, and a click anywhere → the point clicked (the operator picks a place).
import { useMemo, useRef } from 'react';
import ReactECharts from 'echarts-for-react';
import type { ECharts, EChartsOption } from 'echarts';
import { useI18n } from '../i18n';

export interface HeatPoint {
  gridId: string;
  name: string;
  lng: number;
  lat: number;
  count: number;
}

export type Ring = [number, number][];

/** GeoJSON Polygon / MultiPolygon → its outer rings. */
export function outerRings(geometry: { type: string; coordinates: unknown } | null | undefined): Ring[] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [(geometry.coordinates as Ring[])[0]];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).map((p) => p[0]);
  return [];
}

/** 北丰市's extent (services/grid/src/demo/generate-demo-city.ts), padded a little. */
export const CITY_EXTENT = { west: 109.79, east: 110.11, south: 40.54, north: 40.76 };

interface Props {
  height?: number;
  heat?: HeatPoint[];
  polygons?: Ring[];
  marker?: { lng: number; lat: number } | null;
  onPick?(point: { lng: number; lat: number }): void;
  onGridClick?(gridId: string): void;
  testId?: string;
  ariaLabel: string;
}

export function GridMap({ height = 260, heat = [], polygons = [], marker, onPick, onGridClick, testId = 'grid-map', ariaLabel }: Props) {
  const { t } = useI18n();
  const chartRef = useRef<ECharts | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const max = Math.max(1, ...heat.map((h) => h.count));
  const option = useMemo<EChartsOption>(
    () => ({
      animation: false,
      grid: { left: 46, right: 12, top: 10, bottom: 28 },
      tooltip: { trigger: 'item', formatter: (p: unknown) => {
        const d = (p as { data?: { name?: string; value?: number[] } }).data;
        return d?.name ? `${d.name}${d.value && d.value[2] !== undefined ? `: ${d.value[2]}` : ''}` : '';
      } },
      xAxis: { type: 'value', min: CITY_EXTENT.west, max: CITY_EXTENT.east, name: t('call.lng'), nameGap: 4, nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 10 }, splitLine: { lineStyle: { color: '#eef1f5' } } },
      yAxis: { type: 'value', min: CITY_EXTENT.south, max: CITY_EXTENT.north, name: t('call.lat'), nameGap: 4, nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 10 }, splitLine: { lineStyle: { color: '#eef1f5' } } },
      visualMap: heat.length
        ? { show: true, min: 0, max, dimension: 2, seriesIndex: 0, calculable: false, orient: 'horizontal', right: 10, top: 0, itemWidth: 10, itemHeight: 80, inRange: { color: ['#ffe58f', '#fa8c16', '#cf1322'] }, textStyle: { fontSize: 10 } }
        : undefined,
      series: [
        {
          type: 'scatter',
          name: 'heat',
          data: heat.map((h) => ({ name: h.name, gridId: h.gridId, value: [h.lng, h.lat, h.count] })),
          symbolSize: (v: number[]) => 6 + 18 * Math.sqrt((v[2] ?? 0) / max),
          itemStyle: { opacity: 0.85 },
        },
        {
          type: 'custom',
          name: 'grid',
          silent: true,
          renderItem: (params, api) => {
            const ring = polygons[params.dataIndex] ?? [];
            return {
              type: 'polygon',
              shape: { points: ring.map((p) => api.coord(p)) },
              style: { fill: 'rgba(22,119,255,0.15)', stroke: '#1677ff', lineWidth: 2 },
            };
          },
          data: polygons.map((_, i) => i),
        },
        {
          type: 'scatter',
          name: 'marker',
          symbol: 'pin',
          symbolSize: 30,
          itemStyle: { color: '#d4380d' },
          data: marker ? [{ name: `${marker.lng.toFixed(5)}, ${marker.lat.toFixed(5)}`, value: [marker.lng, marker.lat] }] : [],
          z: 10,
        },
      ],
    }),
    [heat, polygons, marker, max, t],
  );
  return (
    <div data-testid={testId} role="figure" aria-label={ariaLabel} style={{ cursor: onPick ? 'crosshair' : undefined }}>
      <ReactECharts
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        onChartReady={(chart: ECharts) => {
          chartRef.current = chart;
          chart.getZr().on('click', (e: { offsetX: number; offsetY: number }) => {
            if (!pickRef.current) return;
            const [lng, lat] = chart.convertFromPixel({ gridIndex: 0 }, [e.offsetX, e.offsetY]);
            if (Number.isFinite(lng) && Number.isFinite(lat)) pickRef.current({ lng: round6(lng), lat: round6(lat) });
          });
        }}
        onEvents={onGridClick ? { click: (p: { data?: { gridId?: string } }) => p.data?.gridId && onGridClick(p.data.gridId) } : undefined}
      />
    </div>
  );
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
