import { Logger, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CONFIG, InfraConfig, loadConfig } from '@civicflow/platform';
import { CASE_MODEL, caseSchema } from '../cases/case.schema';
import { AcceptPhotosUseCase } from '../photos/accept-photos/accept-photos.usecase';
import { GetPhotoHttpController } from '../photos/get-photo/get-photo.http.controller';
import { LocalDiskPhotoStorage } from '../photos/local-disk-photo-storage';
import { PHOTO_STORAGE } from '../photos/photo-storage';
import { PhotoUploadInterceptor } from '../photos/photo-upload.interceptor';
import { PHOTOS_SETTINGS, photosConfigSchema, photosSettings, PhotosSettings } from '../photos/photos.config';
import { AppReportHttpController } from './app-report/app-report.http.controller';
import { CaseRegistrar } from './app-report/report-intake/case-registrar';
import { FIELD_REPORT_MODEL, fieldReportSchema } from './app-report/report-intake/report.schema';
import { SubmitReportUseCase } from './app-report/report-intake/submit-report.usecase';
import { ClientAppRegistry, clientAppsConfigSchema, ReporterPseudonyms } from './open311/client-apps';
import { ClientAppGuard } from './open311/client-app.guard';
import { FindServiceRequestsQuery } from './open311/find-service-requests/find-service-requests.query';
import { OPEN311_REQUEST_MODEL, open311RequestSchema } from './open311/open311-request.schema';
import { Open311HttpController } from './open311/open311.http.controller';
import { open311ConfigSchema, OPEN311_SETTINGS } from './open311/open311.settings';
import { ServiceRequestRegistration } from './open311/submit-service-request/service-request-registration';
import { SubmitServiceRequestUseCase } from './open311/submit-service-request/submit-service-request.usecase';
import { PatrolReportHttpController } from './patrol-report/patrol-report.http.controller';

/** The channels' settings; intake's config schema may take them in with `.extend(channelsConfigSchema.shape)`. */
export const channelsConfigSchema = photosConfigSchema.extend(clientAppsConfigSchema.shape).extend(open311ConfigSchema.shape);
export type ChannelsConfig = ReturnType<typeof channelsConfigSchema.parse>;

const CHANNELS_CONFIG = Symbol('CHANNELS_CONFIG');

/**
 * 受理渠道 — every way a request arrives besides the hotline: residents' app reports (一键报事), grid workers' patrol
 * reports (巡查上报) and Open311 GeoReport v2, with the photos they bring. Each ends in the one registration use case.
 *
 * Settings come from the service's validated config where it carries them, else from the environment, and are
 * validated at start like the rest (a bad INTAKE_API_KEYS stops the service, naming the variable).
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: CASE_MODEL, schema: caseSchema },
      { name: FIELD_REPORT_MODEL, schema: fieldReportSchema },
      { name: OPEN311_REQUEST_MODEL, schema: open311RequestSchema },
    ]),
  ],
  controllers: [AppReportHttpController, PatrolReportHttpController, Open311HttpController, GetPhotoHttpController],
  providers: [
    {
      provide: CHANNELS_CONFIG,
      inject: [CONFIG],
      useFactory: (config: object): ChannelsConfig => loadConfig(channelsConfigSchema, { ...process.env, ...(config as Record<string, string>) }),
    },
    { provide: PHOTOS_SETTINGS, inject: [CHANNELS_CONFIG], useFactory: photosSettings },
    { provide: PHOTO_STORAGE, inject: [PHOTOS_SETTINGS], useFactory: (settings: PhotosSettings) => new LocalDiskPhotoStorage(settings.folder) },
    {
      provide: ClientAppRegistry,
      inject: [CHANNELS_CONFIG, CONFIG],
      useFactory: (channels: ChannelsConfig, config: InfraConfig) => {
        const apps = ClientAppRegistry.fromConfig(channels.INTAKE_API_KEYS, config.CIVICFLOW_INFRA);
        if (apps.size === 0) new Logger('ChannelsModule').warn('INTAKE_API_KEYS 未配置:Open311 与 app 上报均不可用 no client app keys: Open311 and app reports refuse every call');
        return apps;
      },
    },
    { provide: ReporterPseudonyms, inject: [CHANNELS_CONFIG], useFactory: (c: ChannelsConfig) => new ReporterPseudonyms(c.INTAKE_REPORTER_KEY) },
    { provide: OPEN311_SETTINGS, inject: [CHANNELS_CONFIG], useFactory: (c: ChannelsConfig) => ({ waitMs: c.INTAKE_OPEN311_WAIT_MS }) },
    CaseRegistrar,
    AcceptPhotosUseCase,
    PhotoUploadInterceptor,
    ClientAppGuard,
    SubmitReportUseCase,
    ServiceRequestRegistration,
    SubmitServiceRequestUseCase,
    FindServiceRequestsQuery,
  ],
})
export class ChannelsModule {}
