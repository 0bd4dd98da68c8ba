// The business calendar's screens in the browser, on the real system: the administrator sees the warning banner
// (and the notice in the inbox), opens the calendar page, starts the arrangement of the year not yet entered (grid's
// missing year: the coming one in December, the current one in January while it is not entered) from the provisional
// calendar, adds a day, previews the difference and saves it; the history shows who changed what. A community
// handler's worklist shows a deadline running into that year as 暂定 (provisional) before, and official after.
// The caller makes the banner show whatever the date (grid's CALENDAR_WARNING_DAYS reaching to today).
// Screenshots: provisional-deadline.png, calendar-banner.png, calendar-preview.png, calendar-history.png, calendar-year.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { launchChromium, newPerson, signIn as signInAs } from './browser-kit';

export interface CalendarScreensOptions {
  baseUrl: string;
  screenshotDir: string;
  /** the year grid reports missing (coverage.missingYear), whose arrangement is entered */
  year: number;
  /** a FICTIONAL extra day off to add to the provisional calendar's days (a test fixture) */
  extraHoliday: { date: string; name: string };
  /** a case in the community handler's worklist whose deadline runs into `year` */
  caseNumber: string;
  log?: (message: string) => void;
  executablePath?: string;
}

export interface CalendarScreensResult {
  screenshots: string[];
  bannerText: string;
  diffSummary: string;
  savedStatus: string;
  historyText: string;
  provisionalBefore: boolean;
  provisionalAfter: boolean;
}

export async function runCalendarScreens(options: CalendarScreensOptions): Promise<CalendarScreensResult> {
  const log = options.log ?? (() => undefined);
  const base = options.baseUrl.replace(/\/$/, '');
  mkdirSync(options.screenshotDir, { recursive: true });
  const browser = await launchChromium(options.executablePath);
  const screenshots: string[] = [];
  const shot = async (page: Page, name: string) => {
    const path = join(options.screenshotDir, name);
    await page.screenshot({ path });
    screenshots.push(path);
    log(`screenshot ${path}`);
  };
  const signIn = async (username: string, home: string) => signInAs(await newPerson(browser, { viewport: { width: 1366, height: 768 } }), base, username, home);
  const provisionalBadge = async (page: Page) => {
    await page.goto(`${base}/worklist`);
    await page.getByTestId('worklist-filter').fill(options.caseNumber);
    const row = page.locator(`[data-testid=worklist-row][data-case="${options.caseNumber}"]`);
    await row.waitFor({ timeout: 30_000 });
    return (await row.getByTestId('sla-provisional').count()) > 0;
  };
  try {
    // --- the community handler: a deadline in the missing year, 暂定 --------------------------------------------
    const handler = await signIn('community', '/worklist');
    const provisionalBefore = await provisionalBadge(handler);
    await shot(handler, 'provisional-deadline.png');

    // --- the administrator: the banner, the inbox notice, the calendar page -----------------------------------
    const admin = await signIn('admin', '/supervisor');
    const banner = admin.getByTestId('calendar-banner');
    await banner.waitFor({ timeout: 20_000 });
    const bannerText = (await banner.textContent()) ?? '';
    await admin.getByTestId('inbox-button').click();
    await admin.getByTestId('inbox-list').getByText(`${options.year}`).first().waitFor({ timeout: 30_000 });
    await shot(admin, 'calendar-banner.png');
    await admin.keyboard.press('Escape');

    await admin.getByTestId('calendar-banner-enter').click();
    await admin.getByTestId('calendar-page').waitFor();
    await admin.locator(`[data-testid=calendar-years] tr[data-year="${options.year}"]`).click();
    await admin.getByTestId(`year-status-${options.year}`).waitFor();
    await admin.getByRole('tab', { name: /录入/ }).click();
    await admin.getByTestId('calendar-from-current').click();
    const holidays = admin.getByTestId('calendar-holidays');
    await holidays.fill(`${await holidays.inputValue()}\n${options.extraHoliday.date} ${options.extraHoliday.name}`);
    await admin.getByTestId('calendar-note').fill(`FICTIONAL ${options.year} arrangement (a test fixture) 虚构的测试安排`);
    await admin.getByTestId('calendar-comment').fill('browser test');
    await admin.getByTestId('calendar-preview').click();
    const summary = admin.getByTestId('calendar-diff-summary');
    await summary.waitFor({ timeout: 20_000 });
    const diffSummary = (await summary.textContent()) ?? '';
    await waitFor(() => admin.getByTestId('calendar-save').isEnabled(), 10_000, 'the save button');
    await shot(admin, 'calendar-preview.png');

    await admin.getByTestId('calendar-save').click();
    const status = admin.getByTestId(`year-status-${options.year}`);
    await waitFor(async () => ((await status.textContent()) ?? '').includes('已录入'), 20_000, 'the year to show as entered');
    const savedStatus = (await status.textContent()) ?? '';
    await admin.getByRole('tab', { name: /变更记录/ }).click();
    const history = admin.getByTestId('calendar-history');
    await history.waitFor();
    const historyText = (await history.textContent()) ?? '';
    // the year is official now: the banner is gone (the next cliff is a year further, past the warning window)
    await banner.waitFor({ state: 'detached', timeout: 20_000 });
    await shot(admin, 'calendar-history.png');
    await admin.getByRole('tab', { name: /^日历$/ }).click();
    await admin.getByTestId('calendar-days').waitFor();
    await shot(admin, 'calendar-year.png');

    // --- the handler's deadline is official now (the running case recomputed) ---------------------------------
    let provisionalAfter = true;
    await waitFor(async () => !(provisionalAfter = await provisionalBadge(handler)), 60_000, 'the deadline to become official');
    return { screenshots, bannerText, diffSummary, savedStatus, historyText, provisionalBefore, provisionalAfter };
  } finally {
    await browser.close();
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
