import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { type DayEntry, DomainError, tryParseDateKey, type YearArrangement } from '@civicflow/domain';

/**
 * The shapes a year's arrangement can be brought in: typed in the console's form (`arrangement`: JSON with dates
 * or { date, name } entries), or imported from a file — the chinese-days data (`chinese-days-json`, its
 * dist/chinese-days.json or years/<year>.json), an iCalendar feed (`ics`, e.g. chinese-days' holidays.ics:
 * all-day events "元旦(休)" / "元旦(班)"), or a simple CSV (`csv`: date,type,name with type 休/放假/holiday or
 * 班/上班/workday). Multi-year files give the requested year's days; the rest are counted, not lost silently.
 */
export const ARRANGEMENT_FORMATS = ['arrangement', 'chinese-days-json', 'ics', 'csv'] as const;
export type ArrangementFormat = (typeof ARRANGEMENT_FORMATS)[number];

export interface ParsedArrangement {
  arrangement: YearArrangement;
  /** Days in the file that belong to other years. */
  otherYearDays: number;
}

/** The file or form cannot be read as an arrangement; `field` and the bilingual reason say where and why. */
export class InvalidArrangementInput extends DomainError {
  constructor(
    readonly field: string,
    reasonZh: string,
    reasonEn: string,
  ) {
    super('INVALID_ARRANGEMENT_INPUT', `${field}：${reasonZh}`, `${field}: ${reasonEn}`);
  }
}

const HOLIDAY_WORDS = new Set(['休', '放假', '假', 'holiday', 'off', 'rest']);
const WORKDAY_WORDS = new Set(['班', '上班', '调休上班', '补班', 'workday', 'work', 'makeup', 'make-up']);

export function parseArrangement(format: ArrangementFormat, content: unknown, year: number, note?: string): ParsedArrangement {
  const days = readDays(format, content);
  const holidays = new Map<string, DayEntry>();
  const makeUpWorkdays = new Map<string, DayEntry>();
  let otherYearDays = 0;
  for (const day of days) {
    if (tryParseDateKey(day.date) === undefined) throw new InvalidArrangementInput(day.where, `${JSON.stringify(day.date)} 不是有效日期（YYYY-MM-DD）`, `${JSON.stringify(day.date)} is not a real date (YYYY-MM-DD)`);
    if (Number(day.date.slice(0, 4)) !== year) {
      otherYearDays++;
      continue;
    }
    const target = day.working ? makeUpWorkdays : holidays;
    const entry = { date: day.date, ...(day.name ? { name: day.name } : {}) };
    if (!target.has(day.date)) target.set(day.date, entry);
  }
  if (holidays.size === 0 && makeUpWorkdays.size === 0) {
    throw new InvalidArrangementInput('content', `没有 ${year} 年的日期`, `no dates of ${year} in it`);
  }
  const byDate = (a: DayEntry, b: DayEntry) => a.date.localeCompare(b.date);
  const fileNote = typeof (content as { note?: unknown })?.note === 'string' ? (content as { note: string }).note : undefined;
  const chosenNote = note?.trim() || fileNote?.trim();
  return {
    arrangement: { year, holidays: [...holidays.values()].sort(byDate), makeUpWorkdays: [...makeUpWorkdays.values()].sort(byDate), ...(chosenNote ? { note: chosenNote } : {}) },
    otherYearDays,
  };
}

interface RawDay {
  date: string;
  working: boolean;
  name?: string;
  /** where it came from, for errors: a field path or a line */
  where: string;
}

function readDays(format: ArrangementFormat, content: unknown): RawDay[] {
  switch (format) {
    case 'arrangement':
      return arrangementDays(asObject(content));
    case 'chinese-days-json':
      return chineseDaysDays(asObject(typeof content === 'string' ? parseJson(content) : content));
    case 'ics':
      return icsDays(asText(content));
    case 'csv':
      return csvDays(asText(content));
  }
}

function arrangementDays(content: Record<string, unknown>): RawDay[] {
  const list = (field: 'holidays' | 'makeUpWorkdays', working: boolean): RawDay[] => {
    const value = content[field] ?? [];
    if (!Array.isArray(value)) throw new InvalidArrangementInput(field, '必须是数组', 'must be an array');
    return value.map((item: unknown, index) => {
      const where = `${field}[${index}]`;
      if (typeof item === 'string') return { date: item, working, where };
      const entry = (item ?? {}) as { date?: unknown; name?: unknown };
      if (typeof entry.date !== 'string') throw new InvalidArrangementInput(where, '须为日期或 { date, name }', 'must be a date or { date, name }');
      if (entry.name !== undefined && typeof entry.name !== 'string') throw new InvalidArrangementInput(`${where}.name`, '须为文字', 'must be text');
      return { date: entry.date, working, where, ...(typeof entry.name === 'string' && entry.name.trim() ? { name: entry.name.trim() } : {}) };
    });
  };
  return [...list('holidays', false), ...list('makeUpWorkdays', true)];
}

