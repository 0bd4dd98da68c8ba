import { z } from 'zod';
import { clientSecretSchema, localSecret, serviceConfigSchema, serviceTokenUrlSchema } from '@civicflow/platform';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const mediationConfigSchema = serviceConfigSchema.extend({
  MEDIATION_PORT: z.coerce.number().int().min(1).max(65535).default(3007),
  MEDIATION_CONSUMER_GROUP: z.string().min(1).default('mediation'),
  /** The root of the org tree: users of this unit (督查员) see every dispute. */
  MEDIATION_CITY_UNIT_ID: z.string().min(1).default('bf'),
  /** Secret for encrypting and hashing parties' contacts (32+ chars). Required outside native mode. */
  MEDIATION_CONTACT_KEY: localSecret('local-development-mediation-key-change-me-01234'),
  /** The CJK font the agreement PDF (人民调解协议书) is set in: a .ttc/.ttf/.otf file. */
  MEDIATION_PDF_FONT: z.string().min(1).default('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  /** The font's name inside a collection (.ttc); ignored for a single-font file. */
  MEDIATION_PDF_FONT_FAMILY: z.string().min(1).default('NotoSansCJKsc-Regular'),
  /**
   * Create the demo city's committees (人民调解委员会, 矛盾调解中心) and mediators that are not there yet. `auto`: only
   * in native mode (a real deployment registers its own mediators); `true` also elsewhere, for a demo stack.
   */
  MEDIATION_SEED_DEMO_COMMITTEES: z.enum(['auto', 'true', 'false']).default('auto'),
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
  /** The token endpoint where the mediation service's identity (`svc-mediation`) gets its access token for that call. */
  SERVICE_TOKEN_URL: serviceTokenUrlSchema,
  /** The client secret of `svc-mediation` (identity knows it too). Required outside native mode. */
  MEDIATION_CLIENT_SECRET: clientSecretSchema('mediation'),
  /** How often party contacts the notification service did not take (down, refused) are registered again, in ms. */
  MEDIATION_CONTACT_REGISTER_RETRY_MS: z.coerce.number().int().min(100).default(30_000),
  /** false only in tests that share a topic with earlier runs. */
  KAFKA_FROM_BEGINNING: flag.default(true),
});
export type MediationConfig = z.infer<typeof mediationConfigSchema>;
