import { z } from 'zod';
import { infraConfigSchema } from '@civicflow/platform';

export const identityConfigSchema = infraConfigSchema.extend({
  IDENTITY_PORT: z.coerce.number().int().min(1).max(65535).default(3010),
  /** Seeds one demo user per role (password `civicflow`) when the user store is empty. Off in production. */
  IDENTITY_SEED_DEMO_USERS: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  IDENTITY_TOKEN_TTL: z.string().regex(/^\d+[smhd]$/, 'like 12h or 30m').default('12h'),
});
export type IdentityConfig = z.infer<typeof identityConfigSchema>;
