import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RouteLocationDto } from './route-location.dto';
import { LocationRouting, RouteLocationUseCase } from './route-location.usecase';

@ApiTags('routing 定位派单')
@ApiBearerAuth()
@Controller('api/v1/routing')
export class RouteLocationHttpController {
  constructor(private readonly routeLocation: RouteLocationUseCase) {}

  /** Which grid, community and street own this place? A place nobody owns is `matched: false`, not an error. */
  @Post('locate')
  @HttpCode(200)
  @ApiOkResponse({ description: 'the owning grid with its community, street and staff, or matched: false with a reason' })
  locate(@Body() query: RouteLocationDto): LocationRouting {
    return this.routeLocation.execute(query);
  }
}
