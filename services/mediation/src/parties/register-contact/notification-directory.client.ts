import { Provider } from '@nestjs/common';
import { CITIZEN_DIRECTORY, CitizenDirectory, CitizenDirectoryClient, CONFIG } from '@civicflow/platform';
import { MediationConfig } from '../../config';

/** The service account the mediation service calls the notification service as (see MEDIATION_NOTIFICATION_TOKEN). */
export const SERVICE_ACCOUNT = { userId: 'svc-mediation', name: '矛盾调解服务 mediation service' } as const;

/** Parties' phones go to the notification service's citizen directory, as `svc-mediation` (libs/platform's client). */
export const citizenDirectoryProvider: Provider = {
  provide: CITIZEN_DIRECTORY,
  inject: [CONFIG],
  useFactory: (config: MediationConfig): CitizenDirectory =>
    new CitizenDirectoryClient({
      notificationUrl: config.NOTIFICATION_URL,
      serviceAccount: { ...SERVICE_ACCOUNT, unitId: config.MEDIATION_CITY_UNIT_ID },
      jwtSecret: config.JWT_SECRET,
      token: config.MEDIATION_NOTIFICATION_TOKEN,
    }),
};
