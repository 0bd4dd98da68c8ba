// npm run seed:demo [-- --out city.json]
// Loads the demo city 北丰市 into the grid database the environment configures (replacing what is there), or with
// --out writes the generated dataset to a file in the import format instead.
import { writeFile } from 'node:fs/promises';
import { ImportGridDatasetUseCase } from '../dataset/import-grid-dataset/import-grid-dataset.usecase';
import { demoCity } from '../demo/demo-city';
import { DEMO_CITY_SOURCE } from '../demo/seed-demo-city/seed-demo-city.usecase';
import { runCommand, withGridStore } from './grid-database';

runCommand(async () => {
  const outIndex = process.argv.indexOf('--out');
  if (outIndex >= 0) {
    const file = process.argv[outIndex + 1];
    if (!file) throw new Error('--out 需要文件名 needs a file name');
    await writeFile(file, JSON.stringify(demoCity(), null, 1));
    console.log(`演示城市已写入 demo city written to ${file}`);
    return;
  }
  await withGridStore(async (store, databaseName) => {
    const previous = await store.currentImport();
    const record = await new ImportGridDatasetUseCase(store).execute(demoCity(), DEMO_CITY_SOURCE);
    console.log(
      `演示城市已导入 demo city imported into ${databaseName}: ${record.counts.units} units, ${record.counts.grids} grids, ` +
        `${record.counts.households} households in ${record.durationMs} ms` +
        (previous ? ` (replaced "${previous.title ?? previous.source}")` : ''),
    );
    console.log('运行中的网格服务将在下次刷新时使用 running grid services switch to it on their next refresh (GRID_REFRESH_INTERVAL_MS)');
  });
});
