import type { Connection, Model } from 'mongoose';
import { GRID_MODEL, type GridDoc, gridSchema } from '../grids/grid.schema';
import { HOUSEHOLD_MODEL, type HouseholdDoc, householdSchema } from '../households/household.schema';
import { ORG_UNIT_MODEL, type OrgUnitDoc, orgUnitSchema } from '../org/org-unit.schema';
import type { DatasetUnit, GridDataset, GridGeometry, GridRecord, Household } from './grid-dataset';
import { IMPORT_LOCK_MODEL, type ImportLockDoc, importLockSchema } from './import-lock.schema';
import { CURRENT_IMPORT, IMPORT_RECORD_MODEL, type ImportRecordDoc, importRecordSchema } from './import-record.schema';
import { isDuplicateKey } from '@civicflow/platform';

export interface GridModels {
  units: Model<OrgUnitDoc>;
  grids: Model<GridDoc>;
  households: Model<HouseholdDoc>;
  imports: Model<ImportRecordDoc>;
  locks: Model<ImportLockDoc>;
}

const GRID_COLLECTIONS = [
  { name: ORG_UNIT_MODEL, schema: orgUnitSchema },
  { name: GRID_MODEL, schema: gridSchema },
  { name: HOUSEHOLD_MODEL, schema: householdSchema },
  { name: IMPORT_RECORD_MODEL, schema: importRecordSchema },
  { name: IMPORT_LOCK_MODEL, schema: importLockSchema },
];

/** The grid database's models on a connection: the service's (Nest) and the CLI's alike. */
export function gridModelsOn(connection: Connection): GridModels {
  for (const { name, schema } of GRID_COLLECTIONS) if (!connection.models[name]) connection.model(name, schema);
  return {
    units: connection.model<OrgUnitDoc>(ORG_UNIT_MODEL),
    grids: connection.model<GridDoc>(GRID_MODEL),
    households: connection.model<HouseholdDoc>(HOUSEHOLD_MODEL),
    imports: connection.model<ImportRecordDoc>(IMPORT_RECORD_MODEL),
    locks: connection.model<ImportLockDoc>(IMPORT_LOCK_MODEL),
  };
}

/** A committed dataset as read back: what the routing index is built from. */
export interface StoredDataset {
  record: ImportRecordDoc;
  units: DatasetUnit[];
  grids: GridRecord[];
}

/** The current import's record points at units and grids that are not all there: an import is under way or died. */
export class DatasetIncomplete extends Error {
  constructor(record: ImportRecordDoc, units: number, grids: number) {
    super(
      `网格数据不完整（可能正在导入）grid dataset ${record.importId} is incomplete, perhaps being imported: ` +
        `${units}/${record.counts.units} units, ${grids}/${record.counts.grids} grids`,
    );
    this.name = 'DatasetIncomplete';
  }
}

const INSERT_CHUNK = 500;
const LOCK_ID = 'grid-dataset';

/**
 * Reads and writes of the grid database. Single-document writes and equality filters only, so it behaves the
 * same on FerretDB v1 and on MongoDB: bulk inserts in chunks, a lock document for "one import at a time", and the
 * import record as the commit point.
 */
export class GridDatasetStore {
  constructor(private readonly models: GridModels) {}

  /** Builds the indexes (the CLI; in the service mongoose does it when the models are registered). */
  async ensureIndexes(): Promise<void> {
    await Promise.all(Object.values(this.models).map((model: Model<unknown>) => model.init()));
  }

  currentImport(): Promise<ImportRecordDoc | null> {
    return this.models.imports.findById(CURRENT_IMPORT).lean<ImportRecordDoc>().exec();
  }

  /** The units and grids of a committed import; throws DatasetIncomplete if some are missing. */
  async load(record: ImportRecordDoc): Promise<StoredDataset> {
    const [units, grids] = await Promise.all([
      this.models.units.find({ importId: record.importId }).lean<OrgUnitDoc[]>().exec(),
      this.models.grids.find({ importId: record.importId }).lean<GridDoc[]>().exec(),
    ]);
    if (units.length !== record.counts.units || grids.length !== record.counts.grids) throw new DatasetIncomplete(record, units.length, grids.length);
    return { record, units: units.map(datasetUnitOf), grids: grids.map(gridRecordOfDoc) };
  }

