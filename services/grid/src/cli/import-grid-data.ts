// npm run import:data -- <file.json>
// Imports a city's grid dataset (format: services/grid/README.md) into the grid database the environment
// configures. The whole file is checked first; if any entry is bad, nothing is written and every problem is listed.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ImportGridDatasetUseCase } from '../dataset/import-grid-dataset/import-grid-dataset.usecase';
import { runCommand, withGridStore } from './grid-database';

runCommand(async () => {
  const file = process.argv[2];
  if (!file) throw new Error('用法 usage: npm run import:data -- <dataset.json>');
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
  let input: unknown;
  try {
    input = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`无法读取 cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  await withGridStore(async (store, databaseName) => {
    const record = await new ImportGridDatasetUseCase(store).execute(input, path);
    console.log(
      `网格数据已导入 grid dataset imported into ${databaseName}: ${record.counts.units} units, ${record.counts.grids} grids, ` +
        `${record.counts.households} households in ${record.durationMs} ms`,
    );
  });
});
