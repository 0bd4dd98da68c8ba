import { z } from 'zod';
import { clientSecretSchema, demoSwitch, localSecret, serviceConfigSchema, serviceTokenUrlSchema } from '@civicflow/platform';

const flag = (fallback: 'true' | 'false') => z.enum(['true', 'false']).default(fallback).transform((v) => v === 'true');
const optionalText = z.string().trim().min(1).optional();
/** A JSON object given in one environment variable, e.g. `{"case-registered.citizen":"SMS_123"}`. */
const jsonRecord = <T extends z.ZodType>(value: T) =>
  z
    .string()
    .default('{}')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), value));

/** 'HH:MM-HH:MM' in China time, or 'off'. The window may cross midnight (22:00-07:00). */
const quietHoursSchema = z
  .string()
  .regex(/^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/, 'like 22:00-07:00 (China time), or off')
  .default('22:00-07:00');

export const notificationConfigSchema = serviceConfigSchema.extend({
  NOTIFICATION_PORT: z.coerce.number().int().min(1).max(65535).default(3005),
  NOTIFICATION_CONSUMER_GROUP: z.string().min(1).default('notification'),
  /** false only in tests that share a topic with earlier runs. */
  KAFKA_FROM_BEGINNING: flag('true'),

  /** The city's root unit: its dispatchers get the manual dispatch queue (人工派单). */
  NOTIFICATION_CITY_UNIT_ID: z.string().min(1).default('bf'),
  /** The grid service, whose org tree names the units in messages (北丰市锦华社区, not bf-d01-s01-c01). */
  GRID_URL: z.url().default('http://127.0.0.1:3003'),
  /** The token endpoint where notification's service identity (`svc-notification`) gets its token for the org tree. */
  SERVICE_TOKEN_URL: serviceTokenUrlSchema,
  /** The client secret of `svc-notification` (identity knows it too). Required outside native mode. */
  NOTIFICATION_CLIENT_SECRET: clientSecretSchema('notification'),
  /** How long start-up waits for the org tree (messages planned before it loads name units generically). */
  NOTIFICATION_GRID_WAIT_MS: z.coerce.number().int().min(0).default(5_000),

  /** Seeds one directory entry per identity demo user (same user ids) when the directory is empty. Native mode only. */
  NOTIFICATION_SEED_DEMO_DIRECTORY: demoSwitch(),
  /** Secret that encrypts the directory's and the sink's phone numbers, e-mail addresses and openids (32+ chars). Required outside native mode. */
  NOTIFICATION_CONTACT_KEY: localSecret('local-development-notification-key-change-me-000'),

  /** SMS and WeChat messages that are not urgent wait for the end of this window (免打扰); the inbox never waits. */
  NOTIFICATION_QUIET_HOURS: quietHoursSchema,
  /** Testing and demos only: the service clock starts at this instant and runs forward in real time. */
  NOTIFICATION_CLOCK_START: z.iso.datetime({ offset: true }).optional(),

  /** Attempts per delivery before it is marked failed; waits double from the base up to the cap. */
  NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  NOTIFICATION_RETRY_BASE_MS: z.coerce.number().int().positive().default(30_000),
  NOTIFICATION_RETRY_MAX_MS: z.coerce.number().int().positive().default(30 * 60_000),
  /**
   * How often the due list is swept for deliveries a stopped process left (new ones are sent at once, retries and
   * releases after quiet hours on timers): one point read per sweep.
   */
  NOTIFICATION_SWEEP_MS: z.coerce.number().int().min(50).default(30_000),
  /** How often an open inbox stream looks for items another instance delivered. */
  NOTIFICATION_STREAM_POLL_MS: z.coerce.number().int().min(50).default(2000),

  /** sink: store SMS locally (visible through the API), no network. aliyun: Alibaba Cloud SMS (dysmsapi). */
  NOTIFICATION_SMS_PROVIDER: z.enum(['sink', 'aliyun']).default('sink'),
  ALIYUN_SMS_ACCESS_KEY_ID: optionalText,
  ALIYUN_SMS_ACCESS_KEY_SECRET: optionalText,
  ALIYUN_SMS_SIGN_NAME: optionalText,
  ALIYUN_SMS_ENDPOINT: z.url().default('https://dysmsapi.aliyuncs.com/'),
  /** Template key → the approved template code, e.g. {"case-registered.citizen":"SMS_276410001"}. */
  ALIYUN_SMS_TEMPLATES: jsonRecord(z.string().min(1)),

  /** sink: store the request body locally. official: the 公众号 template message API. */
  NOTIFICATION_WECHAT_PROVIDER: z.enum(['sink', 'official']).default('sink'),
  WECHAT_APP_ID: optionalText,
  WECHAT_APP_SECRET: optionalText,
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  /** Template key → { templateId, fields? (WeChat field → first|caseNumber|category|unit|time|deadline|status|remark), url? }. */
  WECHAT_TEMPLATES: jsonRecord(
    z.object({ templateId: z.string().min(1), fields: z.record(z.string(), z.string()).optional(), url: z.url().optional() }),
  ),

  /** Email is sent only when an SMTP URL is set, e.g. smtps://user:pass@smtp.example.gov.cn:465. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  SMTP_FROM: z.string().min(3).default('CivicFlow 12345 <noreply@civicflow.local>'),
});
export type NotificationConfig = z.infer<typeof notificationConfigSchema>;

/** Fails fast when a real provider is chosen without the credentials it needs. */
export function assertProvidersConfigured(config: NotificationConfig): void {
  const missing = (names: (keyof NotificationConfig)[]) => names.filter((n) => !config[n]);
  if (config.NOTIFICATION_SMS_PROVIDER === 'aliyun') {
    const gaps = missing(['ALIYUN_SMS_ACCESS_KEY_ID', 'ALIYUN_SMS_ACCESS_KEY_SECRET', 'ALIYUN_SMS_SIGN_NAME']);
    if (gaps.length) throw new Error(`配置错误 invalid configuration: NOTIFICATION_SMS_PROVIDER=aliyun needs ${gaps.join(', ')}`);
  }
  if (config.NOTIFICATION_WECHAT_PROVIDER === 'official') {
    const gaps = missing(['WECHAT_APP_ID', 'WECHAT_APP_SECRET']);
    if (gaps.length) throw new Error(`配置错误 invalid configuration: NOTIFICATION_WECHAT_PROVIDER=official needs ${gaps.join(', ')}`);
  }
}
