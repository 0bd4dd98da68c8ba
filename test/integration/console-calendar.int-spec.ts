// The business calendar's screens in Debian's Chromium against the real system (identity, notification, grid,
// casework and the console's gateway in this process; the case worker reading its calendar from grid; real Kafka,
// Temporal and FerretDB). Screenshots go to .civicflow/reports/screenshots (copies in docs/screenshots for the
// README). The coming year's arrangement the administrator enters is a FICTIONAL test fixture.
import { calendarCoverage, chinaDayOf, chinaTime, createBusinessCalendar, createHolidaySchedule, dateKeyOfChinaDay, DEFAULT_SLA_PROFILES, workingDays } from '@civicflow/domain';
import { demoCaseInput, httpAs, startCaseWorker, startSystem, type TestCaseWorker, type TestSystem } from '@civicflow/testing';
import { calendarFromGrid, withProfiles } from '@civicflow/workflows/worker';
import { requireBuiltConsoleAndChromium, SCREENSHOT_DIR } from '../../services/console/e2e/browser-kit';
import { runCalendarScreens } from '../../services/console/e2e/calendar-screens';

/**
 * The cliff grid sees at its start (a fresh database: the package's years): the year under test is its missing year
 * (the coming one every December; the current one in January while it is not entered), and the warning window reaches
 * exactly to today, so the banner shows on any date and is gone once that year is entered (the cliff a year further).
 */
const atStart = calendarCoverage(createHolidaySchedule(), Date.now());

describe('the business calendar in Chromium', () => {
  let system: TestSystem<'identity' | 'notification' | 'grid' | 'casework' | 'console'>;
  let worker: TestCaseWorker;
  const now = Date.now();
  let year: number;

  beforeAll(async () => {
    requireBuiltConsoleAndChromium();
    // notification listens before grid starts: grid's first coverage check is the inbox notice (so notification names
    // units without the org tree here: it does not know where grid listens yet)
    system = await startSystem({
      services: ['identity', 'notification', 'grid', 'casework', 'console'],
      env: {
        CALENDAR_OUTBOX_INTERVAL_MS: '500',
        // the inbox notice goes out whatever the hour and weekday the suite runs at (by default: working days from 08:00)
        CALENDAR_COVERAGE_NOTICE: 'any-time',
        // the banner and the notice whatever the date (by default: from 60 days before the cliff)
        CALENDAR_WARNING_DAYS: String(Math.max(atStart.daysLeft, 0)),
      },
    });
    const coverage = await httpAs({ grid: system.urls.grid })('grid', 'GET', '/api/v1/calendar/coverage', { role: 'admin', unitId: 'bf' });
    expect(coverage.body).toMatchObject({ missingYear: atStart.missingYear, warning: true });
    year = coverage.body.missingYear;
    // an acceptance window reaching two working days into that year, so the case's first deadline is provisional
    const calendar = createBusinessCalendar();
    const days = Math.max(0, Math.ceil(calendar.workingTimeBetween(now, chinaTime(`${year}-01-01`)) / calendar.workingDayMs)) + 2;
    const profile = { ...DEFAULT_SLA_PROFILES.standard, zh: '跨年测试', en: 'across the new year', windows: { ...DEFAULT_SLA_PROFILES.standard.windows, acceptance: workingDays(days) } };
    // the worker's profile needs the year grid names, so it starts after the services (on the system's queue and namespace)
    worker = await startCaseWorker(system.env, system.kafka, { slaProfiles: withProfiles({ 'across-new-year': profile }), calendar: calendarFromGrid({ gridUrl: system.urls.grid, refreshMs: 300 }) });
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await system?.stop();
  });

  it('warns the administrator, takes the year not entered yet through preview and save, and the handler\'s deadline turns official', async () => {
    // the scenario needs a year without an official arrangement: the first one after the package's years
    expect(createHolidaySchedule().yearStatus(year)).toBe('provisional');
    const input = demoCaseInput({ slaProfile: 'across-new-year' });
    const caseNumber = input.caseNumber;
    await system.temporal.workflow.start('caseWorkflow', { workflowId: caseNumber, taskQueue: system.env.CASE_TASK_QUEUE, args: [input] });

    // a FICTIONAL extra day off: the first working day of that year after 1 January
    let extra = chinaTime(`${year}-01-02`);
    while (!createHolidaySchedule().isWorkingDay(chinaDayOf(extra))) extra += 86_400_000;
    const result = await runCalendarScreens({
      baseUrl: system.urls.console,
      screenshotDir: SCREENSHOT_DIR,
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
