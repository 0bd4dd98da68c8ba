import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { childrenOf } from '@civicflow/domain';
import { GridMapHolder } from '../../routing/grid-map.holder';
import { pathOf, unitNotFound, type UnitSummary, unitSummary } from '../org-views';

export interface OrgUnitView extends UnitSummary {
  parentId: string | null;
  /** City first, this unit last. */
  path: UnitSummary[];
  children: UnitSummary[];
}

@ApiTags('org 组织架构')
@ApiBearerAuth()
@Controller('api/v1/org/units')
export class GetOrgUnitHttpController {
  constructor(private readonly maps: GridMapHolder) {}

  /** One unit with the path above it and the units directly below it. */
  @Get(':unitId')
  unit(@Param('unitId') unitId: string): OrgUnitView {
    const map = this.maps.current();
    const unit = map.unit(unitId);
    if (!unit) throw unitNotFound(unitId);
    return { ...unitSummary(unit), parentId: unit.parentId, path: pathOf(map, unitId), children: childrenOf(map.tree, unitId).map(unitSummary) };
  }
}
