import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { saidIn } from '@civicflow/contracts';
import { z } from 'zod';
import { type Locale, statusMessage } from './error-messages';
import { type FieldError, fieldErrorsOf, SCHEMA_DEFAULT_MESSAGE, type SchemaIssue } from './field-reasons';

/**
 * A request the schema refuses: 400 with one field error per problem, in Chinese unless the caller asks for
 * English (the filters pick the list). Both lists are made when it is thrown, so the input does not travel further.
 */
export class InvalidInput extends BadRequestException {
  constructor(private readonly errorsByLocale: Record<Locale, FieldError[]>) {
    super(
      { message: `${statusMessage(400, 'zh-CN')} ${statusMessage(400, 'en')}`, errors: errorsByLocale['zh-CN'] },
      // what a log or a dead letter shows: every field and its reason
      { description: errorsByLocale.en.map((e) => `${e.field}: ${e.reason}`).join('; ') },
    );
    this.message = `invalid request: ${errorsByLocale.en.map((e) => `${e.field}: ${e.reason}`).join('; ')}`;
  }

  /** The schema's issues, then a use case's own field errors (their reasons written with `says`). */
  static of(issues: readonly SchemaIssue[], own: readonly FieldError[] = []): InvalidInput {
    const said = (locale: Locale) => [...fieldErrorsOf(issues, locale), ...own.map((e) => ({ ...e, reason: saidIn(e.reason, locale) ?? e.reason }))];
    return new InvalidInput({ 'zh-CN': said('zh-CN'), en: said('en') });
  }

  errorsIn(locale: Locale): FieldError[] {
    return this.errorsByLocale[locale];
  }
}

/**
 * Parses what a request sent the way every entry point must, so its field reasons can be said in either language:
 * zod reports the input (for "required" versus "must be a number") and marks the messages the schema did not
 * write itself (field-reasons.ts makes those from the issue code).
 */
export function parseRequestInput<S extends z.ZodType>(schema: S, value: unknown) {
  return schema.safeParse(value, { reportInput: true, error: () => SCHEMA_DEFAULT_MESSAGE });
}

/** The parsed value, or InvalidInput (400) naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = parseRequestInput(schema, value);
  if (!parsed.success) throw InvalidInput.of(parsed.error.issues);
  return parsed.data;
}

/** The global pipe: a body, query or path parameter typed by a `createZodDto` class is parsed by its schema. */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const dto = metadata.metatype as { isZodDto?: unknown; schema?: z.ZodType } | undefined;
    if (!dto?.isZodDto || !dto.schema) return value;
    return parseInput(dto.schema, value);
  }
}
