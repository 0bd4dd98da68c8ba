import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit, ServiceUnavailableException } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { EventData, GeoPoint, gridDatasetChangedV1 } from '@civicflow/contracts';
import { GridMap, gridRecordsOf, LocationRouting, parseRoutingDataset, routeLocation } from '@civicflow/grid-routing';
import { BroadcastListener, CONFIG, KAFKA, ServiceBearer } from '@civicflow/platform';
import { IntakeConfig } from '../../config';

export type RoutingAnswer = LocationRouting;

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * 定位派单 in this process: the grid service's routing is a pure function of its dataset, so intake loads the
 * routing dataset (`GET {GRID_URL}/api/v1/routing/dataset`) at start, routes every report in memory with
 * @civicflow/grid-routing (no round trip per report), and loads it again when the grid announces a new import
 * (grid.dataset-changed, heard by every intake process). While no dataset has ever been loaded, routing waits up
 * to INTAKE_ROUTING_TIMEOUT_MS and then fails, so the report is retried rather than sent to manual dispatch.
 */
@Injectable()
export class GridRoutes implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(GridRoutes.name);
  private readonly listener: BroadcastListener;
  private readonly bearer: ServiceBearer;
  private map?: GridMap;
  private datasetId?: string;
  private loading?: Promise<boolean>;
  private retry?: NodeJS.Timeout;
  private retryMs = RETRY_MIN_MS;
  private stopped = false;
  private markLoaded!: () => void;
  private readonly loaded = new Promise<void>((resolve) => (this.markLoaded = resolve));

  constructor(@Inject(KAFKA) kafka: Kafka, @Inject(CONFIG) private readonly config: IntakeConfig) {
    this.bearer = new ServiceBearer({
      account: { userId: 'svc-intake', name: '受理 intake service', unitId: config.INTAKE_CITY_UNIT_ID },
      jwtSecret: config.JWT_SECRET,
      token: config.INTAKE_GRID_TOKEN,
    });
    this.listener = new BroadcastListener(kafka, {
      groupPrefix: config.INTAKE_CONSUMER_GROUP,
      contracts: [gridDatasetChangedV1],
      onEvent: async (event) => {
        const { datasetId } = event.data as EventData<typeof gridDatasetChangedV1>;
        if (datasetId !== this.datasetId) await this.load();
      },
    });
  }

  async onModuleInit(): Promise<void> {
    // listening first: an import announced while the first load runs is not missed
    await this.listener.start();
    // start-up waits a while for the grid service, then goes on: routing waits for the dataset by itself
    await Promise.race([this.load(), sleep(this.config.INTAKE_ROUTING_TIMEOUT_MS)]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.listener.stop();
  }

  /** Which grid, community and street own the place; "not matched" (with the reason) goes to manual dispatch. */
  async locate(where: { point?: GeoPoint; address?: string }): Promise<RoutingAnswer> {
    if (!where.point && !where.address) return { matched: false, reason: 'no-location' };
    return routeLocation(await this.currentMap(), where);
  }

  /**
   * City → … → the unit itself, for jurisdiction checks; undefined while no dataset is loaded or for a unit it does
   * not know (the caller falls back to the ids it has: a case event is never held up by the grid service).
   */
  orgPathOf(unitId: string): string[] | undefined {
    return this.map?.unit(unitId) ? this.map.orgPathOf(unitId) : undefined;
  }

  /** The city unit, the root every org path starts from. */
  get cityUnitId(): string {
    return this.config.INTAKE_CITY_UNIT_ID;
  }

  /** A unit's name (社区, 街道, 部门 …) as people read it, if a dataset is loaded and knows the unit. */
  unitName(unitId: string): string | undefined {
    return this.map?.unit(unitId)?.name;
  }

  private async currentMap(): Promise<GridMap> {
    if (!this.map) await Promise.race([this.loaded, sleep(this.config.INTAKE_ROUTING_TIMEOUT_MS)]);
    if (!this.map) {
      throw new ServiceUnavailableException({ message: `网格数据尚未加载,暂无法定位 the grid dataset is not loaded yet (${this.config.GRID_URL}); the report is kept and retried` });
    }
    return this.map;
  }

  /** One load at a time; a failure schedules another with backoff, until one succeeds or the app stops. */
  private load(): Promise<boolean> {
    this.loading ??= this.fetchDataset().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async fetchDataset(): Promise<boolean> {
    clearTimeout(this.retry);
    try {
      const res = await fetch(`${this.config.GRID_URL.replace(/\/+$/, '')}/api/v1/routing/dataset`, {
        headers: { authorization: await this.bearer.header() },
        signal: AbortSignal.timeout(30_000),
      });
      if (!res.ok) throw new Error(`grid service answered ${res.status}`);
      const dataset = parseRoutingDataset(await res.json());
      if (dataset.datasetId !== this.datasetId) {
        this.map = GridMap.build(dataset.units, gridRecordsOf(dataset));
        this.datasetId = dataset.datasetId;
        this.logger.log(`网格数据已加载 grid dataset ${dataset.datasetId} loaded: ${this.map.gridCount} grids`);
      }
      this.retryMs = RETRY_MIN_MS;
      this.markLoaded();
      return true;
    } catch (error) {
      if (this.stopped) return false;
      this.logger.warn(`网格数据加载失败 grid dataset not loaded, retrying in ${this.retryMs} ms: ${error instanceof Error ? error.message : String(error)}`);
      this.retry = setTimeout(() => void this.load(), this.retryMs);
      this.retry.unref();
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
      return false;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
