import { createHttpApp } from '@civicflow/platform';
import { GridConfig } from './config';
import { GridModule } from './app.module';

export function createGridApp(config: GridConfig) {
  return createHttpApp(GridModule.register(config), {
    service: 'grid',
    title: 'CivicFlow 网格 grid API',
    logLevel: config.LOG_LEVEL,
    events: { groupId: config.GRID_CONSUMER_GROUP, fromBeginning: config.KAFKA_FROM_BEGINNING },
  });
}
