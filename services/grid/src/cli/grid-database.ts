import mongoose from 'mongoose';
import { loadConfig, serviceDatabaseName } from '@civicflow/platform';
import { gridConfigSchema } from '../config';
import { GridDatasetStore, gridModelsOn } from '../dataset/grid-dataset.store';

/** The grid service's database as configured by the environment (MONGO_URL, MONGO_DB_PREFIX), for CLI commands. */
export async function withGridStore<T>(work: (store: GridDatasetStore, databaseName: string) => Promise<T>): Promise<T> {
  const config = loadConfig(gridConfigSchema);
  const databaseName = serviceDatabaseName(config, 'grid');
  const connection = await mongoose.createConnection(config.MONGO_URL, { dbName: databaseName, serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    const store = new GridDatasetStore(gridModelsOn(connection));
    await store.ensureIndexes();
    return await work(store, databaseName);
  } finally {
    await connection.close();
  }
}

/** Runs a CLI command: errors print as one line (zh + en), never a stack trace, and exit 1. */
export function runCommand(command: () => Promise<void>): void {
  command().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
