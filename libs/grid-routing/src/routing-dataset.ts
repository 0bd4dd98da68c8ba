import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { gridStaffSchema } from '@civicflow/contracts';
import { LOCAL_UNIT_FORMS, type LocalUnitForm } from '@civicflow/domain';

/**
 * The parts of a city's grid data that routing needs — the org tree, every grid's polygon and the compounds it
 * covers — with the schemas that check them. The grid service's import format is built from these (plus staff and
 * households), and so is the routing dataset it serves to processes that route in memory (intake).
 */

/** Ids of units and grids, e.g. `bf-d01-s01-c01-g01`. */
export const unitIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/, 'must be 1–80 letters, digits, _ . - (no spaces)');
export const unitNameSchema = z.string().trim().min(1, 'must not be empty').max(100);

/** [lng, lat] in WGS-84, as GeoJSON orders them; an altitude, if any, is ignored. */
const positionSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());

const linearRingSchema = z
  .array(positionSchema)
  .min(4, 'a ring needs at least 4 positions')
  .refine((ring) => ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1], {
    message: 'a ring must be closed: its first and last positions must be equal',
  });

/** The first ring is the outline, further rings are holes (GeoJSON, RFC 7946 §3.1.6). */
const polygonCoordinatesSchema = z.array(linearRingSchema).min(1, 'a polygon needs an outer ring');

export const gridGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygonCoordinatesSchema }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygonCoordinatesSchema).min(1, 'a multipolygon needs a polygon') }),
]);
/** GeoJSON's own types: what the schema accepts is assignable to them. */
export type GridGeometry = Polygon | MultiPolygon;

const localForms = Object.keys(LOCAL_UNIT_FORMS) as [LocalUnitForm, ...LocalUnitForm[]];

/** City, districts, streets, communities and departments. Grids are not listed here: they are the features. */
export const datasetUnitSchema = z.object({
  id: unitIdSchema,
  name: unitNameSchema,
  kind: z.enum(['city', 'district', 'street', 'community', 'department']),
  parentId: unitIdSchema.nullable(),
  /** 区/旗/县, 街道/苏木/乡/镇, 社区/嘎查/村 */
  localForm: z.enum(localForms).optional(),
  /** For departments: a code of DEPARTMENT_TYPES (`housing`, `water`, …). */
  departmentCode: z.string().min(1).optional(),
});
export type DatasetUnit = z.infer<typeof datasetUnitSchema>;

/** 一格一长一警一专多兼: the contract's staff entry plus the part-timer's title (楼栋长, 单元长, 党员中心户 …). */
export const gridStaffMemberSchema = gridStaffSchema.extend({
  name: unitNameSchema,
  title: z.string().trim().min(1).max(20).optional(),
  phoneMasked: z.string().regex(/^\d{3}\*{4}\d{4}$/, 'must be masked like 138****5678').optional(),
});
export type GridStaffMember = z.infer<typeof gridStaffMemberSchema>;

/** A compound (小区) and the buildings (楼栋) of it that lie in this grid; the address fallback matches them. */
export const compoundSchema = z.object({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(50),
  buildings: z.array(z.string().trim().min(1).max(20)).default([]),
});
export type Compound = z.infer<typeof compoundSchema>;

/** A grid as routing knows it: its polygon and compounds, and its staff where the holder may see them. */
export interface GridRecord {
  id: string;
  name: string;
  communityId: string;
  boundary: GridGeometry;
  staff: GridStaffMember[];
  compounds: Compound[];
}

/**
 * `GET /api/v1/routing/dataset` of the grid service: everything a process needs to route places itself, without
 * staff (people's names stay in the grid service). `datasetId` names the import; it changes with every import and
 * `grid.dataset-changed` announces it.
 */
export const routingDatasetSchema = z.object({
  datasetId: z.string().min(1),
  title: z.string().optional(),
  importedAt: z.iso.datetime({ offset: true }),
  units: z.array(datasetUnitSchema),
  grids: z.array(
    z.object({
      id: unitIdSchema,
      name: unitNameSchema,
      communityId: unitIdSchema,
      boundary: gridGeometrySchema,
      compounds: z.array(compoundSchema).default([]),
    }),
  ),
});
/** A routing dataset (what routingDatasetSchema accepts, with GeoJSON's own geometry types). */
export interface RoutingDataset {
  datasetId: string;
  title?: string;
  importedAt: string;
  units: DatasetUnit[];
  grids: Omit<GridRecord, 'staff'>[];
}

/** Checks a routing dataset as it arrives over HTTP; throws a ZodError naming what is wrong. */
export function parseRoutingDataset(input: unknown): RoutingDataset {
  return routingDatasetSchema.parse(input);
}

/** The grids of a routing dataset as routing records (no staff). */
export function gridRecordsOf(dataset: RoutingDataset): GridRecord[] {
  return dataset.grids.map((grid) => ({ ...grid, staff: [] }));
}
