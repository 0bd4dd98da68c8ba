import { DEPARTMENT_TYPES } from '@civicflow/domain';
import {
  type Compound,
  type DatasetUnit,
  GRID_DATASET_FORMAT,
  type GridDataset,
  type GridFeature,
  type GridStaffMember,
  type Household,
} from '../dataset/grid-dataset';
import type { HouseholdCard } from '../dataset/household-card';
import { round6 } from '@civicflow/grid-routing';
import {
  COMMUNITY_STEMS,
  compoundName,
  DISTRICT_PLANS,
  GACHA_NAMES,
  maskedMobile,
  personName,
  VILLAGE_NAMES,
  villageGroupName,
} from './demo-names';
import { SeededRandom } from './seeded-random';

export const DEMO_CITY_ID = 'bf';
export const DEMO_CITY_NAME = '北丰市';

/** The city is a 40 × 20 lattice of cells over lng 109.8–110.1, lat 40.55–40.75: each cell is one grid. */
const LATTICE = { columns: 40, rows: 20, west: 109.8, east: 110.1, south: 40.55, north: 40.75 } as const;
/** How far a lattice vertex may move, as a share of a cell: below ½, so neighbouring cells never overlap. */
const JITTER = 0.2;
const GRIDS_PER_COMMUNITY = 11;
const SEED = 20_261_128;

const CARD_WEIGHTS: Readonly<Record<HouseholdCard, number>> = { green: 55, red: 12, yellow: 15, blue: 10, orange: 8 };
const CARD_REASONS: Readonly<Record<HouseholdCard, readonly string[]>> = {
  orange: ['社区矫正对象', '严重精神障碍患者', '矛盾纠纷未化解', '重点信访人员'],
  yellow: ['独居老人', '空巢老人', '残疾人', '留守儿童', '失能老人'],
  blue: ['低保户', '特困供养', '低收入家庭', '临时救助'],
  red: ['党员', '党员中心户'],
  green: [],
};

type Cell = [column: number, row: number];

/**
 * 北丰市 Beifeng, a fictional city for development and tests: 4 districts (one a banner, 旗), 15 streets, 74
 * communities, 800 grids tiling the city without overlap, city departments, full staffing of every grid, compounds
 * with buildings, and a few thousand households with colour cards. Deterministic: the same seed gives the same city.
 */
