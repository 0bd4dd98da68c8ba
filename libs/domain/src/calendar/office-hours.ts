import { InvalidOfficeHours } from './calendar-errors';
import { dateKeyOfChinaDay, tryParseTimeOfDay } from './china-time';

type SegmentsConfig = ReadonlyArray<{ readonly start: string; readonly end: string }>;

/**
 * Office hours as an administrator writes them, China local wall-clock times 'HH:MM'. `seasons` change them for
 * part of every year (夏季作息 summer hours, e.g. from '05-01' to '09-30'; a season may run over the new year,
 * '11-15' to '03-15'); the other days keep `segments`.
 */
export interface OfficeHoursConfig {
  readonly segments: SegmentsConfig;
  readonly seasons?: ReadonlyArray<{ readonly name?: string; readonly from: string; readonly to: string; readonly segments: SegmentsConfig }>;
}

export type OfficeSegments = ReadonlyArray<{ readonly startMs: number; readonly endMs: number }>;

/** Parsed office hours: segments as milliseconds after local midnight, sorted and disjoint. */
export interface OfficeHours {
  readonly segments: OfficeSegments;
  /**
   * Length of one working day (一个工作日) in this jurisdiction: the length of its ordinary (non-seasonal) day,
   * so "3 working days" means the same allowance all year; a shorter summer day only spreads it over more days.
   */
  readonly workingDayMs: number;
  /** The segments of a China day: its season's, else the ordinary ones. */
  segmentsOn(chinaDay: number): OfficeSegments;
}

/** 上午 09:00–12:00，下午 13:30–17:30: a 7-hour working day, common for street and community offices. */
export const DEFAULT_OFFICE_HOURS: OfficeHoursConfig = {
  segments: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
};

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function parseOfficeHours(config: OfficeHoursConfig): OfficeHours {
  const segments = parseSegments(config?.segments, '');
  const seasons = (config?.seasons ?? []).map((season, index) => {
    const label = `夏令/季节时段 ${index + 1}${season?.name ? `（${season.name}）` : ''}`;
    const labelEn = `season ${index + 1}${season?.name ? ` (${season.name})` : ''}`;
    const from = monthDay(season?.from);
    const to = monthDay(season?.to);
    if (from === undefined || to === undefined) {
      throw new InvalidOfficeHours(`${label} 的起止日期须为 MM-DD`, `${labelEn}: from and to must be real MM-DD dates`);
    }
    return { from: season.from, to: season.to, segments: parseSegments(season.segments, `${label}：`, `${labelEn}: `) };
  });
  assertSeasonsDisjoint(seasons);
  const workingDayMs = lengthOf(segments);
  if (seasons.length === 0) return { segments, workingDayMs, segmentsOn: () => segments };
  return {
    segments,
    workingDayMs,
    segmentsOn: (chinaDay) => {
      const md = dateKeyOfChinaDay(chinaDay).slice(5);
      return seasons.find((season) => within(md, season.from, season.to))?.segments ?? segments;
    },
  };
}

function parseSegments(configured: SegmentsConfig | undefined, prefixZh: string, prefixEn = ''): OfficeSegments {
  const list = configured ?? [];
  if (list.length === 0) throw new InvalidOfficeHours(`${prefixZh}至少需要一个办公时段`, `${prefixEn}at least one segment is required`);
  const segments = list.map(({ start, end }, index) => {
    const startMs = tryParseTimeOfDay(start);
    const endMs = tryParseTimeOfDay(end);
    if (startMs === undefined || endMs === undefined) {
      throw new InvalidOfficeHours(`${prefixZh}第 ${index + 1} 个时段 ${start}–${end} 不是 HH:MM 格式`, `${prefixEn}segment ${index + 1} ${start}–${end} is not in HH:MM form`);
    }
    if (endMs <= startMs) {
      throw new InvalidOfficeHours(`${prefixZh}第 ${index + 1} 个时段 ${start}–${end} 结束早于开始`, `${prefixEn}segment ${index + 1} ${start}–${end} ends before it starts`);
    }
    return { startMs, endMs };
  });
  for (let i = 1; i < segments.length; i++) {
    if (segments[i].startMs < segments[i - 1].endMs) {
      throw new InvalidOfficeHours(`${prefixZh}第 ${i + 1} 个时段与前一时段重叠或顺序颠倒`, `${prefixEn}segment ${i + 1} overlaps or precedes the one before it`);
    }
  }
  return segments;
}

const lengthOf = (segments: OfficeSegments) => segments.reduce((sum, segment) => sum + segment.endMs - segment.startMs, 0);

function monthDay(value: unknown): string | undefined {
  const match = typeof value === 'string' ? MONTH_DAY.exec(value) : null;
  if (!match) return undefined;
  const [month, day] = [Number(match[1]), Number(match[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1] ? value as string : undefined;
}

/** 'MM-DD' within [from, to], inclusive; a span whose `to` comes before `from` runs over the new year. */
function within(md: string, from: string, to: string): boolean {
  return from <= to ? md >= from && md <= to : md >= from || md <= to;
}

function assertSeasonsDisjoint(seasons: ReadonlyArray<{ from: string; to: string }>): void {
  for (let month = 1; month <= 12; month++) {
    for (let day = 1; day <= DAYS_IN_MONTH[month - 1]; day++) {
      const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const holding = seasons.filter((season) => within(md, season.from, season.to));
      if (holding.length > 1) throw new InvalidOfficeHours(`季节时段在 ${md} 重叠`, `seasons overlap on ${md}`);
    }
  }
}
