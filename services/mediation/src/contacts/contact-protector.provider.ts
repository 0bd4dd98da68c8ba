import { Provider } from '@nestjs/common';
import { CONFIG, PiiProtector } from '@civicflow/platform';
import { MediationConfig } from '../config';

/**
 * Parties' and mediators' contacts (phone, 居民身份证号) are protected by the platform's PiiProtector: stored
 * encrypted, hashed and masked; the full value only through read-party-contact, recorded first. The hash covers
 * the kind too (`phone:…`), so a phone never matches an ID number in the conflict check (调解员回避); every
 * stored hash was made that way.
 */
export function contactProtector(key: string): PiiProtector {
  return new PiiProtector(key, { hashInput: 'kind:value' });
}

/** One protector per app, keyed by MEDIATION_CONTACT_KEY. */
export const contactProtectorProvider: Provider = {
  provide: PiiProtector,
  inject: [CONFIG],
  useFactory: (config: MediationConfig) => contactProtector(config.MEDIATION_CONTACT_KEY),
};
