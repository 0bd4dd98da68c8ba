// The scoring policy (admin) and monthly report (supervisor) screens in Debian's Chromium against the real system
// (identity, notification, grid, casework and the console's gateway in this process; real Kafka, Temporal and
// FerretDB), axe-clean in Chinese and English. Screenshots go to .civicflow/reports/screenshots.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { MongoClient } from 'mongodb';
import { chinaDayOf, dateKeyOfChinaDay } from '@civicflow/domain';
import { integrationConfig, ownTemporalNamespace, serveApp, uniqueId } from '@civicflow/testing';
import { createIdentityApp, identityConfigSchema } from '@civicflow/identity';
import { createGridApp, gridConfigSchema } from '@civicflow/grid';
import { caseworkConfigSchema, createCaseworkApp } from '@civicflow/casework';
import { createNotificationApp, notificationConfigSchema } from '@civicflow/notification';
import { consoleConfigSchema, createConsoleApp } from '@civicflow/console';
import { runFiguresScreens } from '../../services/console/e2e/figures-screens';

const root = join(__dirname, '..', '..');
const WEB_DIST = join(root, 'services', 'console', 'web', 'dist', 'index.html');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = join(root, '.civicflow', 'reports', 'screenshots');

const runId = uniqueId();
const services = ['identity', 'notification', 'grid', 'casework', 'console'] as const;
const env = integrationConfig({
  MONGO_DB_PREFIX: runId,
  KAFKA_FROM_BEGINNING: 'false',
  ...Object.fromEntries(services.map((s) => [`${s.toUpperCase()}_CONSUMER_GROUP`, `${s}-${runId}`])),
  NOTIFICATION_QUIET_HOURS: 'off',
  GRID_SEED_DEMO: 'true',
  IDENTITY_SEED_DEMO_USERS: 'true',
  NOTIFICATION_SEED_DEMO_DIRECTORY: 'true',
});

describe('the scoring policy and the monthly report in Chromium', () => {
  const apps: INestApplication[] = [];
  const urls: Partial<Record<(typeof services)[number], string>> = {};
  const serve = async (name: (typeof services)[number], create: () => Promise<INestApplication>) => void (urls[name] = await serveApp(name, create, env, apps));

  beforeAll(async () => {
    if (!existsSync(WEB_DIST)) throw new Error(`${WEB_DIST} is missing: build the console first (npm run build -w @civicflow/console; npm test does)`);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (npm test installs it)`);
    env.TEMPORAL_NAMESPACE = await ownTemporalNamespace(env.TEMPORAL_ADDRESS);
    await serve('identity', () => createIdentityApp(identityConfigSchema.parse(env)));
    env.SERVICE_TOKEN_URL = `${urls.identity}/api/v1/auth/token`;
    env.JWT_REVOCATION_URL = `${urls.identity}/api/v1/auth/revocations`;
    await serve('notification', () => createNotificationApp(notificationConfigSchema.parse(env)));
    await serve('grid', () => createGridApp(gridConfigSchema.parse(env)));
    await serve('casework', () => createCaseworkApp(caseworkConfigSchema.parse(env)));
    await serve('console', () => createConsoleApp(consoleConfigSchema.parse(env)));
  }, 180_000);

  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
    const mongo = await new MongoClient(env.MONGO_URL).connect();
    for (const service of services) await mongo.db(`${runId}_${service}`).dropDatabase();
    await mongo.close();
  });

  it('the administrator adds a policy version (objections beside the fields), the supervisor generates and downloads last month’s report and its notice leads back', async () => {
    const today = dateKeyOfChinaDay(chinaDayOf(Date.now()));
    const tomorrow = dateKeyOfChinaDay(chinaDayOf(Date.now()) + 1);
    const [year, month] = today.split('-').map(Number);
    const lastMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    const result = await runFiguresScreens({ baseUrl: urls.console!, screenshotDir: SCREENSHOTS, effectiveFrom: tomorrow, month: lastMonth, log: (line) => process.stderr.write(`[figures] ${line}\n`) });
    expect(result.inForce).toContain('第 1 版');
    expect(result.weightError).toContain('must add up to 1');
    expect(result.savedVersionRow).toContain(tomorrow);
    expect(result.savedVersionRow).toContain('满意率权重提高至 50%');
    expect(result.downloads).toEqual([`考核报告-${lastMonth}.pdf`, `考核报告-${lastMonth}.xlsx`]);
    expect(result.inboxTitle).toBe(`${year - (month === 1 ? 1 : 0)}年${Number(lastMonth.slice(5))}月考核报告已生成`);
    expect(result.markedMonth).toBe(lastMonth);
    expect(result.audited).toEqual(['policy', 'policy-invalid', 'reports', 'reports-en']);
    expect(result.screenshots.map((p) => p.split('/').pop())).toEqual(['policy-invalid.png', 'policy-versions.png', 'monthly-reports.png']);
  }, 300_000);
});
