import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { channelSchema } from '@civicflow/contracts';
import { CASE_MODEL, CaseDoc } from '../case.schema';

class CaseBySourceQuery extends createZodDto(z.object({ channel: channelSchema, sourceRef: z.string().min(1) })) {}

function toView({ _id, sourceKey: _sourceKey, ...rest }: CaseDoc) {
  return { caseNumber: _id, ...rest };
}

@ApiTags('cases 案件')
@Controller('api/v1/cases')
export class GetCaseHttpController {
  constructor(@InjectModel(CASE_MODEL) private readonly cases: Model<CaseDoc>) {}

  @Get(':caseNumber')
  async get(@Param('caseNumber') caseNumber: string) {
    const found = await this.cases.findById(caseNumber).lean();
    if (!found) throw new NotFoundException({ message: `案件 ${caseNumber} 不存在 case not found` });
    return toView(found);
  }

  /** The case a call or report became: the operator tells the caller its number this way. */
  @Get()
  async bySource(@Query() query: CaseBySourceQuery) {
    const found = await this.cases.findOne({ sourceKey: `${query.channel}:${query.sourceRef}` }).lean();
    if (!found) throw new NotFoundException({ message: `${query.channel} ${query.sourceRef} 尚未生成案件 no case yet` });
    return toView(found);
  }
}
