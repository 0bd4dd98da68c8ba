import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { channelSchema } from '@civicflow/contracts';
import { assertWithinJurisdiction, AuthUser, CurrentUser } from '@civicflow/platform';
import { CASE_MODEL, CASE_SOURCE_MODEL, CaseDoc, CaseSourceDoc } from '../case.schema';
import { toCaseView } from '../case.view';

class CaseBySourceQuery extends createZodDto(z.object({ channel: channelSchema, sourceRef: z.string().min(1) })) {}

/** Cases as intake registered them; a user sees only cases inside their jurisdiction (dispatchers: the unrouted ones too). */
@ApiTags('cases 案件')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class GetCaseHttpController {
  constructor(
    @InjectModel(CASE_MODEL) private readonly cases: Model<CaseDoc>,
    @InjectModel(CASE_SOURCE_MODEL) private readonly sources: Model<CaseSourceDoc>,
  ) {}

  @Get(':caseNumber')
  async get(@Param('caseNumber') caseNumber: string, @CurrentUser() user: AuthUser) {
    return toCaseView(await this.findVisible(caseNumber, user));
  }

  /** The case a call or report became (or joined, 合并): the operator tells the caller its number this way. */
  @Get()
  async bySource(@Query() query: CaseBySourceQuery, @CurrentUser() user: AuthUser) {
    const source = await this.sources.findById(`${query.channel}:${query.sourceRef}`).lean();
    if (!source) throw new NotFoundException({ message: `${query.channel} ${query.sourceRef} 尚未生成案件 no case yet` });
    return { ...toCaseView(await this.findVisible(source.caseNumber, user)), mergedInto: source.merged ? source.caseNumber : undefined };
  }

  private async findVisible(caseNumber: string, user: AuthUser): Promise<CaseDoc> {
    const found = await this.cases.findById(caseNumber).lean();
    if (!found) throw new NotFoundException({ message: `案件 ${caseNumber} 不存在 case not found` });
    const unrouted = found.orgPath.length === 0;
    // unrouted cases belong to the dispatchers and operators of the whole platform until someone places them
    if (!(unrouted && ['dispatcher', 'operator', 'supervisor', 'admin'].includes(user.role))) {
      assertWithinJurisdiction(user, found.orgPath, found.department ? [`dept-${found.department}`] : []);
    }
    return found;
  }
}
