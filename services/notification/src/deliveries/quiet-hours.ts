import { CHINA_UTC_OFFSET_MS, chinaDayOf, DAY_MS, MINUTE_MS, startOfChinaDay } from '@civicflow/domain';

/** A daily window in China wall-clock minutes; start > end means it crosses midnight (22:00–07:00). */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

/** Parses NOTIFICATION_QUIET_HOURS ('22:00-07:00' or 'off'); an empty window (start = end) means off. */
export function parseQuietHours(text: string): QuietHours | undefined {
  if (text === 'off') return undefined;
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`quiet hours must look like 22:00-07:00 or be off: '${text}'`);
  const [startH, startM, endH, endM] = match.slice(1).map(Number);
  const window = { startMinute: startH * 60 + startM, endMinute: endH * 60 + endM };
  return window.startMinute === window.endMinute ? undefined : window;
}

/**
 * When the quiet window that contains `at` ends (China time), or undefined when `at` is outside it.
 * China keeps one offset all year (no daylight saving since 1991), so minute arithmetic on +08:00 is exact.
 */
export function quietUntil(at: Date, window: QuietHours | undefined): Date | undefined {
  if (!window) return undefined;
  const day = chinaDayOf(at);
  const minute = Math.floor((at.getTime() + CHINA_UTC_OFFSET_MS - day * DAY_MS) / MINUTE_MS);
  const { startMinute, endMinute } = window;
  const endOn = (chinaDay: number) => new Date(startOfChinaDay(chinaDay) + endMinute * MINUTE_MS);
  if (startMinute < endMinute) {
    return minute >= startMinute && minute < endMinute ? endOn(day) : undefined;
  }
  if (minute >= startMinute) return endOn(day + 1); // the evening part: ends tomorrow morning
  if (minute < endMinute) return endOn(day); // the early-morning part: ends this morning
  return undefined;
}
