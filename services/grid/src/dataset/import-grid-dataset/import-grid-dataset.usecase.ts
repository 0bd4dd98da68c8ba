import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DomainError } from '@civicflow/domain';
import type { GridDatasetStore } from '../grid-dataset.store';
import type { ImportRecordDoc } from '../import-record.schema';
import { parseGridDataset } from '../parse-grid-dataset';

/** Long enough for any city on FerretDB; a crashed importer's lock expires after it. */
const IMPORT_LOCK_TTL_MS = 10 * 60_000;

export class ImportInProgress extends DomainError {
  constructor() {
    super('IMPORT_IN_PROGRESS', '另一个网格数据导入正在进行，请稍后再试', 'another grid dataset import is in progress; try again later');
  }
}

/**
 * 导入网格数据: validates the whole file first (nothing is written if any entry is bad), then replaces the
 * dataset under the import lock. Running services pick the new import up on their next refresh.
 */
export class ImportGridDatasetUseCase {
  constructor(
    private readonly store: GridDatasetStore,
    private readonly holder = `${hostname()}:${process.pid}`,
  ) {}

  async execute(input: unknown, source: string): Promise<ImportRecordDoc> {
    const dataset = parseGridDataset(input);
    if (!(await this.store.acquireImportLock(this.holder, IMPORT_LOCK_TTL_MS))) throw new ImportInProgress();
    try {
      return await this.store.replaceAll(dataset, randomUUID(), source);
    } finally {
      await this.store.releaseImportLock(this.holder);
    }
  }
}
