import { Logger } from '@nestjs/common';
import { calendarCoverageWarningV1 } from '@civicflow/contracts';
import { CALENDAR_WARNING_DAYS, chinaDayOf, chinaTime, createHolidaySchedule, HOUR_MS } from '@civicflow/domain';
import type { EventPublisher } from '@civicflow/platform';
import type { CalendarDoc } from '../calendar.schema';
import { CalendarStore } from '../calendar.store';
import { coverageOf } from '../list-calendar-years/list-calendar-years.usecase';

/** Not before the working day starts: the notice waits for the morning. */
const NOTICE_FROM_HOUR = 8;

/**
 * 日历到期预警: from 60 days (CALENDAR_WARNING_DAYS) before the last officially arranged day until the next year is entered, publishes
 * grid.calendar-coverage-warning once per working day (id calendar-coverage:<date>, so several grid replicas or a
 * restart tell nobody twice: consumers skip ids they have seen); notification puts it in the inbox of the
 * city's administrators and supervisors. Checked on a timer; `check(now)` is the whole rule.
 */
export class CalendarCoverageWatch {
  private readonly logger = new Logger(CalendarCoverageWatch.name);
  private lastPublished?: string;

  constructor(
    private readonly store: Pick<CalendarStore, 'read'>,
    private readonly publisher: Pick<EventPublisher, 'publish'>,
    private readonly options: {
      /** false: on any day at any hour (CALENDAR_COVERAGE_NOTICE=any-time) */
      officeHoursOnly: boolean;
      /** how long before the cliff the warnings start (CALENDAR_WARNING_DAYS) */
      warningDays?: number;
    } = { officeHoursOnly: true },
  ) {}

  /** Publishes today's warning if one is due and not yet sent by this process; returns the date it warned for. */
  async check(now = Date.now()): Promise<string | undefined> {
    try {
      const doc = await this.store.read();
      const coverage = coverageOf(doc, now, this.options.warningDays ?? CALENDAR_WARNING_DAYS);
      if (!coverage.warning || coverage.today === this.lastPublished) return undefined;
      if (this.options.officeHoursOnly && !this.inOfficeHours(doc, coverage.today, now)) return undefined;
      await this.publisher.publish(calendarCoverageWarningV1, {
        id: `calendar-coverage:${coverage.today}`,
        key: 'calendar-coverage',
        correlationId: `calendar-coverage:${coverage.missingYear}`,
        data: { date: coverage.today, officialThrough: coverage.officialThrough, daysLeft: coverage.daysLeft, missingYear: coverage.missingYear },
      });
      this.lastPublished = coverage.today;
      this.logger.warn(`工作日历正式安排只到 ${coverage.officialThrough}，${coverage.missingYear} 年尚未录入 the official calendar ends ${coverage.officialThrough}; ${coverage.missingYear} is not entered (${coverage.daysLeft} days left)`);
      return coverage.today;
    } catch (error) {
      this.logger.warn(`日历到期预警未能发出，稍后重试 coverage warning not published, retrying: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private inOfficeHours(doc: CalendarDoc, today: string, now: number): boolean {
    const schedule = createHolidaySchedule(CalendarStore.tableOf(doc));
    return schedule.isWorkingDay(chinaDayOf(now)) && now >= chinaTime(today) + NOTICE_FROM_HOUR * HOUR_MS;
  }
}
