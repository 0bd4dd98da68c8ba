import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import { saidIn, says } from '@civicflow/contracts';

/** A reason shown to people, zh-CN first; `code` is for programs. */
export interface Refusal {
  code: string;
  zh: string;
  en: string;
}

export interface FieldError {
  field: string;
  /** For programs, like a refusal's code. */
  code?: string;
  /** In both languages (`says`): the error filter answers the caller's. */
  reason: string;
}

/** 400 in the validation pipe's form `errors: [{ field, reason }]`, for checks beyond the shape (past times …). */
export function invalidFields(errors: FieldError[]): BadRequestException {
  return new BadRequestException({ message: `请求参数无效 invalid request: ${errors.map((e) => `${e.field} ${saidIn(e.reason, 'zh-CN') ?? e.reason}`).join('; ')}`, errors });
}

export function invalidField(field: string, zh: string, en: string): BadRequestException {
  return invalidFields([{ field, reason: says(zh, en) }]);
}

/** 409 with the reason, so the mediator learns why the command was refused. */
export function refused(reason: Refusal): ConflictException {
  return new ConflictException({ message: `${reason.zh} (${reason.en})`, reason });
}

export function notFound(zh: string, en: string): NotFoundException {
  return new NotFoundException({ message: `${zh} ${en}` });
}

/** One test of a duplicate-key error for the whole system (platform's). */
export { isDuplicateKey } from '@civicflow/platform';
