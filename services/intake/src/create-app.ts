import { createHttpApp } from '@civicflow/platform';
import { IntakeConfig } from './config';
import { IntakeModule } from './app.module';
import { storedCasesMigration } from './reports/migrate-stored-cases/migrate-stored-cases';
import { open311RequestsMigration } from './channels/open311/listing/migrate-open311-requests';

/** The HTTP API plus the Kafka consumer of every intake channel. */
export function createIntakeApp(config: IntakeConfig) {
  return createHttpApp(IntakeModule.register(config), {
    service: 'intake',
    title: 'CivicFlow 受理 intake API',
    logLevel: config.LOG_LEVEL,
    events: { groupId: config.INTAKE_CONSUMER_GROUP, fromBeginning: config.KAFKA_FROM_BEGINNING },
    migrations: [storedCasesMigration, open311RequestsMigration],
  });
}
