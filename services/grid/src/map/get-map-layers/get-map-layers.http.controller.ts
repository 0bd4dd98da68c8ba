import { Controller, Get, Header, ServiceUnavailableException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GridMapHolder } from '../../routing/grid-map.holder';
import type { MapLayers } from '@civicflow/contracts';
import { buildMapLayers } from '../map-layers';

/** 网格地图: the city's outlines and names for the console's map, built once per imported dataset. */
@ApiTags('map 网格地图')
@ApiBearerAuth()
@Controller('api/v1/map/layers')
export class GetMapLayersHttpController {
  private built?: MapLayers;

  constructor(private readonly maps: GridMapHolder) {}

  @Get()
  // the ETag (per body) lets a browser keep its copy until the next import
  @Header('Cache-Control', 'private, no-cache')
  @ApiOperation({ summary: 'Street, community and grid outlines (GeoJSON FeatureCollections, WGS-84) with names and label points, and the city’s extent' })
  @ApiOkResponse({ description: '{ datasetId, bbox: [west, south, east, north], streets, communities, grids } — features carry { id, name, kind, parentId, label: [lng, lat] }' })
  layers(): MapLayers {
    const dataset = this.maps.dataset();
    if (!dataset) throw new ServiceUnavailableException({ message: '网格数据尚未加载 the grid dataset is not loaded yet; try again shortly' });
    if (this.built?.datasetId !== dataset.datasetId) this.built = buildMapLayers(dataset);
    return this.built;
  }
}
