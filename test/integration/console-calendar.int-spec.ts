// The business calendar's screens in Debian's Chromium against the real system (identity, notification, grid,
// casework and the console's gateway in this process; the case worker reading its calendar from grid; real Kafka,
// Temporal and FerretDB). Screenshots go to .civicflow/reports/screenshots (copies in docs/screenshots for the
// README). The coming year's arrangement the administrator enters is a FICTIONAL test fixture.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { calendarCoverage, chinaDayOf, chinaTime, createBusinessCalendar, createHolidaySchedule, dateKeyOfChinaDay, DEFAULT_SLA_PROFILES, workingDays } from '@civicflow/domain';
import { createKafka } from '@civicflow/platform';
import { demoCaseInput, httpAs, integrationConfig, ownTemporalNamespace, serveApp, startCaseWorker, type TestCaseWorker, uniqueId } from '@civicflow/testing';
import { calendarFromGrid, withProfiles } from '@civicflow/workflows/worker';
import { createIdentityApp, identityConfigSchema } from '@civicflow/identity';
import { createGridApp, gridConfigSchema } from '@civicflow/grid';
import { caseworkConfigSchema, createCaseworkApp } from '@civicflow/casework';
import { createNotificationApp, notificationConfigSchema } from '@civicflow/notification';
import { consoleConfigSchema, createConsoleApp } from '@civicflow/console';
import { runCalendarScreens } from '../../services/console/e2e/calendar-screens';

const root = join(__dirname, '..', '..');
const WEB_DIST = join(root, 'services', 'console', 'web', 'dist', 'index.html');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(root, '.civicflow', 'reports', 'screenshots');

const runId = uniqueId();
/**
 * The cliff grid sees at its start (a fresh database: the package's years): the year under test is its missing year
 * (the coming one every December; the current one in January while it is not entered), and the warning window reaches
 * exactly to today, so the banner shows on any date and is gone once that year is entered (the cliff a year further).
 */
const atStart = calendarCoverage(createHolidaySchedule(), Date.now());
const services = ['identity', 'notification', 'grid', 'casework', 'console'] as const;
const env = integrationConfig({
  MONGO_DB_PREFIX: runId,
  KAFKA_FROM_BEGINNING: 'false',
  ...Object.fromEntries(services.map((s) => [`${s.toUpperCase()}_CONSUMER_GROUP`, `${s}-${runId}`])),
  NOTIFICATION_QUIET_HOURS: 'off',
  GRID_SEED_DEMO: 'true',
  IDENTITY_SEED_DEMO_USERS: 'true',
  NOTIFICATION_SEED_DEMO_DIRECTORY: 'true',
  CALENDAR_OUTBOX_INTERVAL_MS: '500',
  // the inbox notice goes out whatever the hour and weekday the suite runs at (by default: working days from 08:00)
  CALENDAR_COVERAGE_NOTICE: 'any-time',
  // the banner and the notice whatever the date (by default: from 60 days before the cliff)
  CALENDAR_WARNING_DAYS: String(Math.max(atStart.daysLeft, 0)),
});

