import { ImportGridDatasetUseCase, ImportInProgress } from '../../dataset/import-grid-dataset/import-grid-dataset.usecase';
import type { GridDatasetStore } from '../../dataset/grid-dataset.store';
import type { ImportRecordDoc } from '../../dataset/import-record.schema';
import { demoCity } from '../demo-city';

export const DEMO_CITY_SOURCE = 'demo:beifeng';

export type SeedOutcome = { seeded: true; record: ImportRecordDoc } | { seeded: false; why: 'dataset-present' | 'another-import-running' };

/**
 * GRID_SEED_DEMO: an empty grid database gets the demo city, so `npm start` has a city to route in. A database
 * that holds any import — a real city's above all — is never touched.
 */
export class SeedDemoCityUseCase {
  constructor(
    private readonly store: GridDatasetStore,
    private readonly importDataset = new ImportGridDatasetUseCase(store),
  ) {}

  async execute(): Promise<SeedOutcome> {
    if (await this.store.currentImport()) return { seeded: false, why: 'dataset-present' };
    try {
      return { seeded: true, record: await this.importDataset.execute(demoCity(), DEMO_CITY_SOURCE) };
    } catch (error) {
      // another replica is seeding (or someone imports right now): theirs will do
      if (error instanceof ImportInProgress) return { seeded: false, why: 'another-import-running' };
      throw error;
    }
  }
}
