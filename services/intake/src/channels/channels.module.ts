import { Logger, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CONFIG, InfraConfig } from '@civicflow/platform';
import { CasesModule } from '../cases/cases.module';
import { PHOTOS_SETTINGS, photosSettings, PhotosSettings } from '../photos/photos.config';
import { ChannelsConfig } from './channels.config';
import { AcceptPhotosUseCase } from '../photos/accept-photos/accept-photos.usecase';
import { GetPhotoHttpController } from '../photos/get-photo/get-photo.http.controller';
import { LocalDiskPhotoStorage } from '../photos/local-disk-photo-storage';
import { PHOTO_STORAGE } from '../photos/photo-storage';
import { PhotoUploadInterceptor } from '../photos/photo-upload.interceptor';
import { AppReportHttpController } from './app-report/app-report.http.controller';
import { FIELD_REPORT_MODEL, fieldReportSchema } from './app-report/report-intake/report.schema';
import { SubmitReportUseCase } from './app-report/report-intake/submit-report.usecase';
import { ClientAppRegistry, ReporterPseudonyms } from './open311/client-apps';
import { ClientAppGuard } from './open311/client-app.guard';
import { FindServiceRequestsQuery } from './open311/find-service-requests/find-service-requests.query';
import { OPEN311_REQUEST_MODEL, open311RequestSchema } from './open311/open311-request.schema';
import { Open311HttpController } from './open311/open311.http.controller';
import { OPEN311_SETTINGS } from './open311/open311.settings';
import { ServiceRequestRegistration } from './open311/submit-service-request/service-request-registration';
import { SubmitServiceRequestUseCase } from './open311/submit-service-request/submit-service-request.usecase';
import { PatrolReportHttpController } from './patrol-report/patrol-report.http.controller';
import { RequestDays } from './open311/listing/request-days';
import { OPEN311_REQUEST_DAY_MODEL, open311RequestDaySchema } from './open311/listing/request-days.schema';
import { FetchMedia } from './open311/media/fetch-media';
import { Open311Requests } from './open311/open311-requests';
import { OPEN311_CASE_MODEL, open311CaseSchema, OPEN311_UPDATE_DAY_MODEL, open311UpdateDaySchema } from './open311/updates/open311-update.schema';
import { RequestUpdates } from './open311/updates/request-updates';
import { ClientWebhooks } from './open311/webhooks/client-webhooks';
import { WebhookDeliveries } from './open311/webhooks/webhook-deliveries';
import {
  DEAD_LETTERS_MODEL, deadLettersSchema, PENDING_DELIVERIES_MODEL, pendingDeliveriesSchema, WEBHOOK_DELIVERY_MODEL, webhookDeliverySchema, WEBHOOKS_MODEL, webhooksSchema,
} from './open311/webhooks/webhook.schema';
import { Open311Settings } from './open311/open311.settings';
import { AttachHandlingPhotosHttpController } from '../photos/attach-handling-photos/attach-handling-photos.http.controller';
import { CASE_ATTACHMENTS_MODEL, caseAttachmentsSchema } from '../photos/attach-handling-photos/case-attachments.schema';
import { ListMyPatrolReportsHttpController } from './patrol-report/list-my-patrol-reports/list-my-patrol-reports.http.controller';
import { PATROL_REPORTS_BY_USER_MODEL, patrolReportsByUserSchema } from './patrol-report/patrol-reports-by-user.schema';


function open311Settings(c: ChannelsConfig & InfraConfig): Open311Settings {
  return {
    waitMs: c.INTAKE_OPEN311_WAIT_MS,
    mediaHosts: c.INTAKE_OPEN311_MEDIA_HOSTS.split(',').map((h) => h.trim()).filter(Boolean),
    mediaTimeoutMs: c.INTAKE_OPEN311_MEDIA_TIMEOUT_MS,
    mediaMaxBytes: c.INTAKE_PHOTO_MAX_BYTES,
    webhookRetryMs: c.INTAKE_WEBHOOK_RETRY_MS,
    webhookTimeoutMs: c.INTAKE_WEBHOOK_TIMEOUT_MS,
    webhookPrivateTargets: c.INTAKE_WEBHOOK_PRIVATE_TARGETS ? c.INTAKE_WEBHOOK_PRIVATE_TARGETS === 'true' : c.CIVICFLOW_INFRA !== 'external',
  };
}

/**
 * 受理渠道 — every way a request arrives besides the hotline: residents' app reports (一键报事), grid workers' patrol
 * reports (巡查上报) and Open311 GeoReport v2, with the photos they bring. Each ends in the one registration use case.
 */
@Module({
  imports: [
    CasesModule,
    MongooseModule.forFeature([
      { name: FIELD_REPORT_MODEL, schema: fieldReportSchema },
      { name: OPEN311_REQUEST_MODEL, schema: open311RequestSchema },
      { name: OPEN311_REQUEST_DAY_MODEL, schema: open311RequestDaySchema },
      { name: OPEN311_CASE_MODEL, schema: open311CaseSchema },
      { name: OPEN311_UPDATE_DAY_MODEL, schema: open311UpdateDaySchema },
      { name: WEBHOOKS_MODEL, schema: webhooksSchema },
      { name: WEBHOOK_DELIVERY_MODEL, schema: webhookDeliverySchema },
      { name: DEAD_LETTERS_MODEL, schema: deadLettersSchema },
      { name: PENDING_DELIVERIES_MODEL, schema: pendingDeliveriesSchema },
      { name: PATROL_REPORTS_BY_USER_MODEL, schema: patrolReportsByUserSchema },
      { name: CASE_ATTACHMENTS_MODEL, schema: caseAttachmentsSchema },
    ]),
  ],
  controllers: [AttachHandlingPhotosHttpController, AppReportHttpController, ListMyPatrolReportsHttpController, PatrolReportHttpController, Open311HttpController, GetPhotoHttpController],
  providers: [
    { provide: PHOTOS_SETTINGS, inject: [CONFIG], useFactory: photosSettings },
    { provide: PHOTO_STORAGE, inject: [PHOTOS_SETTINGS], useFactory: (settings: PhotosSettings) => new LocalDiskPhotoStorage(settings.folder) },
    {
      provide: ClientAppRegistry,
      inject: [CONFIG],
      useFactory: (config: ChannelsConfig & InfraConfig) => {
        const apps = ClientAppRegistry.fromConfig(config.INTAKE_API_KEYS, config.CIVICFLOW_INFRA);
        if (apps.size === 0) new Logger('ChannelsModule').warn('INTAKE_API_KEYS 未配置:Open311 与 app 上报均不可用 no client app keys: Open311 and app reports refuse every call');
        return apps;
      },
    },
    { provide: ReporterPseudonyms, inject: [CONFIG], useFactory: (c: ChannelsConfig) => new ReporterPseudonyms(c.INTAKE_REPORTER_KEY) },
    { provide: OPEN311_SETTINGS, inject: [CONFIG], useFactory: open311Settings },
    AcceptPhotosUseCase,
    PhotoUploadInterceptor,
    ClientAppGuard,
    SubmitReportUseCase,
    ServiceRequestRegistration,
    SubmitServiceRequestUseCase,
    FindServiceRequestsQuery,
    Open311Requests,
    RequestDays,
    FetchMedia,
    RequestUpdates,
    WebhookDeliveries,
    ClientWebhooks,
  ],
})
export class ChannelsModule {}
