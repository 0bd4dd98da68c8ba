import { readFileSync } from 'node:fs';
import { PACKAGE_YEAR_SCHEDULES } from '@civicflow/domain';
import { InvalidArrangementInput, parseArrangement } from './parse-arrangement';

const chineseDaysFile = (name: string) => readFileSync(require.resolve(`chinese-days/dist/${name}`), 'utf8');
const published2026 = PACKAGE_YEAR_SCHEDULES.get(2026)!;
const datesOf = (entries: readonly { date: string }[]) => entries.map((entry) => entry.date);

describe('importing a year arrangement', () => {
  it('reads the chinese-days JSON (the whole data file), taking the asked year and counting the rest', () => {
    const { arrangement, otherYearDays } = parseArrangement('chinese-days-json', chineseDaysFile('chinese-days.json'), 2026);
    expect(datesOf(arrangement.holidays)).toEqual([...published2026.holidays.keys()].sort());
    expect(datesOf(arrangement.makeUpWorkdays)).toEqual([...published2026.makeUpWorkdays.keys()].sort());
    expect(arrangement.holidays[0]).toEqual({ date: '2026-01-01', name: "元旦 New Year's Day" });
    expect(otherYearDays).toBeGreaterThan(500);
  });

  it('reads chinese-days\' iCalendar feed: 休 ranges become days off, 班 days working days', () => {
    const { arrangement } = parseArrangement('ics', chineseDaysFile('years/2026.ics'), 2026);
    expect(datesOf(arrangement.holidays)).toEqual([...published2026.holidays.keys()].sort());
    expect(datesOf(arrangement.makeUpWorkdays)).toEqual([...published2026.makeUpWorkdays.keys()].sort());
    expect(arrangement.holidays.find((day) => day.date === '2026-10-07')).toEqual({ date: '2026-10-07', name: '国庆节' });
  });

  it('reads a simple CSV with or without a header', () => {
    const csv = 'date,type,name\n2027-01-01,休,元旦\n2027-02-20,班,春节调休\n\n2027-10-01,holiday,国庆节\n';
    expect(parseArrangement('csv', csv, 2027, '  FICTIONAL ').arrangement).toEqual({
      year: 2027,
      holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-10-01', name: '国庆节' }],
      makeUpWorkdays: [{ date: '2027-02-20', name: '春节调休' }],
      note: 'FICTIONAL',
    });
    expect(parseArrangement('csv', '2027-01-01,放假', 2027).arrangement.holidays).toEqual([{ date: '2027-01-01' }]);
  });

  it('reads the form\'s JSON: dates or { date, name }', () => {
    const { arrangement } = parseArrangement('arrangement', { holidays: ['2027-01-01', { date: '2027-10-01', name: '国庆节' }], makeUpWorkdays: [], note: '通知' }, 2027);
    expect(arrangement).toEqual({ year: 2027, holidays: [{ date: '2027-01-01' }, { date: '2027-10-01', name: '国庆节' }], makeUpWorkdays: [], note: '通知' });
  });

  it.each([
    ['csv', '2027-01-01,maybe,元旦', 'line 1', 'type "maybe"'],
    ['csv', 'date,type\n2027-02-30,休', 'line 2', 'not a real date'],
    ['ics', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:元旦\nEND:VEVENT\nEND:VCALENDAR', 'VEVENT 1', 'neither 休'],
    ['ics', 'not a calendar', 'content', 'not valid iCalendar'],
    ['chinese-days-json', '{"holidays": [', 'content', 'not valid JSON'],
    ['chinese-days-json', '{"workdays": {}}', 'content', 'not chinese-days JSON'],
    ['arrangement', { holidays: [{ day: '2027-01-01' }] }, 'holidays[0]', 'a date or { date, name }'],
    ['csv', '2026-01-01,休', 'content', 'no dates of 2027'],
  ] as const)('refuses bad %s input, saying where (%#)', (format, content, field, reason) => {
    let thrown: unknown;
    try {
      parseArrangement(format, content, 2027);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidArrangementInput);
    expect((thrown as InvalidArrangementInput).field).toBe(field);
    expect((thrown as InvalidArrangementInput).en).toContain(reason);
  });
});
