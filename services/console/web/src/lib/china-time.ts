// China time (北京时间, UTC+8 all year, no daylight saving): every time on screen is shown in it whatever the
// browser's own zone, and periods are China days — what the services count in.
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const ymdFormat = new Intl.DateTimeFormat('en-CA', { timeZone: CHINA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The China day of an instant: YYYY-MM-DD. */
export function chinaDay(at: Date | number): string {
  return ymdFormat.format(at);
}

/** The first instant of a China day as an ISO time with its offset: 2026-12-07 → 2026-12-07T00:00:00+08:00. */
export function chinaDayStart(day: string): string {
  return `${day}T00:00:00+08:00`;
}

/** A China day `n` days after (or before) another. */
export function addChinaDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** An inclusive period of China days as instants: from the first day's start to the day after the last (exclusive). */
export function chinaPeriodInstants(period: { from: string; to: string }): { from: string; to: string } {
  return { from: chinaDayStart(period.from), to: chinaDayStart(addChinaDays(period.to, 1)) };
}
