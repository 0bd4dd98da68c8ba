import { monthlyReportGeneratedV1 } from '@civicflow/contracts';
import { NotificationRule, rule } from './notice';

/** The console's monthly report page, opened at the month. */
export const monthlyReportLink = (month: string): string => `/reports/monthly?month=${month}`;

/**
 * 考核报告通知: the month's report is generated (on the first working day of the next month, or on demand); the
 * city's supervisors, who hold the 考核, read it in their inbox with a link to the report page.
 */
export const statisticsRules: readonly NotificationRule[] = [
  rule({
    contract: monthlyReportGeneratedV1,
    notices: ({ data }) => [
      {
        template: 'monthly-report-generated.supervisors',
        audience: { kind: 'role', role: 'supervisor', unitId: data.cityUnitId },
        channels: ['inbox'],
        facts: { month: data.month, at: data.generatedAt, link: monthlyReportLink(data.month) },
      },
    ],
  }),
];
