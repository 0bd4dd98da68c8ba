import { calendarCoverageWarningV1 } from '@civicflow/contracts';
import { event, planningFixture, who } from '../testing/planning-fixture';

describe('business calendar rules', () => {
  it('grid.calendar-coverage-warning: the city\'s administrators and supervisors, in the inbox, with the last official day and the year to enter', async () => {
    const { plan } = planningFixture({ channels: ['inbox', 'sms', 'email'] });
    const planned = await plan.execute(
      event(calendarCoverageWarningV1, 'calendar', { date: '2026-12-07', officialThrough: '2026-12-31', daysLeft: 24, missingYear: 2027 }, 'calendar-coverage:2026-12-07'),
    );
    expect(who(planned).sort()).toEqual(['calendar-coverage-warning.staff → admin:inbox', 'calendar-coverage-warning.staff → zhou:inbox']);
    expect(planned[0].message.title).toBe('请录入2027年放假安排');
    expect(planned[0].message.body).toContain('正式放假安排只到 2026年12月31日 23:59（还剩 24 天）');
    expect(planned[0].message.body).toContain('按法定节假日暂定');
  });
});
