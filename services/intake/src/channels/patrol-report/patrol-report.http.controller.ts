import { Body, Controller, HttpCode, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@civicflow/platform';
import { UploadedPhoto } from '../../photos/accept-photos/accept-photos.usecase';
import { PhotoUploadInterceptor } from '../../photos/photo-upload.interceptor';
import { SubmitReportUseCase, SubmittedReport } from '../app-report/report-intake/submit-report.usecase';
import { PatrolReportDto } from './patrol-report.dto';

/** 巡查上报: grid workers report what they find; their grid (unitId) is the reporter. */
@ApiTags('reports 上报')
@ApiBearerAuth()
@Controller('api/v1/reports/patrol')
export class PatrolReportHttpController {
  constructor(private readonly submitReport: SubmitReportUseCase) {}

  @Post()
  @HttpCode(201)
  @Roles('grid-worker')
  @UseInterceptors(PhotoUploadInterceptor)
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiCreatedResponse({ description: 'the report became a case (or joined one: merged true)' })
  submit(@Body() report: PatrolReportDto, @UploadedFiles() photos: UploadedPhoto[] | undefined, @CurrentUser() gridWorker: AuthUser): Promise<SubmittedReport> {
    return this.submitReport.execute({
      channel: 'patrol',
      fields: report,
      photos,
      sender: gridWorker.userId,
      submittedBy: { userId: gridWorker.userId, unitId: gridWorker.unitId },
      reporterRef: `grid:${gridWorker.unitId}`,
      urgency: report.urgency,
    });
  }
}
