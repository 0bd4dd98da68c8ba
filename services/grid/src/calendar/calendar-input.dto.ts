import { BadRequestException } from '@nestjs/common';
import { says } from '@civicflow/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ARRANGEMENT_FORMATS } from './import/parse-arrangement';

/**
 * A year's arrangement as the console sends it: typed in the form (`arrangement`, a JSON object), or a file's
 * text with its format (chinese-days JSON, iCalendar, CSV). The same body previews and saves.
 */
export const arrangementInputSchema = z.object({
  format: z.enum(ARRANGEMENT_FORMATS).default('arrangement'),
  content: z.union([z.string().min(1).max(200_000), z.record(z.string(), z.unknown())]),
  note: z.string().trim().max(500).optional(),
});
export class ArrangementInputDto extends createZodDto(arrangementInputSchema) {}

export class EnterYearDto extends createZodDto(
  arrangementInputSchema.extend({
    /** the year's version the preview was made against (its baseYearVersion; 0 when never entered) */
    expectedYearVersion: z.number().int().min(0),
    comment: z.string().trim().max(1000).optional(),
  }),
) {}

/** A year in the path: 1949–2200, else 400 naming the field. */
export function yearParam(raw: string): number {
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < 1949 || year > 2200) {
    throw new BadRequestException({ errors: [{ field: 'year', code: 'invalid_year', reason: says('年份须为 1949–2200 的四位数', 'the year must be a four-digit year 1949–2200') }] });
  }
  return year;
}
