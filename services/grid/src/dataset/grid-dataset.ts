import { z } from 'zod';
import {
  compoundSchema, datasetUnitSchema, gridGeometrySchema, gridStaffMemberSchema, type GridRecord, unitIdSchema, unitNameSchema,
} from '@civicflow/grid-routing';
import { householdCardSchema } from './household-card';

export type { Compound, DatasetUnit, GridGeometry, GridRecord, GridStaffMember } from '@civicflow/grid-routing';

/**
 * The import format of the grid service (网格数据文件): one JSON document holding a city's org tree, its grids
 * as a GeoJSON FeatureCollection (so the `grids` member opens as-is in QGIS or geojson.io), the staff of each
 * grid, the compounds and buildings it covers, and its households. Described in services/grid/README.md.
 */
export const GRID_DATASET_FORMAT = 'civicflow.grid-dataset/v1';

export const gridFeatureSchema = z.object({
  type: z.literal('Feature'),
  geometry: gridGeometrySchema,
  properties: z.object({
    id: unitIdSchema,
    name: unitNameSchema,
    communityId: unitIdSchema,
    staff: z.array(gridStaffMemberSchema),
    compounds: z.array(compoundSchema).default([]),
  }),
});
export type GridFeature = z.infer<typeof gridFeatureSchema>;

export const householdSchema = z.object({
  id: unitIdSchema,
  gridId: unitIdSchema,
  /** e.g. 幸福家园3号楼2单元401 */
  address: z.string().trim().min(1).max(200),
  /** 户主 */
  headName: unitNameSchema,
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

export function gridRecordOf(feature: GridFeature): GridRecord {
  return { ...feature.properties, boundary: feature.geometry };
}
