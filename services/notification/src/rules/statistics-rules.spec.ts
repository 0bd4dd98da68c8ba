import { monthlyReportGeneratedV1 } from '@civicflow/contracts';
import { renderMessage } from '../templates/render-message';
import { event, planningFixture, who } from '../testing/planning-fixture';

describe('statistics rules', () => {
  const generated = {
    month: '2026-11', generatedAt: '2026-12-01T00:30:00.000Z', generatedBy: 'schedule', policyVersion: 2, cityUnitId: 'bf', streets: 4, departments: 6, cases: 120,
    files: { pdf: '/api/v1/statistics/reports/monthly/2026-11?format=pdf', xlsx: '/api/v1/statistics/reports/monthly/2026-11?format=xlsx' },
  };

  it('statistics.monthly-report-generated: the city\'s supervisors, in the inbox only, with the month and a link to the report page', async () => {
    const { plan } = planningFixture({ channels: ['inbox', 'sms', 'email'] });
    const planned = await plan.execute(event(monthlyReportGeneratedV1, '2026-11', generated, 'monthly-report:2026-11'));
    expect(who(planned)).toEqual(['monthly-report-generated.supervisors → zhou:inbox']);
    expect(planned[0].message).toMatchObject({ title: '2026年11月考核报告已生成', link: '/reports/monthly?month=2026-11' });
    expect(planned[0].message.body).toContain('PDF 与 Excel');
  });

  it('reads in English for users who chose it', () => {
    const message = renderMessage('monthly-report-generated.supervisors', { month: '2026-01', link: '/reports/monthly?month=2026-01' }, 'en');
    expect(message).toMatchObject({ title: 'The January 2026 performance report is ready', link: '/reports/monthly?month=2026-01' });
    expect(message.sms).toBe('The January 2026 performance report is ready; sign in to download it.');
  });
});
