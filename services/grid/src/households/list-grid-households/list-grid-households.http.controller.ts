import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { assertWithinJurisdiction, AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import type { Household } from '../../dataset/grid-dataset';
import { GridDatasetStore } from '../../dataset/grid-dataset.store';
import { householdCardSchema } from '../../dataset/household-card';
import { gridNotFound } from '../../org/org-views';
import { GridMapHolder } from '../../routing/grid-map.holder';

class HouseholdsQuery extends createZodDto(z.object({ card: householdCardSchema.optional() })) {}

export interface GridHouseholds {
  gridId: string;
  households: Household[];
}

@ApiTags('grids 网格')
@ApiBearerAuth()
@Controller('api/v1/grids')
export class ListGridHouseholdsHttpController {
  constructor(private readonly maps: GridMapHolder, private readonly store: GridDatasetStore) {}

  /**
   * 网格户籍: the grid's households with their colour cards (五色户卡), optionally of one colour. Personal data:
   * only the people who work the grid or oversee it, and only inside their own jurisdiction.
   */
  @Get(':gridId/households')
  @Roles('grid-worker', 'community-handler', 'street-coordinator', 'supervisor', 'admin')
  async households(@Param('gridId') gridId: string, @Query() query: HouseholdsQuery, @CurrentUser() user: AuthUser): Promise<GridHouseholds> {
    const map = this.maps.current();
    if (!map.grid(gridId)) throw gridNotFound(gridId);
    assertWithinJurisdiction(user, map.orgPathOf(gridId));
    const households = await this.store.householdsOfGrid(gridId);
    return { gridId, households: query.card ? households.filter((household) => household.card === query.card) : households };
  }
}