describe('the business calendar in Chromium', () => {
  const apps: INestApplication[] = [];
  const urls: Partial<Record<(typeof services)[number], string>> = {};
  let kafka: Kafka;
  let worker: TestCaseWorker;
  let temporal: Client;
  const now = Date.now();
  let year: number;

  const serve = async (name: (typeof services)[number], create: () => Promise<INestApplication>) => void (urls[name] = await serveApp(name, create, env, apps));

  beforeAll(async () => {
    if (!existsSync(WEB_DIST)) throw new Error(`${WEB_DIST} is missing: build the console first (npm run build -w @civicflow/console; npm test does)`);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (npm test installs it)`);
    env.TEMPORAL_NAMESPACE = await ownTemporalNamespace(env.TEMPORAL_ADDRESS);
    kafka = createKafka(`test-${runId}`, env);
    // notification listens before grid starts: grid's first coverage check is the inbox notice (so notification names
    // units without the org tree here: it does not know where grid listens yet)
    await serve('identity', () => createIdentityApp(identityConfigSchema.parse(env)));
    // every service hears of ended sessions from it (and takes its service token from it where it needs one)
    env.SERVICE_TOKEN_URL = `${urls.identity}/api/v1/auth/token`;
    env.JWT_REVOCATION_URL = `${urls.identity}/api/v1/auth/revocations`;
    await serve('notification', () => createNotificationApp(notificationConfigSchema.parse(env)));
    await serve('grid', () => createGridApp(gridConfigSchema.parse(env)));
    await serve('casework', () => createCaseworkApp(caseworkConfigSchema.parse(env)));
    await serve('console', () => createConsoleApp(consoleConfigSchema.parse(env)));
    const coverage = await httpAs({ grid: urls.grid! })('grid', 'GET', '/api/v1/calendar/coverage', { role: 'admin', unitId: 'bf' });
    expect(coverage.body).toMatchObject({ missingYear: atStart.missingYear, warning: true });
    year = coverage.body.missingYear;
    // an acceptance window reaching two working days into that year, so the case's first deadline is provisional
    const calendar = createBusinessCalendar();
    const days = Math.max(0, Math.ceil(calendar.workingTimeBetween(now, chinaTime(`${year}-01-01`)) / calendar.workingDayMs)) + 2;
    const profile = { ...DEFAULT_SLA_PROFILES.standard, zh: '跨年测试', en: 'across the new year', windows: { ...DEFAULT_SLA_PROFILES.standard.windows, acceptance: workingDays(days) } };
    worker = await startCaseWorker(env, kafka, { slaProfiles: withProfiles({ 'across-new-year': profile }), calendar: calendarFromGrid({ gridUrl: urls.grid!, refreshMs: 300 }) });
    temporal = new Client({ connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }), namespace: env.TEMPORAL_NAMESPACE });
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await temporal?.connection.close();
    for (const app of apps.reverse()) await app.close();
    const mongo = await new MongoClient(env.MONGO_URL).connect();
    for (const service of services) await mongo.db(`${runId}_${service}`).dropDatabase();
    await mongo.close();
  });

  it('warns the administrator, takes the year not entered yet through preview and save, and the handler\'s deadline turns official', async () => {
    // the scenario needs a year without an official arrangement: the first one after the package's years
    expect(createHolidaySchedule().yearStatus(year)).toBe('provisional');
    const input = demoCaseInput({ slaProfile: 'across-new-year' });
    const caseNumber = input.caseNumber;
    await temporal.workflow.start('caseWorkflow', { workflowId: caseNumber, taskQueue: env.CASE_TASK_QUEUE, args: [input] });

    // a FICTIONAL extra day off: the first working day of that year after 1 January
    let extra = chinaTime(`${year}-01-02`);
    while (!createHolidaySchedule().isWorkingDay(chinaDayOf(extra))) extra += 86_400_000;
    const result = await runCalendarScreens({
      baseUrl: urls.console!,
      screenshotDir: SCREENSHOTS,
      year,
      extraHoliday: { date: dateKeyOfChinaDay(chinaDayOf(extra)), name: 'FICTIONAL 测试放假' },
      caseNumber,
      log: (line) => process.stderr.write(`[calendar] ${line}\n`),
    });
    expect(result.provisionalBefore).toBe(true);
    expect(result.bannerText).toContain(`${year}年放假安排尚未录入`);
    expect(result.diffSummary).toContain('天变化');
    expect(result.savedStatus).toContain('正式 · 已录入');
    expect(result.historyText).toContain('第 1 版 · 首次录入');
    expect(result.provisionalAfter).toBe(false);
    expect(result.screenshots.map((p) => p.split('/').pop())).toEqual(['provisional-deadline.png', 'calendar-banner.png', 'calendar-preview.png', 'calendar-history.png', 'calendar-year.png']);
  }, 300_000);
});
