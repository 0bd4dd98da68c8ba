import { z } from 'zod';
import { defineEvent } from '../catalog/define-event';

/**
 * 网格数据已更新 — the grid service loaded a new import of the city's grid data (org tree, polygons, compounds).
 * Processes that route places themselves from the grid service's routing dataset (intake) fetch it again. Published
 * by every grid instance when it loads an import (id `grid.dataset-changed:<datasetId>`, key `grid-dataset`), so a
 * consumer may see one import announced more than once and keeps the dataset whose id it already has.
 */
export const gridDatasetChangedV1 = defineEvent({
  type: 'grid.dataset-changed',
  version: 1,
  description: '网格数据已更新 — a new grid dataset (org tree, polygons, compounds) is in service; routers reload it',
  schema: z.object({
    datasetId: z.string().min(1).describe('the import id; GET /api/v1/routing/dataset of the grid service answers with it'),
    title: z.string().optional(),
    importedAt: z.iso.datetime({ offset: true }),
    counts: z.object({ units: z.number().int().nonnegative(), grids: z.number().int().nonnegative() }),
  }),
});
