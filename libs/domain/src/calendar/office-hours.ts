import { InvalidOfficeHours } from './calendar-errors';
import { tryParseTimeOfDay } from './china-time';

/** Office hours as an administrator writes them, China local wall-clock times 'HH:MM'. */
export interface OfficeHoursConfig {
  readonly segments: ReadonlyArray<{ readonly start: string; readonly end: string }>;
}

/** Parsed office hours: segments as milliseconds after local midnight, sorted and disjoint. */
export interface OfficeHours {
  readonly segments: ReadonlyArray<{ readonly startMs: number; readonly endMs: number }>;
  /** Length of one working day (一个工作日) in this jurisdiction. */
  readonly workingDayMs: number;
}

/** 上午 09:00–12:00，下午 13:30–17:30: a 7-hour working day, common for street and community offices. */
export const DEFAULT_OFFICE_HOURS: OfficeHoursConfig = {
  segments: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
};

export function parseOfficeHours(config: OfficeHoursConfig): OfficeHours {
  const configured: OfficeHoursConfig['segments'] = config?.segments ?? [];
  if (configured.length === 0) throw new InvalidOfficeHours('至少需要一个办公时段', 'at least one segment is required');
  const segments = configured.map(({ start, end }, index) => {
    const startMs = tryParseTimeOfDay(start);
    const endMs = tryParseTimeOfDay(end);
    if (startMs === undefined || endMs === undefined) {
      throw new InvalidOfficeHours(`第 ${index + 1} 个时段 ${start}–${end} 不是 HH:MM 格式`, `segment ${index + 1} ${start}–${end} is not in HH:MM form`);
    }
    if (endMs <= startMs) {
      throw new InvalidOfficeHours(`第 ${index + 1} 个时段 ${start}–${end} 结束早于开始`, `segment ${index + 1} ${start}–${end} ends before it starts`);
    }
    return { startMs, endMs };
  });
  for (let i = 1; i < segments.length; i++) {
    if (segments[i].startMs < segments[i - 1].endMs) {
      throw new InvalidOfficeHours(`第 ${i + 1} 个时段与前一时段重叠或顺序颠倒`, `segment ${i + 1} overlaps or precedes the one before it`);
    }
  }
  const workingDayMs = segments.reduce((sum, segment) => sum + segment.endMs - segment.startMs, 0);
  return { segments, workingDayMs };
}
