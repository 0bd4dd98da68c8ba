import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { CaseDetailQuery } from '../get-case/case-detail.query';
import { OpenCases } from '../dedup/open-cases';

const MAX_SHOWN = 5;

class OpenNearbyQuery extends createZodDto(
  z
    .object({
      categoryCode: z.string().regex(/^\d{4}$/, says('须为小类代码，如 0208', 'must be a minor category code such as 0208')),
      lng: z.coerce.number().min(-180).max(180).optional(),
      lat: z.coerce.number().min(-90).max(90).optional(),
      address: z.string().trim().min(1).max(500).optional(),
    })
    .refine((q) => (q.lng === undefined) === (q.lat === undefined), { message: says('lng 与 lat 须同时提供', 'lng and lat go together'), path: ['lat'] })
    .refine((q) => q.lng !== undefined || q.address !== undefined, { message: says('须提供坐标（lng、lat）或地址', 'a point (lng, lat) or an address is required'), path: ['address'] }),
) {}

/**
 * 重复诉求提示: before an operator logs a call, the open cases of its category at its place (the point's radius or
 * the same address) — read from the open-case index by `_id` like intake's own dedup — so the operator can join the
 * call to one (合并) instead of opening a second case.
 */
@ApiTags('cases 案件')
@ApiBearerAuth()
@Controller('api/v1/open-cases')
export class OpenCasesNearbyHttpController {
  constructor(private readonly openCases: OpenCases, private readonly details: CaseDetailQuery) {}

  @Get('nearby')
  @Roles('operator', 'dispatcher', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Open cases of a category at a point (within the dedup radius) or an address: { cases: [{ caseNumber, matchedBy, distanceMeters?, since, content, address?, stage }] }, nearest first, at most 5' })
  async nearby(@Query() query: OpenNearbyQuery, @CurrentUser() user: AuthUser) {
    const near = await this.openCases.near(query.categoryCode, {
      ...(query.lng !== undefined && query.lat !== undefined ? { location: { lng: query.lng, lat: query.lat } } : {}),
      ...(query.address ? { address: query.address } : {}),
    });
    const cases = await Promise.all(near.slice(0, MAX_SHOWN).map(async (c) => {
      const detail = await this.details.forUser(c.caseNumber, user).catch(() => undefined);
      return detail ? { ...c, content: detail.content, ...(detail.address ? { address: detail.address } : {}), stage: detail.stage, categoryCode: detail.categoryCode } : undefined;
    }));
    return { cases: cases.filter((c) => c !== undefined) };
  }
}
