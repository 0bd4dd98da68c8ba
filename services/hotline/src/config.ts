import { z } from 'zod';
import { infraConfigSchema } from '@civicflow/platform';

export const hotlineConfigSchema = infraConfigSchema.extend({
  HOTLINE_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** Secret for the keyed hash and encryption of caller numbers (32+ chars). The default is for local use only. */
  HOTLINE_CALLER_KEY: z.string().min(32).default('local-development-key-change-me-0123456789'),
});
export type HotlineConfig = z.infer<typeof hotlineConfigSchema>;