export function generateDemoCity(): GridDataset {
  const random = new SeededRandom(SEED);
  const vertices = jitteredLattice(random);
  const units: DatasetUnit[] = [
    { id: DEMO_CITY_ID, name: DEMO_CITY_NAME, kind: 'city', parentId: null },
    ...DEPARTMENT_TYPES.map((department): DatasetUnit => ({
      id: `dept-${department.code}`,
      name: `${DEMO_CITY_NAME}${department.zh}`,
      kind: 'department',
      parentId: DEMO_CITY_ID,
      departmentCode: department.code,
    })),
  ];
  const features: GridFeature[] = [];
  const households: Household[] = [];
  const names = {
    community: random.shuffled(COMMUNITY_STEMS).map((stem) => `${stem}社区`),
    village: random.shuffled(VILLAGE_NAMES),
    gacha: random.shuffled(GACHA_NAMES),
  };

  DISTRICT_PLANS.forEach((plan, districtIndex) => {
    const districtId = `${DEMO_CITY_ID}-d${pad(districtIndex + 1)}`;
    units.push({ id: districtId, name: plan.name, kind: 'district', parentId: DEMO_CITY_ID, localForm: plan.localForm });
    const mongolianShare = plan.localForm === 'banner' ? 0.35 : 0.05;
    const rowBands = splitEvenly(LATTICE.rows, plan.streets.length);

    plan.streets.forEach((street, streetIndex) => {
      const streetId = `${districtId}-s${pad(streetIndex + 1)}`;
      units.push({ id: streetId, name: street.name, kind: 'street', parentId: districtId, localForm: street.localForm });
      const cells = serpentine(plan.columns, rowBands[streetIndex]);
      const communities = splitSequence(cells, Math.max(2, Math.round(cells.length / GRIDS_PER_COMMUNITY)));
      const rural = street.communityForm !== 'community';

      communities.forEach((communityCells, communityIndex) => {
        const communityId = `${streetId}-c${pad(communityIndex + 1)}`;
        const communityName = nextName(street.communityForm === 'gacha' ? names.gacha : street.communityForm === 'village' ? names.village : names.community, communityId);
        units.push({ id: communityId, name: communityName, kind: 'community', parentId: streetId, localForm: street.communityForm });
        // 社区民警: one police officer serves every grid of the community (一格一警, shared)
        const police: GridStaffMember = { staffId: `${communityId}-police`, name: personName(random, mongolianShare), duty: 'police', title: '社区民警', phoneMasked: maskedMobile(random) };
        const compounds = rural ? villageGroups(communityCells.length, random) : urbanCompounds(communityCells.length, random);

        communityCells.forEach(([column, row], gridIndex) => {
          const gridId = `${communityId}-g${pad(gridIndex + 1)}`;
          const gridCompounds = compounds[gridIndex];
          features.push({
            type: 'Feature',
            geometry: { type: 'Polygon', coordinates: [cellRing(vertices, column, row)] },
            properties: {
              id: gridId,
              name: `${communityName}第${gridIndex + 1}网格`,
              communityId,
              staff: [
                { staffId: `${gridId}-chief`, name: personName(random, mongolianShare), duty: 'chief', title: '网格长', phoneMasked: maskedMobile(random) },
                police,
                { staffId: `${gridId}-specialist`, name: personName(random, mongolianShare), duty: 'specialist', title: '专职网格员', phoneMasked: maskedMobile(random) },
                ...partTimers(gridId, rural, random, mongolianShare),
              ],
              compounds: gridCompounds,
            },
          });
          households.push(...gridHouseholds(gridId, communityName, gridCompounds, rural, random, mongolianShare));
        });
      });
    });
  });

  return {
    format: GRID_DATASET_FORMAT,
    title: '北丰市 Beifeng 演示城市网格划分 (demo city, fictional)',
    units,
    grids: { type: 'FeatureCollection', features },
    households,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function nextName(pool: string[], forUnit: string): string {
  const name = pool.shift();
  if (!name) throw new Error(`demo city: ran out of names at ${forUnit}`);
  return name;
}

/** Lattice vertices moved at random, rounded once so that neighbouring cells share exactly the same corners. */
function jitteredLattice(random: SeededRandom): [number, number][][] {
  const cellWidth = (LATTICE.east - LATTICE.west) / LATTICE.columns;
  const cellHeight = (LATTICE.north - LATTICE.south) / LATTICE.rows;
  const vertices: [number, number][][] = [];
  for (let column = 0; column <= LATTICE.columns; column++) {
    vertices.push([]);
    for (let row = 0; row <= LATTICE.rows; row++) {
      const lng = LATTICE.west + (column + random.between(-JITTER, JITTER)) * cellWidth;
      const lat = LATTICE.south + (row + random.between(-JITTER, JITTER)) * cellHeight;
      vertices[column].push([round6(lng), round6(lat)]);
    }
  }
  return vertices;
}

/** Counter-clockwise (RFC 7946) and closed. */
function cellRing(vertices: [number, number][][], column: number, row: number): [number, number][] {
  const corners: [number, number][] = [vertices[column][row], vertices[column + 1][row], vertices[column + 1][row + 1], vertices[column][row + 1]];
  return [...corners, corners[0]];
}

/** [from, to) ranges of near-equal length covering 0..total. */
function splitEvenly(total: number, parts: number): [number, number][] {
  return Array.from({ length: parts }, (_, i) => [Math.round((i * total) / parts), Math.round(((i + 1) * total) / parts)]);
}

/** The cells of a block column by column, up one column and down the next: any run of them is connected. */
function serpentine([fromColumn, toColumn]: [number, number], [fromRow, toRow]: [number, number]): Cell[] {
  const cells: Cell[] = [];
  for (let column = fromColumn; column < toColumn; column++) {
    const rows = Array.from({ length: toRow - fromRow }, (_, i) => fromRow + i);
    for (const row of (column - fromColumn) % 2 === 0 ? rows : rows.reverse()) cells.push([column, row]);
  }
  return cells;
}

function splitSequence<T>(items: readonly T[], parts: number): T[][] {
  return splitEvenly(items.length, parts).map(([from, to]) => items.slice(from, to));
}

/** 1–2 compounds per grid, names unique within the community; a compound sometimes continues into the next grid. */
function urbanCompounds(gridCount: number, random: SeededRandom): Compound[][] {
  const used = new Set<string>();
  const freshName = () => {
    for (;;) {
      const name = compoundName(random);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  const perGrid: Compound[][] = [];
  let continuing: { name: string; nextBuilding: number } | undefined;
  for (let grid = 0; grid < gridCount; grid++) {
    const compounds: Compound[] = [];
    if (continuing) {
      compounds.push({ name: continuing.name, buildings: buildingLabels(continuing.nextBuilding, random.int(3, 8)) });
      continuing = undefined;
    }
    for (let n = random.int(1, 2); n > 0; n--) {
      const name = freshName();
      const count = random.int(3, 10);
      compounds.push({ name, buildings: buildingLabels(1, count) });
      if (n === 1 && grid < gridCount - 1 && random.chance(0.3)) continuing = { name, nextBuilding: count + 1 };
    }
    perGrid.push(compounds);
  }
  return perGrid;
}

function buildingLabels(first: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${first + i}号楼`);
}

/** Villages and gacha have no compounds; their 村民小组 (一组, 二组 …) play that part, one or two per grid. */
function villageGroups(gridCount: number, random: SeededRandom): Compound[][] {
  let next = 1;
  return Array.from({ length: gridCount }, () => Array.from({ length: random.int(1, 2) }, () => ({ name: villageGroupName(next++), buildings: [] })));
}

function partTimers(gridId: string, rural: boolean, random: SeededRandom, mongolianShare: number): GridStaffMember[] {
  const titles = rural ? ['村民小组长', '党员中心户', '村民小组长', '党员中心户'] : ['楼栋长', '单元长', '党员中心户', '楼栋长'];
  return titles.slice(0, random.int(2, 4)).map((title, i) => ({
    staffId: `${gridId}-p${i + 1}`,
    name: personName(random, mongolianShare),
    duty: 'part-timer',
    title,
    phoneMasked: maskedMobile(random),
  }));
}

function gridHouseholds(gridId: string, communityName: string, compounds: Compound[], rural: boolean, random: SeededRandom, mongolianShare: number): Household[] {
  return Array.from({ length: random.int(3, 6) }, (_, i): Household => {
    const card = random.weighted(CARD_WEIGHTS);
    const reasons = CARD_REASONS[card].length > 0 ? [random.pick(CARD_REASONS[card])] : [];
    const compound = random.pick(compounds);
    const address = rural
      ? `${communityName}${compound.name}${random.int(1, 60)}号`
      : `${compound.name}${random.pick(compound.buildings)}${random.int(1, 4)}单元${random.int(1, 18)}0${random.int(1, 4)}`;
    return {
      id: `${gridId}-h${String(i + 1).padStart(3, '0')}`,
      gridId,
      address,
      headName: personName(random, mongolianShare),
      members: reasons[0] === '独居老人' ? 1 : random.int(1, 5),
      card,
      reasons,
      phoneMasked: maskedMobile(random),
    };
  });
}
