import { createHttpApp } from '@civicflow/platform';
import { IntakeConfig } from './config';
import { IntakeModule } from './app.module';
import { storedCasesMigration } from './reports/migrate-stored-cases/migrate-stored-cases';
import { open311RequestsMigration } from './channels/open311/listing/migrate-open311-requests';
import { open311ErrorMiddleware } from './channels/open311/open311-error.filter';
import { waitingListsMigration } from './shared/waiting-lists.migration';

/** The HTTP API plus the Kafka consumer of every intake channel. */
export async function createIntakeApp(config: IntakeConfig) {
  const app = await createHttpApp(IntakeModule.register(config), {
    service: 'intake',
    title: 'CivicFlow 受理 intake API',
    logLevel: config.LOG_LEVEL,
    events: { groupId: config.INTAKE_CONSUMER_GROUP, fromBeginning: config.KAFKA_FROM_BEGINNING },
    migrations: [storedCasesMigration, open311RequestsMigration, waitingListsMigration],
  });
  // GeoReport clients get what fails before routing (415, 413, a malformed body) in their format too
  app.use('/open311', open311ErrorMiddleware());
  return app;
}
