import { z } from 'zod';

const msList = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'comma-separated milliseconds, e.g. 5000,30000,120000')
  .transform((v) => v.split(',').map(Number));

export const open311ConfigSchema = z.object({
  /**
   * How long POST requests waits for the case number before answering with a token instead (GeoReport's way to say
   * "accepted, number to follow"); the token resolves through GET tokens/{token} once registration is done.
   */
  INTAKE_OPEN311_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /**
   * Hosts whose media_url photos intake fetches into photo storage (an administrator's allow-list: `photos.example.org`,
   * `*.example.org`, comma-separated). A photo on any other host stays a link staff open themselves: intake never
   * fetches a URL a client chose from an unknown host (an SSRF hole).
   */
  INTAKE_OPEN311_MEDIA_HOSTS: z.string().default(''),
  INTAKE_OPEN311_MEDIA_TIMEOUT_MS: z.coerce.number().int().positive().max(60_000).default(10_000),
  /** Waits between a webhook delivery's attempts; after the last one fails the delivery goes to the app's dead letters. */
  INTAKE_WEBHOOK_RETRY_MS: msList.default([5_000, 30_000, 120_000, 600_000, 3_600_000]),
  INTAKE_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().max(60_000).default(10_000),
  /** Deliver webhooks to loopback and private addresses: on by default for local servers only (tests, npm start). */
  INTAKE_WEBHOOK_PRIVATE_TARGETS: z.enum(['true', 'false']).optional(),
});

export interface Open311Settings {
  waitMs: number;
  mediaHosts: string[];
  mediaTimeoutMs: number;
  /** the largest photo accepted (the photo storage's limit) */
  mediaMaxBytes: number;
  webhookRetryMs: number[];
  webhookTimeoutMs: number;
  webhookPrivateTargets: boolean;
}

export const OPEN311_SETTINGS = Symbol('OPEN311_SETTINGS');
