import { says } from '@civicflow/contracts';
import { CHINA_UTC_OFFSET_MS, chinaDayOf, dateKeyOfChinaDay, DAY_MS, weekdayOfChinaDay } from '@civicflow/domain';
import { FactRow, has } from './case-fact-days';

/** A half-open period [from, to) of registration instants. */
export interface Period {
  from: Date;
  to: Date;
}

export const DEFAULT_PERIOD_DAYS = 30;
export const MAX_PERIOD_DAYS = 366;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A period from the query: ISO instants are taken as they are ([from, to)); plain dates ('2026-11-01') are
 * whole China days, both ends inclusive. Without `to`, now; without `from`, 30 days before `to`.
 * Returns an error reason for the field that is wrong.
 */
const NOT_A_BOUND = says('须为 ISO 日期时间或 YYYY-MM-DD 日期', 'must be an ISO date-time or a YYYY-MM-DD date');

export function parsePeriod(from: string | undefined, to: string | undefined, now = new Date()):
  { ok: true; period: Period } | { ok: false; field: 'from' | 'to'; reason: string } {
  const end = to === undefined ? now : parseBound(to, 'end');
  if (!end) return { ok: false, field: 'to', reason: NOT_A_BOUND };
  const start = from === undefined ? new Date(end.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS) : parseBound(from, 'start');
  if (!start) return { ok: false, field: 'from', reason: NOT_A_BOUND };
  if (start.getTime() >= end.getTime()) return { ok: false, field: 'from', reason: says('须早于 to', 'must be before to') };
  if (end.getTime() - start.getTime() > MAX_PERIOD_DAYS * DAY_MS) return { ok: false, field: 'from', reason: says(`统计时段不得超过 ${MAX_PERIOD_DAYS} 天`, `the period may span at most ${MAX_PERIOD_DAYS} days`) };
  return { ok: true, period: { from: start, to: end } };
}

function parseBound(text: string, side: 'start' | 'end'): Date | undefined {
  if (DATE_ONLY.test(text)) {
    const utcMidnight = Date.parse(`${text}T00:00:00.000Z`);
    if (Number.isNaN(utcMidnight) || new Date(utcMidnight).toISOString().slice(0, 10) !== text) return undefined;
    const chinaMidnight = utcMidnight - CHINA_UTC_OFFSET_MS;
    return new Date(side === 'start' ? chinaMidnight : chinaMidnight + DAY_MS);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** The China calendar month (YYYY-MM) as a period: from its first China day to the next month's. */
export function monthPeriod(month: string): Period | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return undefined;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  if (index < 0 || index > 11) return undefined;
  return { from: new Date(Date.UTC(year, index, 1) - CHINA_UTC_OFFSET_MS), to: new Date(Date.UTC(year, index + 1, 1) - CHINA_UTC_OFFSET_MS) };
}

/** The month (YYYY-MM) a period is, when it is exactly one China calendar month. */
export function monthOf(period: Period): string | undefined {
  const key = dateKeyOfChinaDay(chinaDayOf(period.from)).slice(0, 7);
  const month = monthPeriod(key);
  return month && month.from.getTime() === period.from.getTime() && month.to.getTime() === period.to.getTime() ? key : undefined;
}

/** 环比: the period just before — the month before for a calendar month, else the same length right before. */
export function previousPeriodOf(period: Period): Period {
  const month = monthOf(period);
  if (month) {
    const lastDayBefore = chinaDayOf(period.from) - 1;
    return monthPeriod(dateKeyOfChinaDay(lastDayBefore).slice(0, 7))!;
  }
  const length = period.to.getTime() - period.from.getTime();
  return { from: new Date(period.from.getTime() - length), to: new Date(period.from.getTime()) };
}

export type TrendInterval = 'day' | 'week';

export interface TrendPoint {
  /** first China day of the bucket, YYYY-MM-DD (weeks start on Monday) */
  bucket: string;
  /** cases registered in the bucket */
  cases: number;
  /** of those, resolved now */
  resolved: number;
  /** of those, any window ever breached */
  breached: number;
}

function bucketDay(chinaDay: number, interval: TrendInterval): number {
  if (interval === 'day') return chinaDay;
  return chinaDay - ((weekdayOfChinaDay(chinaDay) + 6) % 7); // back to Monday
}

/** Every bucket of the period in China time, empty ones included, oldest first. Merged duplicates are left out. */
export function trendOf(rows: readonly FactRow[], period: Period, interval: TrendInterval): TrendPoint[] {
  const first = bucketDay(chinaDayOf(period.from), interval);
  const last = bucketDay(chinaDayOf(period.to.getTime() - 1), interval);
  const step = interval === 'day' ? 1 : 7;
  const points = new Map<number, TrendPoint>();
  for (let day = first; day <= last; day += step) points.set(day, { bucket: dateKeyOfChinaDay(day), cases: 0, resolved: 0, breached: 0 });
  for (const row of rows) {
    if (has(row, 'merged')) continue;
    const point = points.get(bucketDay(chinaDayOf(row.registeredAt), interval));
    if (!point) continue;
    point.cases += 1;
    if (has(row, 'resolved')) point.resolved += 1;
    if (has(row, 'everBreached')) point.breached += 1;
  }
  return [...points.values()];
}

