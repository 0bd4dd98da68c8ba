import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import { says } from '@civicflow/contracts';

/** A reason shown to people, zh-CN first; `code` is for programs. */
export interface Refusal {
  code: string;
  zh: string;
  en: string;
}

/**
 * 400 for a field that passed the shape check but not a business check (unknown category, retired article …),
 * in the same `errors: [{ field, reason }]` form the validation pipe uses, said in the caller's language.
 */
export function invalidField(field: string, zh: string, en: string): BadRequestException {
  return new BadRequestException({ errors: [{ field, reason: says(zh, en) }] });
}

/** 409 with the reason, so the operator learns why the command was refused. */
export function refused(reason: Refusal): ConflictException {
  return new ConflictException({ message: `${reason.zh} ${reason.en}`, reason });
}

export function notFound(zh: string, en: string): NotFoundException {
  return new NotFoundException({ message: `${zh} ${en}` });
}

/** One test of a duplicate-key error for the whole system (platform's). */
export { isDuplicateKey } from '@civicflow/platform';
