import { calendarCoverageWarningV1 } from '@civicflow/contracts';
import { chinaTime } from '@civicflow/domain';
import { Notice, NotificationRule, rule } from './notice';

/**
 * 工作日历通知: the grid service warns every working day from 60 days before the last officially arranged day
 * until the next year is entered; the city's administrators (who enter it) and supervisors (whose figures rest
 * on the deadlines) read it in their inbox.
 */
export const calendarRules: readonly NotificationRule[] = [
  rule({
    contract: calendarCoverageWarningV1,
    notices: ({ data }, context) =>
      (['admin', 'supervisor'] as const).map(
        (role): Notice => ({
          template: 'calendar-coverage-warning.staff',
          audience: { kind: 'role', role, unitId: context.cityUnitId },
          channels: ['inbox'],
          facts: { year: data.missingYear, deadline: new Date(chinaTime(data.officialThrough, '23:59')).toISOString(), count: Math.max(0, data.daysLeft), at: new Date(chinaTime(data.date)).toISOString() },
        }),
      ),
  }),
];
