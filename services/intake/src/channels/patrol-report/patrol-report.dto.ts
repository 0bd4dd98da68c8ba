import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { urgencySchema, says } from '@civicflow/contracts';
import { reportFieldsShape, requireAPlace } from '../app-report/report-intake/report-fields';

export const patrolReportSchema = z
  .object({
    ...reportFieldsShape,
    // a grid worker knows the taxonomy and files what they saw under its category
    categoryCode: z.string().trim().regex(/^\d{4}$/, says('须为四位小类代码，如 0501', 'must be a four-digit minor category code, e.g. 0501')),
    /** A grid worker may judge a hazard urgent on the spot; otherwise the category's priority holds. */
    urgency: z.preprocess((v) => (v === '' ? undefined : v), urgencySchema.optional()),
  })
  .superRefine(requireAPlace);

/** 巡查上报 — what a grid worker found on patrol: place, category, description, up to four photos as `photos`. */
export class PatrolReportDto extends createZodDto(patrolReportSchema) {}
