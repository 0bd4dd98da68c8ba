import { BadRequestException, ConflictException, HttpException } from '@nestjs/common';
import { DomainError, InvalidCalendarOverride, InvalidOfficeHours } from '@civicflow/domain';
import { InvalidArrangementInput } from './import/parse-arrangement';

/** Someone saved the year (or the unit's hours) since the administrator looked: show them the new state first. */
export class ChangedMeanwhile extends DomainError {
  constructor(what: string, expected: number, actual: number) {
    super(
      'CHANGED_MEANWHILE',
      `${what}已被他人修改（预期版本 ${expected}，当前版本 ${actual}），请重新预览后再保存`,
      `${what} was changed by someone else (expected version ${expected}, now ${actual}); preview again before saving`,
    );
  }
}

/** The calendar's refusals as HTTP: bad input → 400 with the field, a conflicting save → 409 with the reason. */
export function calendarHttpError(error: unknown): unknown {
  if (error instanceof HttpException) return error;
  if (error instanceof InvalidArrangementInput) return new BadRequestException({ errors: [{ field: error.field, reason: `${error.zh} ${error.en}` }] });
  if (error instanceof InvalidCalendarOverride) return new BadRequestException({ errors: [{ field: fieldOf(error.entry), reason: `${error.zh} ${error.en}` }] });
  if (error instanceof InvalidOfficeHours) return new BadRequestException({ errors: [{ field: 'hours', reason: `${error.zh} ${error.en}` }] });
  if (error instanceof ChangedMeanwhile) return new ConflictException({ message: `${error.zh} (${error.en})`, reason: { code: error.code, zh: error.zh, en: error.en } });
  return error;
}

/** 'years[0] (2027)' (the override table's label) is the arrangement as a whole; named fields stay. */
export function fieldOf(entry: string): string {
  return entry.startsWith('years[') ? 'arrangement' : entry;
}
