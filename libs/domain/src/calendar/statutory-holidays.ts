import type { Bilingual } from '../shared/bilingual';
import { dateKeyOfChinaDay, isWeekendChinaDay, parseDateKey } from './china-time';
import { lunarNewYearsEveDate, qingmingDate, solarDateOfLunar } from './lunar-dates';

/**
 * 《全国年节及纪念日放假办法》 as amended by the State Council on 2024-11-10 (in force from 2025-01-01), article 2:
 * the holidays of all citizens. The law fixes these days; the State Council's yearly notice (放假安排) only adds
 * how they are joined to weekends (调休). So a year whose notice has not come yet still has a calendar that is
 * right on these days and provisional on the rest.
 */
export const STATUTORY_LAW = {
  zh: '《全国年节及纪念日放假办法》（2024年修订）',
  en: 'Regulations on Public Holidays (as amended in 2024)',
  /** The amended days (春节 4, 劳动节 2) apply from this year on; earlier years followed older texts. */
  inForceFromYear: 2025,
} as const;

export type StatutoryFestival = 'newYear' | 'springFestival' | 'qingming' | 'labourDay' | 'dragonBoat' | 'midAutumn' | 'nationalDay';

/** Names as the chinese-days data spells them (中文 then English), so official and provisional days read alike. */
export const FESTIVALS: Readonly<Record<StatutoryFestival, Bilingual>> = {
  newYear: { zh: '元旦', en: "New Year's Day" },
  springFestival: { zh: '春节', en: 'Spring Festival' },
  qingming: { zh: '清明', en: 'Tomb-sweeping Day' },
  labourDay: { zh: '劳动节', en: 'Labour Day' },
  dragonBoat: { zh: '端午', en: 'Dragon Boat Festival' },
  midAutumn: { zh: '中秋', en: 'Mid-autumn Festival' },
  nationalDay: { zh: '国庆节', en: 'National Day' },
};

const festivalName = (festival: StatutoryFestival) => `${FESTIVALS[festival].zh} ${FESTIVALS[festival].en}`;
const inLieuName = (festival: StatutoryFestival) => `${FESTIVALS[festival].zh}补假 ${FESTIVALS[festival].en} (day in lieu)`;

export interface StatutoryDay {
  readonly date: string;
  readonly festival: StatutoryFestival;
  readonly name: string;
}

/**
 * The 13 statutory days off of a year (article 2): 元旦 1 Jan; 春节 除夕 to 正月初三 (4 days); 清明 the day of the
 * solar term; 劳动节 1–2 May; 端午 五月初五; 中秋 八月十五; 国庆节 1–3 Oct. In date order.
 */
export function statutoryHolidays(year: number): StatutoryDay[] {
  if (!Number.isInteger(year) || year < STATUTORY_LAW.inForceFromYear) {
    throw new RangeError(`statutory holidays are computed from ${STATUTORY_LAW.inForceFromYear} on (the 2024 amendment), not for ${year}`);
  }
  const eve = parseDateKey(lunarNewYearsEveDate(year));
  const days: Array<[string, StatutoryFestival]> = [
    [`${year}-01-01`, 'newYear'],
    ...[0, 1, 2, 3].map((offset): [string, StatutoryFestival] => [dateKeyOfChinaDay(eve + offset), 'springFestival']),
    [qingmingDate(year), 'qingming'],
    [`${year}-05-01`, 'labourDay'],
    [`${year}-05-02`, 'labourDay'],
    [solarDateOfLunar(year, 5, 5), 'dragonBoat'],
    [solarDateOfLunar(year, 8, 15), 'midAutumn'],
    [`${year}-10-01`, 'nationalDay'],
    [`${year}-10-02`, 'nationalDay'],
    [`${year}-10-03`, 'nationalDay'],
  ];
  return days.map(([date, festival]) => ({ date, festival, name: festivalName(festival) })).sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * 补假, article 6: "全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假". The law says that a weekday is given
 * back, not which one; the usual practice (and every year of the current law so far) gives the weekdays right
 * after the holiday. That is the provisional calendar's guess, marked as such: a festival's statutory days that
 * fall on a weekend each add the next free weekday after the festival.
 */
export function daysInLieu(statutory: readonly StatutoryDay[]): StatutoryDay[] {
  const taken = new Set(statutory.map((day) => day.date));
  const inLieu: StatutoryDay[] = [];
  for (const festival of new Set(statutory.map((day) => day.festival))) {
    const festivalDays = statutory.filter((day) => day.festival === festival).map((day) => parseDateKey(day.date));
    const owed = festivalDays.filter(isWeekendChinaDay).length;
    let candidate = Math.max(...festivalDays);
    for (let given = 0; given < owed; ) {
      candidate++;
      const date = dateKeyOfChinaDay(candidate);
      if (isWeekendChinaDay(candidate) || taken.has(date)) continue;
      taken.add(date);
      inLieu.push({ date, festival, name: inLieuName(festival) });
      given++;
    }
  }
  return inLieu.sort((a, b) => a.date.localeCompare(b.date));
}
