import { BadRequestException, ConflictException, HttpException } from '@nestjs/common';
import { says } from '@civicflow/contracts';
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
  if (error instanceof InvalidArrangementInput) return invalidField(error.field, error);
  if (error instanceof InvalidCalendarOverride) return invalidField(fieldOf(error.entry), error);
  if (error instanceof InvalidOfficeHours) return invalidField('hours', error);
  if (error instanceof ChangedMeanwhile) return new ConflictException({ message: `${error.zh} (${error.en})`, reason: { code: error.code, zh: error.zh, en: error.en } });
  return error;
}

/** 400 naming the field, the refusal's code for programs and its reason in the caller's language. */
function invalidField(field: string, error: DomainError): BadRequestException {
  return new BadRequestException({ errors: [{ field, code: error.code, reason: says(error.zh, error.en) }] });
}

/** 'years[0] (2027)' (the override table's label) is the arrangement as a whole; named fields stay. */
export function fieldOf(entry: string): string {
  return entry.startsWith('years[') ? 'arrangement' : entry;
}
