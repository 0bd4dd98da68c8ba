import type { GeoPoint } from '@civicflow/contracts';
import type { GridDataset } from '../dataset/grid-dataset';
import { parseGridDataset } from '../dataset/parse-grid-dataset';
import { interiorPoint } from '@civicflow/grid-routing';
import { generateDemoCity } from './generate-demo-city';

let cached: GridDataset | undefined;

/**
 * 北丰市, generated once per process and checked like any imported file. Treat it as read-only: it is shared.
 * Tests elsewhere use it with pointInside / addressInside to check "routed to the right community".
 */
export function demoCity(): GridDataset {
  cached ??= parseGridDataset(generateDemoCity());
  return cached;
}

/** A point well inside the grid's polygon (never on an edge), e.g. pointInside('bf-d01-s01-c01-g01'). */
export function pointInside(gridId: string, dataset: GridDataset = demoCity()): GeoPoint {
  return interiorPoint(gridFeature(dataset, gridId).geometry);
}

/**
 * An address the fallback routes to the grid: community name + compound + building (阳光社区锦绣花园3号楼2单元401),
 * or community + village group in the banner (巴音嘎查二组12号).
 */
export function addressInside(gridId: string, dataset: GridDataset = demoCity()): string {
  const { communityId, compounds } = gridFeature(dataset, gridId).properties;
  const community = dataset.units.find((unit) => unit.id === communityId)!;
  // the compound whose part in this grid has buildings picks one; a compound without buildings must be this grid's alone
  const withBuildings = compounds.find((compound) => compound.buildings.length > 0);
  if (withBuildings) return `${community.name}${withBuildings.name}${withBuildings.buildings[0]}2单元401`;
  return `${community.name}${compounds[0].name}12号`;
}

/** A point of Inner Mongolia outside every grid of the demo city. */
export const POINT_OUTSIDE_DEMO_CITY: GeoPoint = { lng: 109.5, lat: 40.4 };

function gridFeature(dataset: GridDataset, gridId: string) {
  const feature = dataset.grids.features.find((candidate) => candidate.properties.id === gridId);
  if (!feature) throw new Error(`no grid ${gridId} in ${dataset.title ?? 'the dataset'}`);
  return feature;
}
