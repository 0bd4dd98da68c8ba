import { z } from 'zod';

export const open311ConfigSchema = z.object({
  /**
   * How long POST requests waits for the case number before answering with a token instead (GeoReport's way to say
   * "accepted, number to follow"); the token resolves through GET tokens/{token} once registration is done.
   */
  INTAKE_OPEN311_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
});

export interface Open311Settings {
  waitMs: number;
}

export const OPEN311_SETTINGS = Symbol('OPEN311_SETTINGS');
