import { rectangle } from '@civicflow/grid-routing';
import { GRID_DATASET_FORMAT, type GridDatasetInput } from './grid-dataset';

/**
 * A hand-made city for unit tests (lng 110.00–110.09, lat 40.00–40.02):
 *
 *   40.02 ┌───────────── g-c (幸福社区) ──────────────┐
 *         │        ┌── hole = g-d (幸福社区) ──┐        │
 *   40.01 ├──── g-a ────┬──── g-b ────┤               ┌ g-e part 1 ┐   ┌ g-e part 2 ┐  (巴音嘎查, a MultiPolygon)
 *         │  (阳光社区)  │  (阳光社区)  │               │            │   │            │
 *   40.00 └─────────────┴─────────────┘               └────────────┘   └────────────┘
 *       110.00        110.01        110.02          110.05     110.06 110.08     110.09
 *
 * 阳光小区 spans g-a (1–3号楼) and g-b (4–6号楼); another 阳光小区 (1号楼) lies in g-c of another community.
 */
export function smallCityInput(): GridDatasetInput {
  return {
    format: GRID_DATASET_FORMAT,
    title: 'small city for tests',
    units: [
      { id: 'c', name: '测试市', kind: 'city', parentId: null },
      { id: 'dept-water', name: '测试市水务局', kind: 'department', parentId: 'c', departmentCode: 'water' },
      { id: 'd1', name: '东区', kind: 'district', parentId: 'c', localForm: 'district' },
      { id: 's1', name: '东风街道', kind: 'street', parentId: 'd1', localForm: 'street' },
      { id: 'cm1', name: '阳光社区', kind: 'community', parentId: 's1', localForm: 'community' },
      { id: 'cm2', name: '幸福社区', kind: 'community', parentId: 's1', localForm: 'community' },
      { id: 'd2', name: '草原旗', kind: 'district', parentId: 'c', localForm: 'banner' },
      { id: 's2', name: '巴音苏木', kind: 'street', parentId: 'd2', localForm: 'sumu' },
      { id: 'cm3', name: '巴音嘎查', kind: 'community', parentId: 's2', localForm: 'gacha' },
    ],
    grids: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [rectangle(110.0, 40.0, 110.01, 40.01)] },
          properties: {
            id: 'g-a',
            name: '阳光社区第1网格',
            communityId: 'cm1',
            // deliberately out of duty order: the reply sorts them
            staff: [
              { staffId: 'a-p1', name: '楼长甲', duty: 'part-timer', title: '楼栋长' },
              { staffId: 'a-specialist', name: '专职甲', duty: 'specialist', phoneMasked: '139****0001' },
              { staffId: 'cm1-police', name: '民警甲', duty: 'police', title: '社区民警' },
              { staffId: 'a-chief', name: '格长甲', duty: 'chief', title: '网格长', phoneMasked: '138****0001' },
            ],
            compounds: [{ name: '阳光小区', buildings: ['1号楼', '2号楼', '3号楼'] }],
          },
        },
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [rectangle(110.01, 40.0, 110.02, 40.01)] },
          properties: {
            id: 'g-b',
            name: '阳光社区第2网格',
            communityId: 'cm1',
            staff: [{ staffId: 'b-chief', name: '格长乙', duty: 'chief' }, { staffId: 'cm1-police', name: '民警甲', duty: 'police' }],
            compounds: [{ name: '阳光小区', buildings: ['4号楼', '5号楼', '6号楼'] }],
          },
        },
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [rectangle(110.0, 40.01, 110.02, 40.02), rectangle(110.005, 40.013, 110.015, 40.017).reverse()] },
          properties: {
            id: 'g-c',
            name: '幸福社区第1网格',
            communityId: 'cm2',
            staff: [{ staffId: 'c-chief', name: '格长丙', duty: 'chief' }],
            compounds: [{ name: '幸福家园', buildings: ['1号楼', '2号楼', '3号楼'] }, { name: '阳光小区', buildings: ['1号楼'] }],
          },
        },
        {
          type: 'Feature',
          geometry: { type: 'Polygon', coordinates: [rectangle(110.005, 40.013, 110.015, 40.017)] },
          properties: { id: 'g-d', name: '幸福社区第2网格', communityId: 'cm2', staff: [], compounds: [{ name: '幸福公园' }] },
        },
        {
          type: 'Feature',
          geometry: { type: 'MultiPolygon', coordinates: [[rectangle(110.05, 40.0, 110.06, 40.01)], [rectangle(110.08, 40.0, 110.09, 40.01)]] },
          properties: { id: 'g-e', name: '巴音嘎查网格', communityId: 'cm3', staff: [], compounds: [{ name: '一组' }, { name: '二组' }] },
        },
      ],
    },
    households: [
      { id: 'h1', gridId: 'g-a', address: '阳光小区1号楼1单元101', headName: '张三', members: 1, card: 'yellow', reasons: ['独居老人'] },
      { id: 'h2', gridId: 'g-a', address: '阳光小区2号楼2单元202', headName: '李四', members: 3, card: 'green' },
    ],
  };
}
