import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { gridDatasetChangedV1 } from '@civicflow/contracts';
import type { RoutingDataset } from '@civicflow/grid-routing';
import { CONFIG, EventPublisher } from '@civicflow/platform';
import { GridConfig, seedsDemoCity } from '../config';
import { GridDatasetStore, StoredDataset } from '../dataset/grid-dataset.store';
import { SeedDemoCityUseCase } from '../demo/seed-demo-city/seed-demo-city.usecase';
import { GridMap } from '@civicflow/grid-routing';
import type { GridMapSource } from './route-location/route-location.usecase';

/**
 * Holds the routing index of the current import. Built at start (after seeding the demo city into an empty
 * database, if configured) and rebuilt when a newer import is committed — by this process or any other, the CLI
 * included: a timer reads the import record by _id and rebuilds only when its importId changed. Each import it
 * loads is announced with grid.dataset-changed (again on the next tick if Kafka was away), so processes that route
 * from the routing dataset (intake) reload it.
 */
@Injectable()
export class GridMapHolder implements GridMapSource, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(GridMapHolder.name);
  private map = GridMap.empty();
  private routingDataset?: RoutingDataset;
  private loadedImportId?: string;
  private announcedImportId?: string;
  private refreshing?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private markLoaded!: () => void;
  private readonly loaded = new Promise<void>((resolve) => (this.markLoaded = resolve));

  constructor(
    private readonly store: GridDatasetStore,
    private readonly seedDemoCity: SeedDemoCityUseCase,
    private readonly publisher: EventPublisher,
    @Inject(CONFIG) private readonly config: GridConfig,
  ) {}

  current(): GridMap {
    return this.map;
  }

  /** The current import as routers elsewhere need it (no staff); undefined until one is loaded. */
  dataset(): RoutingDataset | undefined {
    return this.routingDataset;
  }

  /**
   * Resolves once the first load (after the demo seed, if any) is done. HTTP is served only after Nest's init
   * hooks, but the Kafka transport starts consuming in startAllMicroservices, before them.
   */
  ready(): Promise<void> {
    return this.loaded;
  }

  async onModuleInit(): Promise<void> {
    if (seedsDemoCity(this.config)) {
      const outcome = await this.seedDemoCity.execute();
      if (outcome.seeded) this.logger.log(`演示城市已导入 demo city seeded: ${JSON.stringify(outcome.record.counts)} in ${outcome.record.durationMs} ms`);
    }
    await this.refresh();
    this.markLoaded();
    if (this.config.GRID_REFRESH_INTERVAL_MS > 0) {
      this.timer = setInterval(() => void this.refresh(), this.config.GRID_REFRESH_INTERVAL_MS);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Rebuilds the map if a newer import has been committed; never throws (the previous map stays in service). */
  refresh(): Promise<void> {
    this.refreshing ??= this.rebuildIfNewer().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async rebuildIfNewer(): Promise<void> {
    try {
      const record = await this.store.currentImport();
      if (record && record.importId !== this.loadedImportId) {
        const started = Date.now();
        const stored = await this.store.load(record);
        this.map = GridMap.build(stored.units, stored.grids);
        this.routingDataset = routingDatasetOf(stored);
        this.loadedImportId = record.importId;
        this.logger.log(`路由索引已建立 routing index built: ${this.map.gridCount} grids of "${record.title ?? record.source}" in ${Date.now() - started} ms`);
      }
    } catch (error) {
      this.logger.warn(`路由索引未更新 routing index not rebuilt, keeping the previous one: ${error instanceof Error ? error.message : String(error)}`);
    }
    await this.announce();
  }

  private async announce(): Promise<void> {
    const dataset = this.routingDataset;
    if (!dataset || dataset.datasetId === this.announcedImportId) return;
    try {
      await this.publisher.publish(gridDatasetChangedV1, {
        id: `${gridDatasetChangedV1.type}:${dataset.datasetId}`,
        key: 'grid-dataset',
        correlationId: dataset.datasetId,
        data: { datasetId: dataset.datasetId, title: dataset.title, importedAt: dataset.importedAt, counts: { units: dataset.units.length, grids: dataset.grids.length } },
      });
      this.announcedImportId = dataset.datasetId;
    } catch (error) {
      this.logger.warn(`网格数据更新未能通知 grid.dataset-changed not published, retrying on the next refresh: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function routingDatasetOf({ record, units, grids }: StoredDataset): RoutingDataset {
  return {
    datasetId: record.importId,
    ...(record.title ? { title: record.title } : {}),
    importedAt: record.importedAt.toISOString(),
    units,
    grids: grids.map(({ id, name, communityId, boundary, compounds }) => ({ id, name, communityId, boundary, compounds })),
  };
}
