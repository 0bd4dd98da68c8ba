import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Compound, GridGeometry, GridStaffMember } from '../../dataset/grid-dataset';
import { GridMapHolder } from '../../routing/grid-map.holder';
import { gridNotFound, pathOf, type UnitSummary } from '../../org/org-views';

export interface GridView {
  id: string;
  name: string;
  /** City first, the grid last. */
  path: UnitSummary[];
  orgPath: string[];
  /** 一格一长一警一专多兼 */
  staff: GridStaffMember[];
  compounds: Compound[];
  boundary: GridGeometry;
}

@ApiTags('grids 网格')
@ApiBearerAuth()
@Controller('api/v1/grids')
export class GetGridHttpController {
  constructor(private readonly maps: GridMapHolder) {}

  /** A grid with its staff (phones masked), compounds and boundary. Households are a separate, guarded read. */
  @Get(':gridId')
  grid(@Param('gridId') gridId: string): GridView {
    const map = this.maps.current();
    const grid = map.grid(gridId);
    if (!grid) throw gridNotFound(gridId);
    return { id: grid.id, name: grid.name, path: pathOf(map, gridId), orgPath: map.orgPathOf(gridId), staff: grid.staff, compounds: grid.compounds, boundary: grid.boundary };
  }
}
