import type { MultiPolygon, Polygon } from 'geojson';
import { z } from 'zod';
import { gridStaffSchema } from '@civicflow/contracts';
import { LOCAL_UNIT_FORMS, type LocalUnitForm } from '@civicflow/domain';
import { householdCardSchema } from './household-card';

/**
 * The import format of the grid service (网格数据文件): one JSON document holding a city's org tree, its grids
 * as a GeoJSON FeatureCollection (so the `grids` member opens as-is in QGIS or geojson.io), the staff of each
 * grid, the compounds and buildings it covers, and its households. Described in services/grid/README.md.
 */
export const GRID_DATASET_FORMAT = 'civicflow.grid-dataset/v1';

const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/, 'must be 1–80 letters, digits, _ . - (no spaces)');
const nameSchema = z.string().trim().min(1, 'must not be empty').max(100);

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
  id: idSchema,
  name: nameSchema,
  kind: z.enum(['city', 'district', 'street', 'community', 'department']),
  parentId: idSchema.nullable(),
  /** 区/旗/县, 街道/苏木/乡/镇, 社区/嘎查/村 */
  localForm: z.enum(localForms).optional(),
  /** For departments: a code of DEPARTMENT_TYPES (`housing`, `water`, …). */
  departmentCode: z.string().min(1).optional(),
});
export type DatasetUnit = z.infer<typeof datasetUnitSchema>;

/** 一格一长一警一专多兼: the contract's staff entry plus the part-timer's title (楼栋长, 单元长, 党员中心户 …). */
export const gridStaffMemberSchema = gridStaffSchema.extend({
  name: nameSchema,
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

export const gridFeatureSchema = z.object({
  type: z.literal('Feature'),
  geometry: gridGeometrySchema,
  properties: z.object({
    id: idSchema,
    name: nameSchema,
    communityId: idSchema,
    staff: z.array(gridStaffMemberSchema),
    compounds: z.array(compoundSchema).default([]),
  }),
});
export type GridFeature = z.infer<typeof gridFeatureSchema>;

export const householdSchema = z.object({
  id: idSchema,
  gridId: idSchema,
  /** e.g. 幸福家园3号楼2单元401 */
  address: z.string().trim().min(1).max(200),
  /** 户主 */
  headName: nameSchema,
  members: z.number().int().min(1).max(30),
  card: householdCardSchema,
  /** Why the card has its colour: 独居老人, 低保户, 党员 … */
  reasons: z.array(z.string().trim().min(1).max(40)).default([]),
  phoneMasked: z.string().regex(/^\d{3}\*{4}\d{4}$/, 'must be masked like 138****5678').optional(),
});
export type Household = z.infer<typeof householdSchema>;

export const gridDatasetSchema = z.object({
  format: z.literal(GRID_DATASET_FORMAT),
  /** Free text shown in logs and in the dataset record, e.g. 北丰市 2026 年网格划分. */
  title: z.string().trim().min(1).max(200).optional(),
  units: z.array(datasetUnitSchema).min(1, 'needs at least the city'),
  grids: z.object({ type: z.literal('FeatureCollection'), features: z.array(gridFeatureSchema) }),
  households: z.array(householdSchema).default([]),
});
/** A dataset after validation (defaults applied). */
export type GridDataset = z.infer<typeof gridDatasetSchema>;
/** What a file may contain (defaults not yet applied). */
export type GridDatasetInput = z.input<typeof gridDatasetSchema>;

/** A grid as the service keeps it: the feature's properties plus its boundary. */
export interface GridRecord {
  id: string;
  name: string;
  communityId: string;
  boundary: GridGeometry;
  staff: GridStaffMember[];
  compounds: Compound[];
}

export function gridRecordOf(feature: GridFeature): GridRecord {
  return { ...feature.properties, boundary: feature.geometry };
}
