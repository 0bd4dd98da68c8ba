import Flatbush from 'flatbush';
import type { GeoPoint } from '@civicflow/contracts';
import { ancestorsOf, createOrgTree, type OrgTree, type OrgUnit, unitOf } from '@civicflow/domain';
import type { DatasetUnit, GridRecord } from './routing-dataset';
import { AddressIndex } from './address-index';
import { type BoundingBox, boundingBoxOf, containsPoint } from './geometry';

/** The org units of a dataset, grids included (a grid is the unit under its community). */
export function orgUnitsOf(units: readonly DatasetUnit[], grids: readonly Pick<GridRecord, 'id' | 'name' | 'communityId'>[]): OrgUnit[] {
  return [
    ...units.map(({ id, name, kind, parentId, localForm, departmentCode }) => ({ id, name, kind, parentId, localForm, departmentCode })),
    ...grids.map((grid) => ({ id: grid.id, name: grid.name, kind: 'grid' as const, parentId: grid.communityId })),
  ];
}

interface IndexedGrid extends GridRecord {
  bbox: BoundingBox;
}

/**
 * One city's grids in memory, built once per imported dataset: the org tree, a Flatbush index over the grids'
 * bounding boxes, and the address index. Routing a point is a box search that leaves a handful of candidates and
 * an exact point-in-polygon test on each — FerretDB has no geo queries, and a few hundred kilobytes of polygons
 * fit any process.
 */
export class GridMap {
  private constructor(
    readonly tree: OrgTree,
    private readonly grids: readonly IndexedGrid[],
    private readonly gridsById: ReadonlyMap<string, IndexedGrid>,
    private readonly spatialIndex: Flatbush | undefined,
    readonly addresses: AddressIndex,
  ) {}

  /** A map with nothing in it: every point and address is "not matched" until a dataset is imported. */
  static empty(): GridMap {
    return new GridMap({ units: new Map(), children: new Map() }, [], new Map(), undefined, new AddressIndex([], []));
  }

  /** Units and grids must form a valid tree (createOrgTree throws otherwise). */
  static build(units: readonly DatasetUnit[], grids: readonly GridRecord[]): GridMap {
    const tree = createOrgTree(orgUnitsOf(units, grids));
    // sorted by id: where polygons share an edge, a point on it goes to the first grid, the same one every time
    const indexed = [...grids].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((grid) => ({ ...grid, bbox: boundingBoxOf(grid.boundary) }));
    let spatialIndex: Flatbush | undefined;
    if (indexed.length > 0) {
      spatialIndex = new Flatbush(indexed.length);
      for (const { bbox } of indexed) spatialIndex.add(...bbox);
      spatialIndex.finish();
    }
    const gridIdsUnder = new Map<string, Set<string>>();
    for (const grid of indexed) {
      for (const ancestor of ancestorsOf(tree, grid.id)) gridIdsUnder.set(ancestor.id, (gridIdsUnder.get(ancestor.id) ?? new Set()).add(grid.id));
    }
    const areas = units
      .filter((unit) => unit.kind === 'district' || unit.kind === 'street' || unit.kind === 'community')
      .map((unit) => ({ id: unit.id, name: unit.name, gridIds: gridIdsUnder.get(unit.id) ?? new Set<string>() }));
    return new GridMap(tree, indexed, new Map(indexed.map((grid) => [grid.id, grid])), spatialIndex, new AddressIndex(indexed, areas));
  }

  get gridCount(): number {
    return this.grids.length;
  }

  grid(gridId: string): GridRecord | undefined {
    return this.gridsById.get(gridId);
  }

  unit(unitId: string): OrgUnit | undefined {
    return this.tree.units.get(unitId);
  }

  /** The grids whose polygon holds the point (edges included), in id order; usually one, two or more on a shared edge. */
  gridsContaining(point: GeoPoint): GridRecord[] {
    if (!this.spatialIndex) return [];
    return this.spatialIndex
      .search(point.lng, point.lat, point.lng, point.lat)
      .sort((a, b) => a - b)
      .map((index) => this.grids[index])
      .filter((grid) => containsPoint(grid.boundary, point));
  }

  /** Ids from the city down to the unit itself: what jurisdiction checks and the routing reply carry. */
  orgPathOf(unitId: string): string[] {
    return [...ancestorsOf(this.tree, unitId).reverse().map((unit) => unit.id), unitOf(this.tree, unitId).id];
  }
}
