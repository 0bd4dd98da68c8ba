import { Controller, Get } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { PATROL_REPORTS_BY_USER_MODEL, PatrolReportsByUserDoc } from '../patrol-reports-by-user.schema';

/** 我的巡查上报: the signed-in grid worker's own patrol reports and the cases they became or joined. */
@ApiTags('reports 上报')
@ApiBearerAuth()
@Controller('api/v1/reports/patrol')
export class ListMyPatrolReportsHttpController {
  constructor(@InjectModel(PATROL_REPORTS_BY_USER_MODEL) private readonly byUser: Model<PatrolReportsByUserDoc>) {}

  @Get('mine')
  @Roles('grid-worker')
  @ApiOperation({ summary: 'My patrol reports, newest first (the latest 200): { reports: [{ reportId, caseNumber, merged, content, categoryCode?, address?, location?, photos, receivedAt }] }' })
  async mine(@CurrentUser() gridWorker: AuthUser) {
    const found = await this.byUser.findById(gridWorker.userId).lean<PatrolReportsByUserDoc>();
    return { reports: [...(found?.reports ?? [])].reverse() };
  }
}
