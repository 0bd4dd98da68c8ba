import { Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { Roles } from '@civicflow/platform';
import { RegisterReportUseCase } from '../register-report/register-report.usecase';
import { REPORT_MODEL, ReportDoc } from '../report.schema';
import { UnregisteredReports } from './unregistered-reports';

/** A page: the oldest failures (the total says how many wait). */
const LIMIT = 500;

/**
 * 未成案上报: reports intake stored but could not make a case of, each with the reason and the number of failed
 * attempts, oldest failure first — so nothing reported is lost from sight. A dispatcher (or admin) retries one once
 * the cause is fixed; a report the Kafka consumer gave up on also waits on the dead-letter topic for a replay.
 */
@ApiTags('reports 上报')
@ApiBearerAuth()
@Controller('api/v1/reports/unregistered')
export class UnregisteredReportsHttpController {
  constructor(
    private readonly queue: UnregisteredReports,
    private readonly registration: RegisterReportUseCase,
    @InjectModel(REPORT_MODEL) private readonly reports: Model<ReportDoc>,
  ) {}

  @Get()
  @Roles('dispatcher', 'supervisor', 'admin')
  async list() {
    const { total, entries } = await this.queue.list(LIMIT);
    return { total, reports: entries.map(({ _id, ...entry }) => ({ sourceKey: _id, ...entry })) };
  }

  /** Tries the registration again from the stored report; answers the case it became (or joined). */
  @Post(':sourceKey/retry')
  @HttpCode(200)
  @Roles('dispatcher', 'admin')
  async retry(@Param('sourceKey') sourceKey: string) {
    const report = await this.reports.findById(sourceKey).lean<ReportDoc>();
    if (!report) throw new NotFoundException({ message: `上报 ${sourceKey} 未保存,请从原渠道重新提交 report ${sourceKey} is not stored; send it again from its channel` });
    const registered = await this.registration.complete(report);
    return { sourceKey, caseNumber: registered.caseNumber, merged: registered.merged };
  }
}
