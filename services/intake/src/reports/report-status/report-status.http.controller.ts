import { Controller, Get, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { channelSchema } from '@civicflow/contracts';
import { Roles } from '@civicflow/platform';
import { REPORT_MODEL, ReportDoc, sourceKeyOf } from '../report.schema';

class ReportStatusQuery extends createZodDto(z.object({ channel: channelSchema, sourceRef: z.string().min(1).max(200) })) {}

/**
 * 受理进度: where a call or report stands in registration — still waiting (not arrived, or being registered), a case
 * of its own, joined to an open case, or held with a reason — always 200, so a page waiting for a case number polls
 * without a trail of 404s. One read by `_id`.
 */
@ApiTags('reports 受理')
@ApiBearerAuth()
@Controller('api/v1/reports')
export class ReportStatusHttpController {
  constructor(@InjectModel(REPORT_MODEL) private readonly reports: Model<ReportDoc>) {}

  @Get('status')
  @Roles('operator', 'dispatcher', 'supervisor', 'admin')
  @ApiOperation({ summary: '{ state: waiting | registered | merged | unregistered, caseNumber?, reason? } of a call or report by its channel and source ref' })
  async status(@Query() query: ReportStatusQuery) {
    const report = await this.reports.findById(sourceKeyOf(query.channel, query.sourceRef)).lean<ReportDoc>();
    if (report?.caseNumber && report.handedOverAt) return { state: report.merged ? 'merged' : 'registered', caseNumber: report.caseNumber };
    if (report?.failure) return { state: 'unregistered', reason: report.failure.reason };
    return { state: 'waiting' };
  }
}
