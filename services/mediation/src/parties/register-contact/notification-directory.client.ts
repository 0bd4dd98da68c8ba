import { Provider } from '@nestjs/common';
import { CITIZEN_DIRECTORY, CitizenDirectory, CitizenDirectoryClient, CONFIG, serviceClientId, ServiceTokenSource } from '@civicflow/platform';
import { MediationConfig } from '../../config';

/** Who the mediation service is when it calls another service (its service identity), and in the contact-read audit. */
export const SERVICE_ACCOUNT = { userId: serviceClientId('mediation'), name: '矛盾调解服务 mediation service' } as const;

/** Parties' phones go to the notification service's citizen directory, as `svc-mediation` (libs/platform's client). */
export const citizenDirectoryProvider: Provider = {
  provide: CITIZEN_DIRECTORY,
  inject: [CONFIG],
  useFactory: (config: MediationConfig): CitizenDirectory =>
    new CitizenDirectoryClient({
      notificationUrl: config.NOTIFICATION_URL,
      tokens: new ServiceTokenSource({ tokenUrl: config.SERVICE_TOKEN_URL, clientId: SERVICE_ACCOUNT.userId, clientSecret: config.MEDIATION_CLIENT_SECRET }),
    }),
};
