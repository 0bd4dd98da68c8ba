import { type ArrangementDiff, checkYearArrangement, diffArrangement, InvalidCalendarOverride, type YearArrangement } from '@civicflow/domain';
import { fieldOf } from '../calendar-errors';
import type { CalendarDoc } from '../calendar.schema';
import { CalendarStore } from '../calendar.store';
import { type ArrangementFormat, parseArrangement } from '../import/parse-arrangement';

export interface ArrangementInput {
  format: ArrangementFormat;
  content: unknown;
  note?: string;
}

export interface YearPreview {
  year: number;
  arrangement: YearArrangement;
  /** the year's version the preview was made against (0: never entered here); send it back to save */
  baseYearVersion: number;
  otherYearDays: number;
  diff: ArrangementDiff;
  /** what saving would refuse (empty: it may be saved) */
  problems: Array<{ field: string; reason: string }>;
}

/**
 * 预览: reads the administrator's input (typed or imported), checks it against the law, and shows the difference
 * from what the calendar answers for the year today — the provisional calendar, or the arrangement in force.
 * Nothing is saved. Entering the year runs the same steps and refuses what this lists as problems.
 */
export class PreviewYearArrangementUseCase {
  constructor(private readonly store: CalendarStore) {}

  async execute(year: number, input: ArrangementInput): Promise<YearPreview> {
    return this.prepare(await this.store.read(), year, input);
  }

  /** The preview against a given state of the calendar (the enter use case saves against the same state). */
  prepare(doc: CalendarDoc, year: number, input: ArrangementInput): YearPreview {
    const { arrangement, otherYearDays } = parseArrangement(input.format, input.content, year, input.note);
    const problems: YearPreview['problems'] = [];
    try {
      checkYearArrangement(arrangement);
    } catch (error) {
      if (!(error instanceof InvalidCalendarOverride)) throw error;
      problems.push({ field: fieldOf(error.entry), reason: `${error.zh} ${error.en}` });
    }
    const diff = diffArrangement(CalendarStore.tableOf(doc), arrangement);
    const baseYearVersion = doc.years.find((stored) => stored.year === year)?.yearVersion ?? 0;
    return { year, arrangement, baseYearVersion, otherYearDays, diff, problems };
  }
}
