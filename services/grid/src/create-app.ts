import { connectEventServer, createHttpApp, createLogger } from '@civicflow/platform';
import { GridConfig } from './config';
import { GridModule } from './app.module';

export async function createGridApp(config: GridConfig) {
  const app = await createHttpApp(GridModule.register(config), {
    service: 'grid',
    title: 'CivicFlow 网格 grid API',
    logger: createLogger('grid', config.LOG_LEVEL),
  });
  connectEventServer(app, { groupId: config.GRID_CONSUMER_GROUP, fromBeginning: config.KAFKA_FROM_BEGINNING });
  return app;
}
