import { DynamicModule, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { PlatformModule } from '@civicflow/platform';
import { GridConfig } from './config';
import { GridDatasetStore, gridModelsOn } from './dataset/grid-dataset.store';
import { SeedDemoCityUseCase } from './demo/seed-demo-city/seed-demo-city.usecase';
import { GetGridHttpController } from './grids/get-grid/get-grid.http.controller';
import { ListGridHouseholdsHttpController } from './households/list-grid-households/list-grid-households.http.controller';
import { GetOrgTreeHttpController } from './org/get-org-tree/get-org-tree.http.controller';
import { GetOrgUnitHttpController } from './org/get-org-unit/get-org-unit.http.controller';
import { GetRoutingDatasetHttpController } from './routing/get-routing-dataset/get-routing-dataset.http.controller';
import { GridMapHolder } from './routing/grid-map.holder';
import { RouteLocationHttpController } from './routing/route-location/route-location.http.controller';
import { RouteLocationMessageController } from './routing/route-location/route-location.message.controller';
import { RouteLocationUseCase } from './routing/route-location/route-location.usecase';

/** 网格 grid: the org tree, grid polygons and staff, households, and routing of a place to its grid. */
@Module({})
export class GridModule {
  static register(config: GridConfig): DynamicModule {
    return {
      module: GridModule,
      imports: [PlatformModule.forService({ service: 'grid', config })],
      controllers: [
        RouteLocationHttpController,
        GetRoutingDatasetHttpController,
        RouteLocationMessageController,
        GetOrgTreeHttpController,
        GetOrgUnitHttpController,
        GetGridHttpController,
        ListGridHouseholdsHttpController,
      ],
      providers: [
        // the same models the CLI registers on its bare connection (one schema per collection, indexes built on registration)
        { provide: GridDatasetStore, inject: [getConnectionToken()], useFactory: (connection: Connection) => new GridDatasetStore(gridModelsOn(connection)) },
        { provide: SeedDemoCityUseCase, inject: [GridDatasetStore], useFactory: (store: GridDatasetStore) => new SeedDemoCityUseCase(store) },
        GridMapHolder,
        // plain classes (no Nest in them), so the use case is tested with a fixed map and no container
        { provide: RouteLocationUseCase, inject: [GridMapHolder], useFactory: (maps: GridMapHolder) => new RouteLocationUseCase(maps) },
      ],
    };
  }
}
