import { Inject, Injectable, OnApplicationShutdown, OnModuleInit, ServiceUnavailableException } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { GeoPoint } from '@civicflow/contracts';
import { GridMap, gridRecordsOf, LocationRouting, parseRoutingDataset, routeLocation } from '@civicflow/grid-routing';
import { CONFIG, GridFollower, KAFKA, serviceClientId, ServiceTokenSource } from '@civicflow/platform';
import { IntakeConfig } from '../../config';

export type RoutingAnswer = LocationRouting;

/**
 * 定位派单 in this process: the grid service's routing is a pure function of its dataset, so intake loads the
 * routing dataset (`GET {GRID_URL}/api/v1/routing/dataset`) at start, routes every report in memory with
 * @civicflow/grid-routing (no round trip per report), and loads it again when the grid announces a new import
 * (grid.dataset-changed, heard by every intake process). While no dataset has ever been loaded, routing waits up
 * to INTAKE_ROUTING_TIMEOUT_MS and then fails, so the report is retried rather than sent to manual dispatch.
 */
@Injectable()
export class GridRoutes implements OnModuleInit, OnApplicationShutdown {
  private readonly follower: GridFollower<{ datasetId: string; map: GridMap }>;

  constructor(@Inject(KAFKA) kafka: Kafka, @Inject(CONFIG) private readonly config: IntakeConfig) {
    this.follower = new GridFollower({
      what: 'routing dataset',
      gridUrl: config.GRID_URL,
      path: '/api/v1/routing/dataset',
      kafka,
      groupPrefix: config.INTAKE_CONSUMER_GROUP,
      // intake reads the dataset as its own service identity (client credentials), never as a borrowed user
      tokens: new ServiceTokenSource({ tokenUrl: config.SERVICE_TOKEN_URL, clientId: serviceClientId('intake'), clientSecret: config.INTAKE_CLIENT_SECRET }),
      parse: (body) => {
        const dataset = parseRoutingDataset(body);
        return { datasetId: dataset.datasetId, map: GridMap.build(dataset.units, gridRecordsOf(dataset)) };
      },
      datasetIdOf: (loaded) => loaded.datasetId,
    });
  }

  /** Start-up waits a while for the grid service, then goes on: routing waits for the dataset by itself. */
  onModuleInit(): Promise<void> {
    return this.follower.start(this.config.INTAKE_ROUTING_TIMEOUT_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.follower.stop();
  }

  private get map(): GridMap | undefined {
    return this.follower.current()?.map;
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
    const loaded = await this.follower.ready(this.config.INTAKE_ROUTING_TIMEOUT_MS);
    if (!loaded) {
      throw new ServiceUnavailableException({ message: `网格数据尚未加载,暂无法定位 the grid dataset is not loaded yet (${this.config.GRID_URL}); the report is kept and retried` });
    }
    return loaded.map;
  }
}
