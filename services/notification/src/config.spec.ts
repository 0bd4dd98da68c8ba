import { ConfigError, loadConfig } from '@civicflow/platform';
import { assertProvidersConfigured, notificationConfigSchema } from './config';

describe('notification config', () => {
  it('defaults to local sinks, quiet hours 22:00-07:00 and port 3005', () => {
    const config = loadConfig(notificationConfigSchema, {});
    expect(config).toMatchObject({
      NOTIFICATION_PORT: 3005, NOTIFICATION_SMS_PROVIDER: 'sink', NOTIFICATION_WECHAT_PROVIDER: 'sink', NOTIFICATION_QUIET_HOURS: '22:00-07:00',
      ALIYUN_SMS_TEMPLATES: {}, WECHAT_TEMPLATES: {},
    });
    expect(config.SMTP_URL).toBeUndefined();
    expect(() => assertProvidersConfigured(config)).not.toThrow();
  });

  it('names the bad variable', () => {
    expect(() => loadConfig(notificationConfigSchema, { NOTIFICATION_QUIET_HOURS: '10pm-7am' })).toThrow(/NOTIFICATION_QUIET_HOURS/);
    expect(() => loadConfig(notificationConfigSchema, { ALIYUN_SMS_TEMPLATES: '{not json' })).toThrow(ConfigError);
    expect(() => loadConfig(notificationConfigSchema, { ALIYUN_SMS_TEMPLATES: '{not json' })).toThrow(/ALIYUN_SMS_TEMPLATES/);
    expect(() => loadConfig(notificationConfigSchema, { SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
  });

  it('parses provider template maps', () => {
    const config = loadConfig(notificationConfigSchema, {
      ALIYUN_SMS_TEMPLATES: '{"case-registered.citizen":"SMS_276410001"}',
      WECHAT_TEMPLATES: '{"case-registered.citizen":{"templateId":"TPL-1","fields":{"thing1":"category"}}}',
    });
    expect(config.ALIYUN_SMS_TEMPLATES).toEqual({ 'case-registered.citizen': 'SMS_276410001' });
    expect(config.WECHAT_TEMPLATES['case-registered.citizen']).toEqual({ templateId: 'TPL-1', fields: { thing1: 'category' } });
  });

  it('refuses a real provider without its credentials', () => {
    expect(() => assertProvidersConfigured(loadConfig(notificationConfigSchema, { NOTIFICATION_SMS_PROVIDER: 'aliyun', ALIYUN_SMS_ACCESS_KEY_ID: 'id' }))).toThrow(
      /ALIYUN_SMS_ACCESS_KEY_SECRET, ALIYUN_SMS_SIGN_NAME/,
    );
    expect(() => assertProvidersConfigured(loadConfig(notificationConfigSchema, { NOTIFICATION_WECHAT_PROVIDER: 'official' }))).toThrow(/WECHAT_APP_ID/);
  });
});
