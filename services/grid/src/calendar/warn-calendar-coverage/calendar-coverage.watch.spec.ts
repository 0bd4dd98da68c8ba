import { calendarCoverageWarningV1, type EventEnvelope } from '@civicflow/contracts';
import { chinaTime } from '@civicflow/domain';
import { buildEvent, type EventPublisher } from '@civicflow/platform';
import type { CalendarDoc } from '../calendar.schema';
import { CalendarCoverageWatch } from './calendar-coverage.watch';

describe('calendar coverage warning', () => {
  const doc: CalendarDoc = { _id: 'calendar', version: 0, years: [], history: [], outbox: [] };
  const setup = (options?: { officeHoursOnly: boolean; warningDays?: number }) => {
    const published: EventEnvelope[] = [];
    const publisher: Pick<EventPublisher, 'publish'> = {
      publish: async (contract, draft) => {
        const event = buildEvent(contract, 'grid', draft);
        published.push(event);
        return event;
      },
    };
    return { published, watch: new CalendarCoverageWatch({ read: async () => doc }, publisher, options) };
  };

  it('warns once on a working day within 60 days of the last official day, from 08:00', async () => {
    const { published, watch } = setup();
    expect(await watch.check(chinaTime('2026-12-07', '07:30'))).toBeUndefined(); // Monday, before office
    expect(await watch.check(chinaTime('2026-12-07', '09:00'))).toBe('2026-12-07');
    expect(await watch.check(chinaTime('2026-12-07', '15:00'))).toBeUndefined(); // once a day
    expect(published.map((event) => [event.id, event.data])).toEqual([
      ['calendar-coverage:2026-12-07', { date: '2026-12-07', officialThrough: '2026-12-31', daysLeft: 24, missingYear: 2027 }],
    ]);
    expect(published[0].type).toBe(calendarCoverageWarningV1.type);
    expect(await watch.check(chinaTime('2026-12-08', '08:05'))).toBe('2026-12-08');
  });

  it('stays quiet on weekends, and more than 60 days before the cliff', async () => {
    const { published, watch } = setup();
    expect(await watch.check(chinaTime('2026-12-05', '10:00'))).toBeUndefined(); // Saturday
    expect(await watch.check(chinaTime('2026-10-30', '10:00'))).toBeUndefined(); // 62 days left
    expect(published).toEqual([]);
  });

  it('with CALENDAR_COVERAGE_NOTICE=any-time, warns at the first check of any day, at night and on weekends', async () => {
    const { published, watch } = setup({ officeHoursOnly: false });
    expect(await watch.check(chinaTime('2026-12-05', '03:00'))).toBe('2026-12-05'); // Saturday, at night
    expect(await watch.check(chinaTime('2026-12-05', '10:00'))).toBeUndefined(); // once a day still
    expect(await watch.check(chinaTime('2026-12-08', '00:20'))).toBe('2026-12-08');
    expect(await watch.check(chinaTime('2026-10-30', '10:00'))).toBeUndefined(); // the 60 days still hold
    expect(published.map((event) => event.id)).toEqual(['calendar-coverage:2026-12-05', 'calendar-coverage:2026-12-08']);
  });

  it('with CALENDAR_WARNING_DAYS, warns from that many days before the cliff', async () => {
    const { published, watch } = setup({ officeHoursOnly: true, warningDays: 90 });
    expect(await watch.check(chinaTime('2026-10-01', '10:00'))).toBeUndefined(); // 国庆, and 91 days left
    expect(await watch.check(chinaTime('2026-10-02', '10:00'))).toBeUndefined(); // 90 days left, but 国庆
    expect(await watch.check(chinaTime('2026-10-12', '10:00'))).toBe('2026-10-12'); // Monday, 80 days left
    expect(published.map((event) => event.data)).toEqual([{ date: '2026-10-12', officialThrough: '2026-12-31', daysLeft: 80, missingYear: 2027 }]);
  });

  it('stops once the next year is entered', async () => {
    const entered: CalendarDoc = {
      ...doc,
      years: [{ year: 2027, yearVersion: 1, calendarVersion: 1, arrangement: { year: 2027, holidays: [{ date: '2027-01-01' }], makeUpWorkdays: [] }, enteredAt: new Date(), enteredBy: { userId: 'a', name: 'a', role: 'admin' }, source: 'form' }],
    };
    const published: EventEnvelope[] = [];
    const watch = new CalendarCoverageWatch({ read: async () => entered }, { publish: async (contract, draft) => (published.push(buildEvent(contract, 'grid', draft)), published[0]) });
    expect(await watch.check(chinaTime('2026-12-07', '09:00'))).toBeUndefined();
    expect(published).toEqual([]);
  });
});
