import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { says } from '@civicflow/contracts';
import { reportFieldsShape, requireAPlace } from './report-intake/report-fields';

export const appReportSchema = z
  .object({
    ...reportFieldsShape,
    /**
     * The app's own id for the resident (an account or open id, never a phone number). CivicFlow keeps only a keyed
     * hash of it: enough to see that two reports come from one person, and for the app to be told about their case.
     */
    reporterId: z.string().trim().min(1, says('须写明是 App 的哪位居民上报', 'the app must say which of its residents reports')).max(128),
  })
  .superRefine(requireAPlace);

/** 一键报事 — what a resident's app sends: text, place, optional category, and up to four photos as `photos`. */
export class AppReportDto extends createZodDto(appReportSchema) {}
