import { z } from 'zod';
import { infraConfigSchema } from '@civicflow/platform';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const mediationConfigSchema = infraConfigSchema.extend({
  MEDIATION_PORT: z.coerce.number().int().min(1).max(65535).default(3007),
  MEDIATION_CONSUMER_GROUP: z.string().min(1).default('mediation'),
  /** The root of the org tree: users of this unit (督查员) see every dispute. */
  MEDIATION_CITY_UNIT_ID: z.string().min(1).default('bf'),
  /** Secret for encrypting and hashing parties' contacts (32+ chars). The default is for local use only. */
  MEDIATION_CONTACT_KEY: z.string().min(32).default('local-development-mediation-key-change-me-01234'),
  /** The CJK font the agreement PDF (人民调解协议书) is set in: a .ttc/.ttf/.otf file. */
  MEDIATION_PDF_FONT: z.string().min(1).default('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  /** The font's name inside a collection (.ttc); ignored for a single-font file. */
  MEDIATION_PDF_FONT_FAMILY: z.string().min(1).default('NotoSansCJKsc-Regular'),
  /** Create the demo city's committees (人民调解委员会, 矛盾调解中心) and mediators that are not there yet. */
  MEDIATION_SEED_DEMO_COMMITTEES: flag.default(true),
  /** How often disputes still waiting for a mediator (no worker, no free mediator) are tried again, in ms. */
  MEDIATION_ASSIGN_RETRY_MS: z.coerce.number().int().min(100).default(30_000),
  /** Natural days allowed for mediation at each level, passed to the workflow (《人民调解法》 practice: 30). */
  MEDIATION_LIMIT_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** How long before a session its reminder goes out, in ms (default one day). */
  MEDIATION_REMINDER_LEAD_MS: z.coerce.number().int().min(0).default(86_400_000),
  /**
   * The notification service, where parties with a phone are registered as citizen contacts
   * (`PUT /api/v1/directory/citizens/party:<disputeId>:<partyId>`), so events name them by ref and never by number.
   */
  NOTIFICATION_URL: z.url().default('http://127.0.0.1:3005'),
  /**
   * The bearer token for that call. Unset: the service signs its own short-lived token with JWT_SECRET, as the
   * service account `svc-mediation` with role admin in the city unit (the directory's citizen route admits admin and
   * operator). Set it when tokens come from an identity provider (JWT_JWKS_URL) instead of the shared secret.
   */
  MEDIATION_NOTIFICATION_TOKEN: z.string().min(1).optional(),
  /** How often party contacts the notification service did not take (down, refused) are registered again, in ms. */
  MEDIATION_CONTACT_REGISTER_RETRY_MS: z.coerce.number().int().min(100).default(30_000),
  /** false only in tests that share a topic with earlier runs. */
  KAFKA_FROM_BEGINNING: flag.default(true),
});
export type MediationConfig = z.infer<typeof mediationConfigSchema>;
