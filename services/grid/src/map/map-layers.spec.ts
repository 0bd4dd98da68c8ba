import { parseGridDataset } from '../dataset/parse-grid-dataset';
import { gridRecordOf } from '../dataset/grid-dataset';
import { smallCityInput } from '../dataset/small-city.fixture';
import { generateDemoCity } from '../demo/generate-demo-city';
import { buildMapLayers } from './map-layers';

const routingDatasetOf = (input: ReturnType<typeof parseGridDataset>) => ({ datasetId: 'test', units: input.units, grids: input.grids.features.map(gridRecordOf) });

describe('the city’s own map layers', () => {
  it('draws communities and streets as the union of their grids, each named with a label inside it', () => {
    const layers = buildMapLayers(routingDatasetOf(parseGridDataset(smallCityInput())));
    const community = layers.communities.features.find((f) => f.properties.id === 'cm1')!;
    // g-a and g-b are side by side: one rectangle 110.00–110.02 × 40.00–40.01
    expect(community.geometry.type).toBe('Polygon');
    const ring = (community.geometry.coordinates as number[][][])[0];
    expect(Math.min(...ring.map((p) => p[0]))).toBe(110);
    expect(Math.max(...ring.map((p) => p[0]))).toBe(110.02);
    expect(community.properties).toMatchObject({ name: '阳光社区', kind: 'community', parentId: 's1' });
    const [lng, lat] = community.properties.label;
    expect(lng).toBeGreaterThan(110.0);
    expect(lng).toBeLessThan(110.02);
    expect(lat).toBeGreaterThan(40.0);
    expect(lat).toBeLessThan(40.01);
    // 幸福社区: g-c with its hole filled by g-d — one polygon without a hole
    const filled = layers.communities.features.find((f) => f.properties.id === 'cm2')!;
    expect(filled.geometry.type === 'Polygon' ? filled.geometry.coordinates.length : -1).toBe(1);
    // 巴音苏木's only grid is two parts: a MultiPolygon, labelled in one of them
    const street = layers.streets.features.find((f) => f.properties.id === 's2')!;
    expect(street.geometry.type).toBe('MultiPolygon');
    expect(layers.streets.features.map((f) => f.properties.name).sort()).toEqual(['东风街道', '巴音苏木']);
    expect(layers.grids.features).toHaveLength(5);
    expect(layers.bbox).toEqual([110, 40, 110.09, 40.02]);
  });

  it('covers the demo city: 15 streets, 74 communities, 800 grids', () => {
    const layers = buildMapLayers(routingDatasetOf(parseGridDataset(generateDemoCity())));
    expect([layers.streets.features.length, layers.communities.features.length, layers.grids.features.length]).toEqual([15, 74, 800]);
    // the grids tile the city: every community is one piece
    expect(layers.communities.features.every((f) => f.geometry.type === 'Polygon')).toBe(true);
  });
});
