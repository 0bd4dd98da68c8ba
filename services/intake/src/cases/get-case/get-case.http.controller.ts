import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { channelSchema } from '@civicflow/contracts';
import { AuthUser, CurrentUser } from '@civicflow/platform';
import { REPORT_MODEL, ReportDoc, sourceKeyOf } from '../../reports/report.schema';
import { CaseDetail, CaseDetailQuery } from './case-detail.query';

class CaseBySourceQuery extends createZodDto(z.object({ channel: channelSchema, sourceRef: z.string().min(1) })) {}

/** Cases with their reports' words, place and photos, for the users whose jurisdiction holds them. */
@ApiTags('cases 案件')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class GetCaseHttpController {
  constructor(private readonly details: CaseDetailQuery, @InjectModel(REPORT_MODEL) private readonly reports: Model<ReportDoc>) {}

  @Get(':caseNumber')
  get(@Param('caseNumber') caseNumber: string, @CurrentUser() user: AuthUser): Promise<CaseDetail> {
    return this.details.forUser(caseNumber, user);
  }

  /** The case a call or report became (or joined, 合并): the operator tells the caller its number this way. */
  @Get()
  async bySource(@Query() query: CaseBySourceQuery, @CurrentUser() user: AuthUser): Promise<CaseDetail & { mergedInto?: string }> {
    const report = await this.reports.findById(sourceKeyOf(query.channel, query.sourceRef)).lean<ReportDoc>();
    if (!report?.caseNumber || !report.handedOverAt) throw new NotFoundException({ message: `${query.channel} ${query.sourceRef} 尚未生成案件 no case yet` });
    const detail = await this.details.forUser(report.caseNumber, user);
    return report.merged ? { ...detail, mergedInto: report.caseNumber } : detail;
  }
}
