import { calendarYearPublishedV1 } from '@civicflow/contracts';
import { checkYearArrangement } from '@civicflow/domain';
import { ChangedMeanwhile } from '../calendar-errors';
import type { CalendarChangeRecord, StoredYear, Who } from '../calendar.schema';
import { CalendarStore } from '../calendar.store';
import type { CalendarOutbox } from '../publish-calendar-changes/calendar-outbox';
import { type ArrangementInput, PreviewYearArrangementUseCase, type YearPreview } from '../preview-year-arrangement/preview-year-arrangement.usecase';

export interface EnterYearArrangementCommand {
  year: number;
  input: ArrangementInput;
  /** the year's version the administrator previewed (0 when it was not entered yet) */
  expectedYearVersion: number;
  comment?: string;
  /** how it came: form, chinese-days-json, ics, csv, overrides-file */
  source?: string;
}

export interface EnteredYear {
  year: number;
  yearVersion: number;
  calendarVersion: number;
  change: 'entered' | 'corrected' | 'unchanged';
  diff: YearPreview['diff'];
}

/** Saves of other years that may slip in between reading and writing before we give up and ask for a retry. */
const MAX_ATTEMPTS = 5;

/**
 * 录入放假安排: validates the year's arrangement, saves it as the year's next version with who, when, the source
 * and what it changed (history), and queues grid.calendar-year-published in the same write (outbox), so the
 * worker's calendar and the running cases (casework has them recompute) follow without a restart.
 */
export class EnterYearArrangementUseCase {
  constructor(
    private readonly store: CalendarStore,
    private readonly preview: PreviewYearArrangementUseCase,
    private readonly outbox: CalendarOutbox,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async execute(command: EnterYearArrangementCommand, who: Who): Promise<EnteredYear> {
    for (let attempt = 1; ; attempt++) {
      const doc = await this.store.read();
      const current = doc.years.find((stored) => stored.year === command.year);
      const currentVersion = current?.yearVersion ?? 0;
      if (currentVersion !== command.expectedYearVersion) throw new ChangedMeanwhile(`${command.year}年放假安排`, command.expectedYearVersion, currentVersion);
      const preview = this.preview.prepare(doc, command.year, command.input);
      checkYearArrangement(preview.arrangement); // throws what the preview listed as problems
      if (current && preview.diff.changes.length === 0 && (current.arrangement.note ?? '') === (preview.arrangement.note ?? '')) {
        return { year: command.year, yearVersion: currentVersion, calendarVersion: doc.version, change: 'unchanged', diff: preview.diff };
      }
      const at = this.now();
      const calendarVersion = doc.version + 1;
      const yearVersion = currentVersion + 1;
      const change: 'entered' | 'corrected' = current ? 'corrected' : 'entered';
      const source = command.source ?? (command.input.format === 'arrangement' ? 'form' : command.input.format);
      const stored: StoredYear = { year: command.year, yearVersion, calendarVersion, arrangement: preview.arrangement, enteredAt: at, enteredBy: who, source };
      const record: CalendarChangeRecord = {
        calendarVersion, year: command.year, yearVersion, change, at, by: who, source, arrangement: preview.arrangement, diff: preview.diff,
        ...(command.comment?.trim() ? { comment: command.comment.trim() } : {}),
      };
      const event = {
        id: `${calendarYearPublishedV1.type}:${command.year}:v${yearVersion}`,
        data: {
          year: command.year, yearVersion, calendarVersion, change,
          holidays: preview.arrangement.holidays.map((day) => day.date),
          makeUpWorkdays: preview.arrangement.makeUpWorkdays.map((day) => day.date),
          enteredBy: who.userId, source,
        },
      };
      const years = [...doc.years.filter((other) => other.year !== command.year), stored].sort((a, b) => a.year - b.year);
      if (await this.store.commit(doc.version, years, record, event)) {
        this.outbox.flushSoon();
        return { year: command.year, yearVersion, calendarVersion, change, diff: preview.diff };
      }
      // another year (or this one) was saved meanwhile: read again; the version check above decides
      if (attempt >= MAX_ATTEMPTS) throw new ChangedMeanwhile('工作日历', doc.version, doc.version + 1);
    }
  }
}
