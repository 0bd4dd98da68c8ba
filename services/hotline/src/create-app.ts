import { createHttpApp, createLogger } from '@civicflow/platform';
import { HotlineConfig } from './config';
import { HotlineModule } from './app.module';

export function createHotlineApp(config: HotlineConfig) {
  return createHttpApp(HotlineModule.register(config), {
    service: 'hotline',
    title: 'CivicFlow 12345 热线 hotline API',
    logger: createLogger('hotline', config.LOG_LEVEL),
  });
}
