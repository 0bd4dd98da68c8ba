// The scoring policy (admin) and monthly report (supervisor) screens in Debian's Chromium against the real system
// (identity, notification, grid, casework and the console's gateway in this process; real Kafka, Temporal and
// FerretDB), axe-clean in Chinese and English. Screenshots go to .civicflow/reports/screenshots.
import { chinaDayOf, dateKeyOfChinaDay } from '@civicflow/domain';
import { startSystem, type TestSystem } from '@civicflow/testing';
import { requireBuiltConsoleAndChromium, SCREENSHOT_DIR } from '../../services/console/e2e/browser-kit';
import { runFiguresScreens } from '../../services/console/e2e/figures-screens';

describe('the scoring policy and the monthly report in Chromium', () => {
  let system: TestSystem<'identity' | 'notification' | 'grid' | 'casework' | 'console'>;

  beforeAll(async () => {
    requireBuiltConsoleAndChromium();
    system = await startSystem({ services: ['identity', 'notification', 'grid', 'casework', 'console'] });
  }, 180_000);

  afterAll(async () => system?.stop());

  it('the administrator adds a policy version (objections beside the fields), the supervisor generates and downloads last month’s report and its notice leads back', async () => {
    const today = dateKeyOfChinaDay(chinaDayOf(Date.now()));
    const tomorrow = dateKeyOfChinaDay(chinaDayOf(Date.now()) + 1);
    const [year, month] = today.split('-').map(Number);
    const lastMonth = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
    const result = await runFiguresScreens({ baseUrl: system.urls.console, screenshotDir: SCREENSHOT_DIR, effectiveFrom: tomorrow, month: lastMonth, log: (line) => process.stderr.write(`[figures] ${line}\n`) });
    expect(result.inForce).toContain('第 1 版');
    expect(result.weightError).toContain('三项权重之和须为 1（现为 1.1）'); // the console asks in Chinese
    expect(result.savedVersionRow).toContain(tomorrow);
    expect(result.savedVersionRow).toContain('满意率权重提高至 50%');
    expect(result.downloads).toEqual([`考核报告-${lastMonth}.pdf`, `考核报告-${lastMonth}.xlsx`]);
    expect(result.inboxTitle).toBe(`${year - (month === 1 ? 1 : 0)}年${Number(lastMonth.slice(5))}月考核报告已生成`);
    expect(result.markedMonth).toBe(lastMonth);
    expect(result.audited).toEqual(['policy', 'policy-invalid', 'reports', 'reports-en']);
    expect(result.screenshots.map((p) => p.split('/').pop())).toEqual(['policy-invalid.png', 'policy-versions.png', 'monthly-reports.png']);
  }, 300_000);
});