  async householdsOfGrid(gridId: string): Promise<Household[]> {
    const docs = await this.models.households.find({ gridId }).lean<HouseholdDoc[]>().exec();
    return docs.map(householdOf).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /**
   * Replaces the whole dataset: clear, insert in chunks (FerretDB writes one document at a time, and upserts in
   * bulk are far slower than inserts there), then write the import record last. Until that last write, readers keep
   * the previous record and refuse the half-written data (see load).
   */
  async replaceAll(dataset: GridDataset, importId: string, source: string): Promise<ImportRecordDoc> {
    const started = Date.now();
    const { units, grids, households } = this.models;
    await Promise.all([units.deleteMany({}), grids.deleteMany({}), households.deleteMany({})]);
    await insertInChunks(units, dataset.units.map((unit) => ({ _id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId, localForm: unit.localForm, departmentCode: unit.departmentCode, importId })));
    await insertInChunks(grids, dataset.grids.features.map(({ geometry, properties }) => ({ _id: properties.id, name: properties.name, communityId: properties.communityId, boundaryGeoJson: JSON.stringify(geometry), staff: properties.staff, compounds: properties.compounds, importId })));
    await insertInChunks(households, dataset.households.map(({ id, ...household }) => ({ _id: id, ...household, importId })));
    const record: ImportRecordDoc = {
      _id: CURRENT_IMPORT,
      importId,
      title: dataset.title,
      source,
      importedAt: new Date(),
      durationMs: Date.now() - started,
      counts: { units: dataset.units.length, grids: dataset.grids.features.length, households: dataset.households.length },
    };
    await this.models.imports.replaceOne({ _id: CURRENT_IMPORT }, record, { upsert: true });
    return record;
  }

  /** Takes the import lock unless someone else holds an unexpired one. */
  async acquireImportLock(holder: string, ttlMs: number): Promise<boolean> {
    if (await this.tryCreateLock(holder, ttlMs)) return true;
    const existing = await this.models.locks.findById(LOCK_ID).lean<ImportLockDoc>().exec();
    if (existing && existing.expiresAt.getTime() > Date.now()) return false;
    // expired: remove exactly that stale lock; if another importer raced us to it, the create below decides
    if (existing) await this.models.locks.deleteOne({ _id: LOCK_ID, holder: existing.holder });
    return this.tryCreateLock(holder, ttlMs);
  }

  async releaseImportLock(holder: string): Promise<void> {
    await this.models.locks.deleteOne({ _id: LOCK_ID, holder });
  }

  private async tryCreateLock(holder: string, ttlMs: number): Promise<boolean> {
    try {
      await this.models.locks.create({ _id: LOCK_ID, holder, expiresAt: new Date(Date.now() + ttlMs) });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return false;
    }
  }
}

async function insertInChunks<T>(model: Model<T>, docs: readonly object[]): Promise<void> {
  for (let from = 0; from < docs.length; from += INSERT_CHUNK) await model.insertMany(docs.slice(from, from + INSERT_CHUNK), { ordered: true });
}

function datasetUnitOf(doc: OrgUnitDoc): DatasetUnit {
  return {
    id: doc._id,
    name: doc.name,
    kind: doc.kind,
    parentId: doc.parentId ?? null,
    ...(doc.localForm ? { localForm: doc.localForm } : {}),
    ...(doc.departmentCode ? { departmentCode: doc.departmentCode } : {}),
  };
}

function gridRecordOfDoc(doc: GridDoc): GridRecord {
  return { id: doc._id, name: doc.name, communityId: doc.communityId, boundary: JSON.parse(doc.boundaryGeoJson) as GridGeometry, staff: doc.staff, compounds: doc.compounds };
}

function householdOf({ _id, importId: _importId, ...household }: HouseholdDoc): Household {
  return { id: _id, ...household, reasons: household.reasons ?? [] };
}
