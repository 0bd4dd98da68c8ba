import { Provider } from '@nestjs/common';
import { CONFIG, PiiProtector } from '@civicflow/platform';
import { HotlineConfig } from '../config';

/**
 * Caller numbers are personal data: stored encrypted, looked up by a keyed hash and shown masked (138****1234)
 * by the platform's PiiProtector. Only operators may read the full number, and every read is recorded first
 * (read-caller-number). The lookup hash covers the number alone, without its kind: that is how every stored
 * callerHash was made, and lookups must keep finding them.
 */
export function callerNumberProtector(key: string): PiiProtector {
  return new PiiProtector(key, { hashInput: 'value' });
}

/** One protector per app, keyed by HOTLINE_CALLER_KEY: log-call, lookup-caller and read-caller-number share it. */
export const callerNumberProtectorProvider: Provider = {
  provide: PiiProtector,
  inject: [CONFIG],
  useFactory: (config: HotlineConfig) => callerNumberProtector(config.HOTLINE_CALLER_KEY),
};
