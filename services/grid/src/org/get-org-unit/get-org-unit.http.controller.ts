import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { childrenOf } from '@civicflow/domain';
import { GridMapHolder } from '../../routing/grid-map.holder';
import { pathOf, unitNotFound, type UnitSummary, unitSummary } from '../org-views';
import { SetOfficeHoursUseCase, type UnitOfficeHours } from '../set-office-hours/set-office-hours.usecase';

export interface OrgUnitView extends UnitSummary {
  parentId: string | null;
  /** City first, this unit last. */
  path: UnitSummary[];
  children: UnitSummary[];
  /** 办公时间: its own (if any) and those in force for it, with whose they are */
  officeHours: Pick<UnitOfficeHours, 'own' | 'effective' | 'from' | 'version'>;
}

@ApiTags('org 组织架构')
@ApiBearerAuth()
@Controller('api/v1/org/units')
export class GetOrgUnitHttpController {
  constructor(
    private readonly maps: GridMapHolder,
    private readonly officeHours: SetOfficeHoursUseCase,
  ) {}

  /** One unit with the path above it, the units directly below it and its office hours. */
  @Get(':unitId')
  async unit(@Param('unitId') unitId: string): Promise<OrgUnitView> {
    const map = this.maps.current();
    const unit = map.unit(unitId);
    if (!unit) throw unitNotFound(unitId);
    const { own, effective, from, version } = await this.officeHours.get(unitId);
    return { ...unitSummary(unit), parentId: unit.parentId, path: pathOf(map, unitId), children: childrenOf(map.tree, unitId).map(unitSummary), officeHours: { own, effective, from, version } };
  }
}
