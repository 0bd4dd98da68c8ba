import { BadRequestException, Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { chinaDayOf, dateKeyOfChinaDay } from '@civicflow/domain';
import { AuthUser, CurrentUser, OrgUnitNames, Roles, unitNameFrom } from '@civicflow/platform';
import { monthPeriod, previousPeriodOf } from '../period';
import { STATISTICS_CONFIG, StatisticsConfig } from '../statistics.config';
import { REPORT_GENERATORS, REPORT_READERS } from '../statistics-roles';
import { GenerateMonthlyReport } from './generate-monthly-report';
import { monthlyReportPdf } from './monthly-report.pdf';
import { MonthlyReportStore } from './monthly-report.store';
import { monthlyReportXlsx } from './monthly-report.xlsx';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class GenerateMonthlyReportBody extends createZodDto(
  z.object({ month: z.string().regex(MONTH, says('须为 YYYY-MM 格式的月份', 'must be a month YYYY-MM')).optional().describe('the month to report; default: the month before this one (China time)') }),
) {}

export class MonthlyReportFormatQuery extends createZodDto(z.object({ format: z.enum(['pdf', 'xlsx', 'json']).default('pdf') })) {}

type Download = { setHeader(name: string, value: string): void };

/** The month before the one `now` is in (China time), YYYY-MM. */
export function previousMonth(now: Date): string {
  const thisMonth = monthPeriod(dateKeyOfChinaDay(chinaDayOf(now)).slice(0, 7))!;
  return dateKeyOfChinaDay(chinaDayOf(previousPeriodOf(thisMonth).from)).slice(0, 7);
}

/**
 * 月度考核报告: generated once per month (by the scheduled report workflow on the first working day of the next
 * month, or by a supervisor), stored as generated, downloaded as PDF or Excel. Only whole months that have ended.
 */
@ApiTags('statistics 统计分析')
@ApiBearerAuth()
@Controller('api/v1/statistics/reports/monthly')
export class MonthlyReportHttpController {
  constructor(
    private readonly generator: GenerateMonthlyReport,
    private readonly store: MonthlyReportStore,
    private readonly units: OrgUnitNames,
    @Inject(STATISTICS_CONFIG) private readonly config: StatisticsConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles(...REPORT_GENERATORS)
  @ApiOperation({ summary: '生成月度考核报告: every street’s and department’s figures, ranking and 红黑榜 of a month that has ended, under its policy; the first report generated for a month stands' })
  async generate(@Body() body: GenerateMonthlyReportBody, @CurrentUser() user: AuthUser) {
    const now = new Date();
    const month = body.month ?? previousMonth(now);
    const period = monthPeriod(month)!;
    if (period.to.getTime() > now.getTime()) {
      throw new BadRequestException({ message: `月份未结束 the month has not ended: ${month}`, errors: [{ field: 'month', code: 'month_not_ended', reason: says('须为已结束的月份', 'must be a month that has ended') }] });
    }
    const city = user.unitId === this.config.CASEWORK_CITY_UNIT_ID ? null : user.unitId;
    if (city !== null) throw new BadRequestException({ message: '月度考核报告覆盖全市，须由市级用户生成 (the monthly report covers the whole city)', errors: [{ field: 'month', code: 'city_users_only', reason: says('仅市级用户可生成月度考核报告', 'only city-wide users generate the report') }] });
    const { announced: _announced, ...generated } = await this.generator.execute(month, user.userId);
    return generated;
  }

  @Get()
  @Roles(...REPORT_READERS)
  @ApiOperation({ summary: '已生成的月度考核报告: months, newest first' })
  async list() {
    return { reports: await this.store.months() };
  }

  @Get(':month')
  @Roles(...REPORT_READERS)
  @ApiOperation({ summary: '下载月度考核报告: PDF (default), Excel (xlsx) or the stored figures (json)' })
  async download(@Param('month') month: string, @Query() query: MonthlyReportFormatQuery, @Res({ passthrough: true }) response: Download) {
    if (!MONTH.test(month)) throw new BadRequestException({ message: `月份无效 invalid month: ${month}`, errors: [{ field: 'month', code: 'invalid_format', reason: says('须为 YYYY-MM 格式的月份', 'must be a month YYYY-MM') }] });
    const report = await this.store.find(month);
    if (!report) throw new NotFoundException({ message: `${month} 的考核报告尚未生成 (no report for ${month} yet)`, reason: 'REPORT_NOT_GENERATED' });
    if (query.format === 'json') return report;
    const names = this.units.all();
    const cityName = names.get(this.config.CASEWORK_CITY_UNIT_ID) ?? this.config.CASEWORK_CITY_UNIT_ID;
    // a report generated before the org tree loaded stored ids: today's names stand in
    const stored = (key: string) => [...report.streets, ...report.departments].find((u) => u.key === key && u.name !== key)?.name;
    const unitName = (key: string) => stored(key) ?? unitNameFrom(names, key)?.zh ?? key;
    const file = query.format === 'pdf'
      ? await monthlyReportPdf(report, cityName, unitName, { path: this.config.CASEWORK_REPORT_FONT, family: this.config.CASEWORK_REPORT_FONT_FAMILY })
      : await monthlyReportXlsx(report, cityName, unitName);
    const name = `考核报告-${month}.${query.format}`;
    response.setHeader('content-type', query.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    response.setHeader('content-disposition', `attachment; filename="monthly-report-${month}.${query.format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    return new StreamableFile(file);
  }
}
