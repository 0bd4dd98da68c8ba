import { Lunar, Solar } from 'lunar-typescript';
import { dateKeyOfChinaDay, parseDateKey } from './china-time';

/**
 * The lunar (农历) and solar-term (节气) dates the public holidays hang on, from lunar-typescript (6tail's
 * 寿星万年历 port: astronomical new moons and solar terms in Beijing time). Exact for the years CivicFlow needs;
 * pinned in package.json so a library update cannot move a holiday silently.
 */

/** 'YYYY-MM-DD' of a lunar date of the lunar year that begins in Gregorian `lunarYear` (not a leap month). */
export function solarDateOfLunar(lunarYear: number, lunarMonth: number, lunarDay: number): string {
  return Lunar.fromYmd(lunarYear, lunarMonth, lunarDay).getSolar().toYmd();
}

/** 春节: the first day of the first lunar month falling in the Gregorian year. */
export function springFestivalDate(year: number): string {
  return solarDateOfLunar(year, 1, 1);
}

/** 除夕: the last day of the lunar year, i.e. the day before 春节 (the 29th or 30th of the twelfth month). */
export function lunarNewYearsEveDate(year: number): string {
  return dateKeyOfChinaDay(parseDateKey(springFestivalDate(year)) - 1);
}

/** 清明: the day of the solar term Qingming (sun at 15°) in the Gregorian year, 4–6 April. */
export function qingmingDate(year: number): string {
  // the table of the lunar year holding 1 April lists that spring's terms, 清明 among them
  const term = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()['清明'];
  return term.toYmd();
}

