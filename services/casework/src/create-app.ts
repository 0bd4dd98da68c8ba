import { createHttpApp } from '@civicflow/platform';
import { CaseworkConfig } from './config';
import { CaseworkModule } from './app.module';
import { caseFactScoringMigration, caseFactUnitsMigration } from './migrations/case-fact-units.migration';
import { caseListsMigration } from './migrations/case-lists.migration';
import { orderedCaseListsMigration } from './migrations/ordered-case-lists.migration';

/** The command and read API plus the Kafka consumer that projects the case lifecycle events. */
export function createCaseworkApp(config: CaseworkConfig) {
  return createHttpApp(CaseworkModule.register(config), {
    service: 'casework',
    title: 'CivicFlow 案件办理 casework API',
    logLevel: config.LOG_LEVEL,
    events: { groupId: config.CASEWORK_CONSUMER_GROUP, fromBeginning: config.KAFKA_FROM_BEGINNING },
    migrations: [caseFactUnitsMigration, caseFactScoringMigration, caseListsMigration, orderedCaseListsMigration],
  });
}
