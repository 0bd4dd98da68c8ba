import { createHttpApp } from '@civicflow/platform';
import { assertAgreementFont } from './agreements/agreement-pdf/agreement-pdf.renderer';
import { MediationConfig } from './config';
import { MediationModule } from './app.module';
import { disputeProjectionMigration } from './migrations/dispute-projection.migration';

/** The mediation API plus the Kafka consumer of case.registered and the mediation events. Fails early without the CJK font. */
export function createMediationApp(config: MediationConfig) {
  assertAgreementFont({ path: config.MEDIATION_PDF_FONT, family: config.MEDIATION_PDF_FONT_FAMILY });
  return createHttpApp(MediationModule.register(config), {
    service: 'mediation',
    title: 'CivicFlow 矛盾调解 mediation API',
    logLevel: config.LOG_LEVEL,
    events: { groupId: config.MEDIATION_CONSUMER_GROUP, fromBeginning: config.KAFKA_FROM_BEGINNING },
    migrations: [disputeProjectionMigration],
  });
}
