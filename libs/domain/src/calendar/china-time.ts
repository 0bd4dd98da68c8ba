/**
 * China wall-clock arithmetic with a fixed +08:00 offset. China has observed no daylight saving time since
 * 1991, so a constant offset is exact, and it keeps this code free of Intl and time-zone databases (which a
 * Temporal workflow sandbox may not have, and whose versions differ between machines).
 *
 * A "China day" is counted as whole days since 1970-01-01 in China local time.
 */

/** An instant in time: UTC milliseconds since the epoch, or a Date. Functions return milliseconds. */
export type Instant = number | Date;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const CHINA_UTC_OFFSET_MS = 8 * HOUR_MS;

const DATE_KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

export function toEpochMs(instant: Instant): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`Not a valid instant: ${String(instant)}`);
  return ms;
}

/** The China day that contains the instant. */
export function chinaDayOf(instant: Instant): number {
  return Math.floor((toEpochMs(instant) + CHINA_UTC_OFFSET_MS) / DAY_MS);
}

/** The UTC instant of 00:00 China time on the given China day. */
export function startOfChinaDay(chinaDay: number): number {
  return chinaDay * DAY_MS - CHINA_UTC_OFFSET_MS;
}

/** 'YYYY-MM-DD' of a China day. */
export function dateKeyOfChinaDay(chinaDay: number): string {
  return new Date(chinaDay * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar year of a China day. */
export function yearOfChinaDay(chinaDay: number): number {
  return new Date(chinaDay * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfChinaDay(chinaDay: number): number {
  return (((chinaDay + 4) % 7) + 7) % 7;
}

export function isWeekendChinaDay(chinaDay: number): boolean {
  const weekday = weekdayOfChinaDay(chinaDay);
  return weekday === 0 || weekday === 6;
}

/** Parses 'YYYY-MM-DD' into a China day, or returns undefined when it is not a real calendar date. */
export function tryParseDateKey(dateKey: string): number | undefined {
  const match = DATE_KEY_PATTERN.exec(dateKey);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const epochMs = Date.UTC(year, month - 1, day);
  const chinaDay = epochMs / DAY_MS;
  // Date.UTC rolls 02-30 over into March; a real date survives the round trip unchanged.
  return dateKeyOfChinaDay(chinaDay) === dateKey ? chinaDay : undefined;
}

export function parseDateKey(dateKey: string): number {
  const chinaDay = tryParseDateKey(dateKey);
  if (chinaDay === undefined) throw new RangeError(`Not a real date in YYYY-MM-DD form: '${dateKey}'`);
  return chinaDay;
}

/** Parses 'HH:MM' (00:00–24:00) into milliseconds after local midnight, or undefined when malformed. */
export function tryParseTimeOfDay(time: string): number | undefined {
  const match = TIME_PATTERN.exec(time);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return hours * HOUR_MS + minutes * MINUTE_MS;
}

/** The UTC instant of a China wall-clock time, e.g. chinaTime('2025-10-09', '09:00'). */
export function chinaTime(dateKey: string, time = '00:00'): number {
  const offset = tryParseTimeOfDay(time);
  if (offset === undefined) throw new RangeError(`Not a time in HH:MM form: '${time}'`);
  return startOfChinaDay(parseDateKey(dateKey)) + offset;
}

/** China wall-clock reading of an instant: date 'YYYY-MM-DD' and time 'HH:MM:SS.mmm'. */
export function toChinaWallClock(instant: Instant): { date: string; time: string } {
  const iso = new Date(toEpochMs(instant) + CHINA_UTC_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 23) };
}