/** chinese-days: { holidays: { 'YYYY-MM-DD': 'English,中文,n' }, workdays: { … }, inLieuDays: { … } }. */
function chineseDaysDays(content: Record<string, unknown>): RawDay[] {
  const map = (field: 'holidays' | 'workdays', working: boolean): RawDay[] => {
    const value = content[field] ?? {};
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidArrangementInput(field, '须为 日期 → "English,中文,天数" 的对象', 'must be an object of date → "English,中文,days"');
    return Object.entries(value as Record<string, unknown>).map(([date, raw]) => {
      const [en, zh] = typeof raw === 'string' ? raw.split(',') : [];
      return { date, working, where: `${field}.${date}`, ...(zh && en ? { name: `${zh} ${en}` } : typeof raw === 'string' && raw ? { name: raw } : {}) };
    });
  };
  if (!('holidays' in content)) throw new InvalidArrangementInput('content', '不是 chinese-days 的 JSON（缺少 holidays）', 'is not chinese-days JSON (no holidays)');
  return [...map('holidays', false), ...map('workdays', true)];
}

/** All-day events; "(休)"/"休" marks days off, "(班)"/"班" working days (as chinese-days' feed writes them). */
function icsDays(text: string): RawDay[] {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    throw new InvalidArrangementInput('content', `不是有效的 iCalendar：${message(error)}`, `is not valid iCalendar: ${message(error)}`);
  }
  const days: RawDay[] = [];
  calendar.getAllSubcomponents('vevent').forEach((component, index) => {
    const event = new ICAL.Event(component);
    const summary = (event.summary ?? '').trim();
    const description = String(component.getFirstPropertyValue('description') ?? '').trim();
    const apple = String(component.getFirstPropertyValue('x-apple-special-day') ?? '').toUpperCase();
    const marker = /[(（]\s*(休|班)\s*[)）]\s*$/.exec(summary)?.[1] ?? (description === '休' || description === '班' ? description : undefined);
    const working = marker === '班' || apple === 'ALTERNATE-WORKDAY' ? true : marker === '休' || apple === 'WORK-HOLIDAY' ? false : undefined;
    if (working === undefined) throw new InvalidArrangementInput(`VEVENT ${index + 1}`, `“${summary}” 未标明休或班`, `"${summary}" says neither 休 (day off) nor 班 (working day)`);
    if (!event.startDate?.isDate) throw new InvalidArrangementInput(`VEVENT ${index + 1}`, '须为全天事件', 'must be an all-day event');
    const name = summary.replace(/[(（]\s*(休|班)\s*[)）]\s*$/, '').trim();
    const start = event.startDate.clone();
    const end = event.endDate && event.endDate.compare(start) > 0 ? event.endDate : start.clone().adjust(1, 0, 0, 0);
    for (const day = start; day.compare(end) < 0; day.adjust(1, 0, 0, 0)) {
      days.push({ date: day.toString().slice(0, 10), working, where: `VEVENT ${index + 1}`, ...(name ? { name } : {}) });
    }
  });
  return days;
}

/** date,type,name — a header line is optional; 休/放假/holiday or 班/上班/workday. */
function csvDays(text: string): RawDay[] {
  let rows: string[][];
  try {
    const parsed: string[][] = parseCsv(text, { trim: true, skip_empty_lines: true, relax_column_count: true, bom: true });
    rows = parsed;
  } catch (error) {
    throw new InvalidArrangementInput('content', `不是有效的 CSV：${message(error)}`, `is not valid CSV: ${message(error)}`);
  }
  const first = rows[0]?.map((cell) => cell.toLowerCase()) ?? [];
  const header = first.includes('date') || first.includes('日期');
  return rows.slice(header ? 1 : 0).map((row, index) => {
    const where = `line ${index + (header ? 2 : 1)}`;
    const [date = '', type = '', name = ''] = row;
    const word = type.toLowerCase();
    const working = WORKDAY_WORDS.has(word) ? true : HOLIDAY_WORDS.has(word) ? false : undefined;
    if (working === undefined) throw new InvalidArrangementInput(where, `类型 “${type}” 须为 休/放假/holiday 或 班/上班/workday`, `type "${type}" must be 休/放假/holiday or 班/上班/workday`);
    return { date, working, where, ...(name ? { name } : {}) };
  });
}

function asObject(content: unknown): Record<string, unknown> {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) throw new InvalidArrangementInput('content', '须为 JSON 对象', 'must be a JSON object');
  return content as Record<string, unknown>;
}

function asText(content: unknown): string {
  if (typeof content !== 'string' || !content.trim()) throw new InvalidArrangementInput('content', '须为文件的文本内容', 'must be the text of the file');
  return content;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidArrangementInput('content', `不是有效的 JSON：${message(error)}`, `is not valid JSON: ${message(error)}`);
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
