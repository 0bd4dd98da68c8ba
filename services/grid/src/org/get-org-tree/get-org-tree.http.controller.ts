import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { childrenOf, type OrgUnit } from '@civicflow/domain';
import { ServiceScope } from '@civicflow/platform';
import { GridMapHolder } from '../../routing/grid-map.holder';
import type { GridMap } from '@civicflow/grid-routing';
import { unitNotFound, type UnitSummary, unitSummary } from '../org-views';

class OrgTreeQuery extends createZodDto(
  z.object({
    /** Subtree root; the city when absent. */
    rootId: z.string().min(1).optional(),
    /** Levels below the root to include; all when absent (the city's grids are depth 4). */
    depth: z.coerce.number().int().min(0).max(10).optional(),
  }),
) {}

export interface OrgTreeNode extends UnitSummary {
  children: OrgTreeNode[];
}

@ApiTags('org 组织架构')
@ApiBearerAuth()
@Controller('api/v1/org/tree')
export class GetOrgTreeHttpController {
  constructor(private readonly maps: GridMapHolder) {}

  /** 组织架构树: city → districts (and departments) → streets → communities → grids. Not personal data: any signed-in role. */
  @Get()
  // notification's service identity too (it names units in messages)
  @ServiceScope('grid.org.read')
  tree(@Query() query: OrgTreeQuery): OrgTreeNode {
    const map = this.maps.current();
    const root = query.rootId ? map.unit(query.rootId) : [...map.tree.units.values()].find((unit) => unit.parentId === null);
    if (!root) throw unitNotFound(query.rootId ?? '(city)');
    return nodeOf(map, root, query.depth ?? Infinity);
  }
}

function nodeOf(map: GridMap, unit: OrgUnit, depth: number): OrgTreeNode {
  return { ...unitSummary(unit), children: depth > 0 ? childrenOf(map.tree, unit.id).map((child) => nodeOf(map, child, depth - 1)) : [] };
}
