// The console in Debian's Chromium against the real running system: every service and the console's gateway in
// this process on ports of their own, the case worker with the demo's short SLA windows, and the real Kafka,
// Temporal and FerretDB. The journey (services/console/e2e/console-journey.ts) drives the operator, the community
// handler, the street, the department liaison and the supervisor through one case, and saves a screenshot of
// each role's main screen in .civicflow/reports/screenshots (the README shows copies from docs/screenshots).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { createKafka } from '@civicflow/platform';
import { integrationConfig, noticeTextsOf, ownTemporalNamespace, serveApp, startCaseWorker, TestCaseWorker, textsShowingIds, uniqueId } from '@civicflow/testing';
import { createIdentityApp, identityConfigSchema } from '@civicflow/identity';
import { createGridApp, gridConfigSchema } from '@civicflow/grid';
import { createHotlineApp, hotlineConfigSchema } from '@civicflow/hotline';
import { createIntakeApp, intakeConfigSchema } from '@civicflow/intake';
import { caseworkConfigSchema, createCaseworkApp } from '@civicflow/casework';
import { createNotificationApp, notificationConfigSchema } from '@civicflow/notification';
import { createMediationApp, mediationConfigSchema } from '@civicflow/mediation';
import { consoleConfigSchema, createConsoleApp } from '@civicflow/console';
import { slaProfilesFromFile } from '@civicflow/workflows/worker';
import { runConsoleJourney } from '../../services/console/e2e/console-journey';

const root = join(__dirname, '..', '..');
const WEB_DIST = join(root, 'services', 'console', 'web', 'dist', 'index.html');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(root, '.civicflow', 'reports', 'screenshots');

const runId = uniqueId();
const services = ['identity', 'grid', 'hotline', 'intake', 'casework', 'notification', 'mediation', 'console'] as const;
const env = integrationConfig({
  MONGO_DB_PREFIX: runId,
  KAFKA_FROM_BEGINNING: 'false',
  ...Object.fromEntries(services.map((s) => [`${s.toUpperCase()}_CONSUMER_GROUP`, `${s}-${runId}`])),
  NOTIFICATION_QUIET_HOURS: 'off',
  GRID_SEED_DEMO: 'true',
  IDENTITY_SEED_DEMO_USERS: 'true',
  NOTIFICATION_SEED_DEMO_DIRECTORY: 'true',
});

describe('the console in Chromium, end to end on the real system', () => {
  const apps: INestApplication[] = [];
  let kafka: Kafka;
  let worker: TestCaseWorker;
  const urls: Partial<Record<(typeof services)[number], string>> = {};

  // the next services (and the gateway) find each one where it really listens
  const serve = async (name: (typeof services)[number], create: () => Promise<INestApplication>) => void (urls[name] = await serveApp(name, create, env, apps));

  beforeAll(async () => {
    if (!existsSync(WEB_DIST)) throw new Error(`${WEB_DIST} is missing: build the console first (npm run build -w @civicflow/console; npm test does)`);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (npm test installs it)`);
    env.TEMPORAL_NAMESPACE = await ownTemporalNamespace(env.TEMPORAL_ADDRESS);
    kafka = createKafka(`test-${runId}`, env);
    // in the order they find each other: the grid before notification (unit names), notification before the hotline and mediation (they register contacts)
    await serve('identity', () => createIdentityApp(identityConfigSchema.parse(env)));
    // the hotline, mediation, intake and notification get their service tokens from it; every service hears of ended sessions from it
    env.SERVICE_TOKEN_URL = `${urls.identity}/api/v1/auth/token`;
    env.JWT_REVOCATION_URL = `${urls.identity}/api/v1/auth/revocations`;
    await serve('grid', () => createGridApp(gridConfigSchema.parse(env)));
    await serve('notification', () => createNotificationApp(notificationConfigSchema.parse(env)));
    await serve('hotline', () => createHotlineApp(hotlineConfigSchema.parse(env)));
    await serve('intake', () => createIntakeApp(intakeConfigSchema.parse(env)));
    await serve('casework', () => createCaseworkApp(caseworkConfigSchema.parse(env)));
    await serve('mediation', () => createMediationApp(mediationConfigSchema.parse(env)));
    await serve('console', () => createConsoleApp(consoleConfigSchema.parse(env)));
    worker = await startCaseWorker(env, kafka, { slaProfiles: slaProfilesFromFile(join(root, 'deploy', 'local', 'sla-profiles.short.json')) });
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    for (const app of apps.reverse()) await app.close();
    const mongo = await new MongoClient(env.MONGO_URL).connect();
    for (const service of services) await mongo.db(`${runId}_${service}`).dropDatabase();
    await mongo.close();
  });

  it('carries one case from the operator’s call to the supervisor’s figures, through every role’s screen', async () => {
    const result = await runConsoleJourney({ baseUrl: urls.console!, screenshotDir: SCREENSHOTS, log: (line) => process.stderr.write(`[journey] ${line}\n`) });
    expect(result.caseNumber).toMatch(/^\d{8}-\d{6}$/);
    // the journey checks each screen as it goes; here: its record of what happened to the case
    for (const type of ['case.dispatched', 'case.accepted', 'case.sla-breached', 'case.escalated', 'case.departments-summoned', 'case.department-reported-in', 'case.department-answered', 'case.resolved', 'case.callback-recorded', 'case.closed']) {
      expect(result.timelineTypes).toContain(type);
    }
    expect(result.figures.after.cases).toBeGreaterThan(result.figures.before.cases);
    expect(result.screenshots.map((p) => p.split('/').pop())).toEqual(expect.arrayContaining(['operator.png', 'handler.png', 'street.png', 'liaison.png', 'supervisor.png', 'case.png', 'mediator.png']));
    // the mediator's part: a neighbour dispute logged by the operator became a mediation case with an agreement
    expect(result.dispute).toEqual({ disputeId: expect.stringMatching(/^tj-\d{8}-\d{6}$/), stage: 'agreed' });
    // names, not ids: no SMS and no inbox item of the case shows an internal unit or department id
    const texts = await noticeTextsOf(urls.notification!, result.caseNumber);
    expect(texts.inbox.length).toBeGreaterThan(3);
    expect(textsShowingIds(texts)).toEqual([]);
  }, 600_000);
});
