import { Provider } from '@nestjs/common';
import { CONFIG } from '@civicflow/platform';
import { HotlineConfig } from '../config';
import { CallerNumberProtector } from './caller-number';

/** One protector per app, keyed by HOTLINE_CALLER_KEY: log-call, lookup-caller and read-caller-number share it. */
export const callerNumberProtectorProvider: Provider = {
  provide: CallerNumberProtector,
  inject: [CONFIG],
  useFactory: (config: HotlineConfig) => new CallerNumberProtector(config.HOTLINE_CALLER_KEY),
};
