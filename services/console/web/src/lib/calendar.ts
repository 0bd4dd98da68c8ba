// The calendar page's pure helpers: the form's lines ⇄ an arrangement, and a year's days laid out by month.

export interface DayEntry {
  date: string;
  name?: string;
}

export interface YearArrangement {
  year: number;
  holidays: DayEntry[];
  makeUpWorkdays: DayEntry[];
  note?: string;
}

/** "2027-01-01 元旦" per line (name optional; blank lines skipped); what is not a date is sent as is for the server to refuse. */
export function entriesOf(lines: string): DayEntry[] {
  return lines
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [date, ...rest] = line.split(/[\s,，\t]+/);
      const name = rest.join(' ').trim();
      return name ? { date, name } : { date };
    });
}

export function arrangementFromLines(holidayLines: string, workdayLines: string): { holidays: DayEntry[]; makeUpWorkdays: DayEntry[] } {
  return { holidays: entriesOf(holidayLines), makeUpWorkdays: entriesOf(workdayLines) };
}

export function linesOf(entries: readonly DayEntry[]): string {
  return entries.map((entry) => (entry.name ? `${entry.date} ${entry.name}` : entry.date)).join('\n');
}

export interface MonthGrid<D extends { date: string }> {
  /** 'YYYY-MM' */
  month: string;
  /** Monday-first week rows flattened: null before the 1st */
  cells: Array<D | null>;
}

/** Days (in date order) grouped by month, each month padded so its 1st falls under its weekday (Monday first). */
export function monthsOf<D extends { date: string }>(days: readonly D[]): Array<MonthGrid<D>> {
  const months: Array<MonthGrid<D>> = [];
  for (const day of days) {
    const month = day.date.slice(0, 7);
    let current = months.at(-1);
    if (current?.month !== month) {
      const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
      current = { month, cells: Array<D | null>((weekday + 6) % 7).fill(null) };
      months.push(current);
    }
    current.cells.push(day);
  }
  return months;
}
