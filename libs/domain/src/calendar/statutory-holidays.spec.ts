import { parseDateKey } from './china-time';
import { createHolidaySchedule } from './holiday-schedule';
import { lunarNewYearsEveDate, qingmingDate, solarDateOfLunar, springFestivalDate } from './lunar-dates';
import { PACKAGE_YEAR_SCHEDULES } from './package-holiday-data';
import { daysInLieu, statutoryHolidays } from './statutory-holidays';

describe('statutory holidays (《全国年节及纪念日放假办法》, 2024 amendment)', () => {
  it.each([2025, 2026])('computes 13 days for %i, every one a day off in the published arrangement of that year', (year) => {
    const statutory = statutoryHolidays(year);
    expect(statutory).toHaveLength(13);
    const published = PACKAGE_YEAR_SCHEDULES.get(year)!.holidays;
    expect(statutory.filter((day) => !published.has(day.date))).toEqual([]);
  });

  it.each([2025, 2026])('gives days in lieu (补假) for %i that are days off in the published arrangement too', (year) => {
    const published = PACKAGE_YEAR_SCHEDULES.get(year)!.holidays;
    const inLieu = daysInLieu(statutoryHolidays(year));
    expect(inLieu.length).toBeGreaterThan(0);
    expect(inLieu.filter((day) => !published.has(day.date))).toEqual([]);
  });

  it('lists 2026 exactly', () => {
    expect(statutoryHolidays(2026).map((day) => `${day.date} ${day.festival}`)).toEqual([
      '2026-01-01 newYear',
      '2026-02-16 springFestival', // 除夕
      '2026-02-17 springFestival',
      '2026-02-18 springFestival',
      '2026-02-19 springFestival',
      '2026-04-05 qingming',
      '2026-05-01 labourDay',
      '2026-05-02 labourDay',
      '2026-06-19 dragonBoat',
      '2026-09-25 midAutumn',
      '2026-10-01 nationalDay',
      '2026-10-02 nationalDay',
      '2026-10-03 nationalDay',
    ]);
    // 清明 Sunday 04-05 → Monday 04-06; 劳动节 Saturday 05-02 → Monday 05-04; 国庆 Saturday 10-03 → Monday 10-05
    expect(daysInLieu(statutoryHolidays(2026)).map((day) => day.date)).toEqual(['2026-04-06', '2026-05-04', '2026-10-05']);
  });

  it('does not apply the amended law to years before it', () => {
    expect(() => statutoryHolidays(2024)).toThrow(RangeError);
  });
});

describe('lunar and solar-term dates (lunar-typescript)', () => {
  // 除夕, 春节, 清明, 端午, 中秋 as printed in the published almanacs (万年历) for 2027–2030.
  it.each([
    [2027, '2027-02-05', '2027-02-06', '2027-04-05', '2027-06-09', '2027-09-15'],
    [2028, '2028-01-25', '2028-01-26', '2028-04-04', '2028-05-28', '2028-10-03'],
    [2029, '2029-02-12', '2029-02-13', '2029-04-04', '2029-06-16', '2029-09-22'],
    [2030, '2030-02-02', '2030-02-03', '2030-04-05', '2030-06-05', '2030-09-12'],
  ])('%i: 除夕 %s, 春节 %s, 清明 %s, 端午 %s, 中秋 %s', (year, eve, newYear, qingming, dragonBoat, midAutumn) => {
    expect(lunarNewYearsEveDate(year)).toBe(eve);
    expect(springFestivalDate(year)).toBe(newYear);
    expect(qingmingDate(year)).toBe(qingming);
    expect(solarDateOfLunar(year, 5, 5)).toBe(dragonBoat);
    expect(solarDateOfLunar(year, 8, 15)).toBe(midAutumn);
  });

  it('agrees with every official arrangement since 清明, 端午 and 中秋 became holidays (2008–2026)', () => {
    // a day off in the arrangement (the package leaves out some holidays that fall on a weekend, e.g. 端午 2012-06-23)
    const official = createHolidaySchedule(undefined, { provisional: false });
    const misses: string[] = [];
    for (let year = 2008; year <= 2026; year++) {
      for (const [festival, date] of Object.entries({ 春节: springFestivalDate(year), 清明: qingmingDate(year), 端午: solarDateOfLunar(year, 5, 5), 中秋: solarDateOfLunar(year, 8, 15) })) {
        if (official.isWorkingDay(parseDateKey(date))) misses.push(`${year} ${festival} ${date}`);
      }
    }
    expect(misses).toEqual([]);
  });
});
