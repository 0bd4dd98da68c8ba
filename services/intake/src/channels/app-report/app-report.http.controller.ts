import { Body, Controller, HttpCode, Post, UploadedFiles, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiConsumes, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Public } from '@civicflow/platform';
import { UploadedPhoto } from '../../photos/accept-photos/accept-photos.usecase';
import { PhotoUploadInterceptor } from '../../photos/photo-upload.interceptor';
import { ClientApp, ReporterPseudonyms } from '../open311/client-apps';
import { ClientAppGuard, CurrentClientApp, ForClientApps } from '../open311/client-app.guard';
import { AppReportDto } from './app-report.dto';
import { SubmitReportUseCase, SubmittedReport } from './report-intake/submit-report.usecase';

/**
 * 一键报事 from residents' apps. Residents are not CivicFlow users, and a resident token would be a role with no
 * staff behind it; so the resident's app signs them in (WeChat, SMS code) and calls with its own API key
 * (`X-Api-Key`, scope `app`, see INTAKE_API_KEYS), naming the resident by the app's id for them. The key says which
 * app vouches for the report and can be revoked alone; no staff identity is borrowed, and nothing is open to anyone.
 */
@ApiTags('reports 上报')
@ApiHeader({ name: 'X-Api-Key', required: true, description: 'the resident app’s API key (scope app)' })
@Controller('api/v1/reports/app')
export class AppReportHttpController {
  constructor(
    private readonly submitReport: SubmitReportUseCase,
    private readonly pseudonyms: ReporterPseudonyms,
  ) {}

  @Post()
  @HttpCode(201)
  @Public()
  @ForClientApps('app')
  @UseGuards(ClientAppGuard)
  @UseInterceptors(PhotoUploadInterceptor)
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiCreatedResponse({ description: 'the report became a case (or joined one: merged true)' })
  submit(@Body() report: AppReportDto, @UploadedFiles() photos: UploadedPhoto[] | undefined, @CurrentClientApp() app: ClientApp): Promise<SubmittedReport> {
    return this.submitReport.execute({
      channel: 'app',
      fields: report,
      photos,
      sender: app.name,
      submittedBy: { app: app.name },
      reporterRef: this.pseudonyms.of(app, report.reporterId),
    });
  }
}
