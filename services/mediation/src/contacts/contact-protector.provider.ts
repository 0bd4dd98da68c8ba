import { Provider } from '@nestjs/common';
import { CONFIG } from '@civicflow/platform';
import { MediationConfig } from '../config';
import { ContactProtector } from './contact-protector';

/** One protector per app, keyed by MEDIATION_CONTACT_KEY. */
export const contactProtectorProvider: Provider = {
  provide: ContactProtector,
  inject: [CONFIG],
  useFactory: (config: MediationConfig) => new ContactProtector(config.MEDIATION_CONTACT_KEY),
};
