import { Controller, Get, Header, ServiceUnavailableException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RoutingDataset } from '@civicflow/grid-routing';
import { ServiceScope } from '@civicflow/platform';
import { GridMapHolder } from '../grid-map.holder';

@ApiTags('routing 定位派单')
@ApiBearerAuth()
@Controller('api/v1/routing/dataset')
export class GetRoutingDatasetHttpController {
  constructor(private readonly maps: GridMapHolder) {}

  /**
   * The current import as a router needs it — org tree, grid polygons, compounds; no staff — so a process that
   * routes many places (intake) routes them in memory with @civicflow/grid-routing instead of asking for each one.
   * `grid.dataset-changed` says when to fetch it again.
   */
  @Get()
  // intake's service identity (any signed-in person may read the map too)
  @ServiceScope('grid.routing.read')
  @Header('Cache-Control', 'no-cache')
  @ApiOkResponse({ description: '{ datasetId, title, importedAt, units, grids: [{ id, name, communityId, boundary, compounds }] }' })
  get(): RoutingDataset {
    const dataset = this.maps.dataset();
    if (!dataset) throw new ServiceUnavailableException({ message: '网格数据尚未加载 the grid dataset is not loaded yet; try again shortly' });
    return dataset;
  }
}
