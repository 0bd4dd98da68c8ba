// The scoring policy and monthly report screens in the browser, on the real system: an administrator reads the
// policy in force with its formulas, sends a version whose weights do not add up (the server's objection shows
// beside the weight), then adds a valid version from tomorrow, which the version list (the audit trail) shows;
// a supervisor generates last month's report, downloads its PDF and Excel file, and the inbox notice of it leads
// back to the page. Every screen is checked with axe-core (WCAG 2.1 A/AA, any violation fails) in both languages.
// Screenshots: policy-invalid.png, policy-versions.png, monthly-reports.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { AxeAudit, launchChromium, newPerson, signIn as signInAs } from './browser-kit';

export interface FiguresScreensOptions {
  baseUrl: string;
  screenshotDir: string;
  /** the first day of the new version (tomorrow, China time) */
  effectiveFrom: string;
  /** the month the supervisor generates (one that has ended) */
  month: string;
  log?: (message: string) => void;
  executablePath?: string;
}

export interface FiguresScreensResult {
  screenshots: string[];
  inForce: string;
  weightError: string;
  savedVersionRow: string;
  downloads: string[];
  inboxTitle: string;
  markedMonth: string | null;
  englishTitle: string;
  /** the screens axe-core audited (any violation fails the run) */
  audited: string[];
}

export async function runFiguresScreens(options: FiguresScreensOptions): Promise<FiguresScreensResult> {
  const log = options.log ?? (() => undefined);
  const base = options.baseUrl.replace(/\/$/, '');
  mkdirSync(options.screenshotDir, { recursive: true });
  const browser: Browser = await launchChromium(options.executablePath);
  const screenshots: string[] = [];
  const audit = new AxeAudit();
  const shot = async (page: Page, name: string) => {
    const path = join(options.screenshotDir, name);
    await page.screenshot({ path, fullPage: true });
    screenshots.push(path);
    log(`screenshot ${path}`);
  };
  // wherever the role lands
  const signIn = async (username: string) => signInAs(await newPerson(browser, { viewport: { width: 1366, height: 900 }, acceptDownloads: true }), base, username, '/');
  try {
    // --- the administrator: the policy in force, a version the server refuses, a valid one ---------------------
    const admin = await signIn('admin');
    await admin.getByTestId('nav-policy').click();
    const inForceText = admin.getByTestId('policy-in-force');
    await inForceText.waitFor({ timeout: 20_000 });
    const inForce = (await inForceText.textContent()) ?? '';
    await admin.getByTestId('policy-formulas').waitFor();
    await audit.check(admin, 'policy');

    await admin.getByTestId('policy-weight-response').fill('0.2');
    await admin.getByTestId('policy-effective-from').fill(options.effectiveFrom);
    await admin.getByTestId('policy-note').fill('浏览器测试：权重之和不为 1 browser test: weights that do not add up');
    await admin.getByTestId('policy-save').click();
    await admin.getByTestId('policy-problems').waitFor({ timeout: 20_000 });
    const weightError = (await admin.locator('.ant-form-item-explain-error').allTextContents()).join(' | ');
    await audit.check(admin, 'policy-invalid');
    await shot(admin, 'policy-invalid.png');

    await admin.getByTestId('policy-weight-response').fill('0.1');
    await admin.getByTestId('policy-weight-resolution').fill('0.4');
    await admin.getByTestId('policy-weight-satisfaction').fill('0.5');
    await admin.getByTestId('policy-note').fill('满意率权重提高至 50% satisfaction weighs 50 % (browser test)');
    await admin.getByTestId('policy-save').click();
    const row = admin.locator('[data-testid=policy-versions] tr[data-version="2"]');
    await row.waitFor({ timeout: 20_000 });
    const savedVersionRow = (await row.textContent()) ?? '';
    await shot(admin, 'policy-versions.png');

    // --- the supervisor: generate last month, download both files, the inbox notice leads back ---------------
    const supervisor = await signIn('supervisor');
    await supervisor.getByTestId('nav-reports/monthly').click();
    await supervisor.getByTestId('reports-page').waitFor({ timeout: 20_000 });
    await supervisor.getByTestId('report-month').fill(options.month);
    await supervisor.getByTestId('report-generate').click();
    await supervisor.locator(`[data-testid=report-list] tr[data-month="${options.month}"]`).waitFor({ timeout: 60_000 });
    const downloads: string[] = [];
    for (const format of ['pdf', 'xlsx'] as const) {
      const [file] = await Promise.all([supervisor.waitForEvent('download', { timeout: 60_000 }), supervisor.getByTestId(`report-${format}-${options.month}`).click()]);
      downloads.push(file.suggestedFilename());
    }
    await audit.check(supervisor, 'reports');
    await shot(supervisor, 'monthly-reports.png');

    await supervisor.goto(`${base}/supervisor`);
    await supervisor.getByTestId('inbox-button').click();
    const monthTitle = `${Number(options.month.slice(0, 4))}年${Number(options.month.slice(5, 7))}月考核报告已生成`;
    const notice = supervisor.getByTestId('inbox-list').getByText(monthTitle).first();
    await notice.waitFor({ timeout: 30_000 });
    const inboxTitle = (await notice.textContent()) ?? '';
    await notice.click();
    await supervisor.getByTestId('reports-page').waitFor({ timeout: 20_000 });
    const markedMonth = new URL(supervisor.url()).searchParams.get('month');

    await supervisor.getByTestId('lang-switch').getByText('EN').click();
    await supervisor.getByText('Monthly performance reports').waitFor({ timeout: 10_000 });
    const englishTitle = 'Monthly performance reports';
    await audit.check(supervisor, 'reports-en');
    return { screenshots, inForce, weightError, savedVersionRow, downloads, inboxTitle, markedMonth, englishTitle, audited: audit.checked };
  } finally {
    await browser.close();
  }
}
