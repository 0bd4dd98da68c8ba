import { ConfigError } from '@civicflow/platform';
import { ClientAppRegistry, DEMO_API_KEY, ReporterPseudonyms } from './client-apps';

describe('ClientAppRegistry', () => {
  const registry = ClientAppRegistry.parse(
    'wuhai-311-key-0000001:wuhai-app, old-key-0000000000001:xiaobei:app , new-key-0000000000002:xiaobei:app+open311,key-only-for-311-01:seeclickfix:open311',
  );

  it('finds the app a key belongs to, within the scopes the key was given', () => {
    expect(registry.size).toBe(4);
    expect(registry.find('wuhai-311-key-0000001', 'open311')).toEqual({ name: 'wuhai-app', scopes: ['open311', 'app'] });
    expect(registry.find('wuhai-311-key-0000001', 'app')?.name).toBe('wuhai-app');
    expect(registry.find('key-only-for-311-01', 'open311')?.name).toBe('seeclickfix');
    expect(registry.find('key-only-for-311-01', 'app')).toBeUndefined();
  });

  it('lets two keys name the same app, so a key can be rotated', () => {
    expect(registry.find('old-key-0000000000001', 'app')?.name).toBe('xiaobei');
    expect(registry.find('new-key-0000000000002', 'app')?.name).toBe('xiaobei');
    expect(registry.find('old-key-0000000000001', 'open311')).toBeUndefined();
  });

  it('knows no missing, empty or unregistered key', () => {
    expect(registry.find(undefined, 'open311')).toBeUndefined();
    expect(registry.find('', 'open311')).toBeUndefined();
    expect(registry.find('wuhai-311-key-0000002', 'open311')).toBeUndefined();
  });

  it('gives local servers a demo key when none is configured, and real clusters none', () => {
    expect(ClientAppRegistry.fromConfig(undefined, 'native').find(DEMO_API_KEY, 'open311')?.name).toBe('demo-app');
    expect(ClientAppRegistry.fromConfig(undefined, 'docker').size).toBe(0);
    expect(ClientAppRegistry.fromConfig(undefined, 'external').size).toBe(0);
    expect(() => ClientAppRegistry.fromConfig(`${DEMO_API_KEY}:demo-app:app`, 'external')).toThrow(/INTAKE_API_KEYS.*demo key/);
    expect(ClientAppRegistry.fromConfig('', 'native').size).toBe(0); // set but empty: switched off on purpose
  });

  it.each([
    ['short:app', /16–200 characters/],
    ['a-long-enough-key-01', /needs key:app-name/],
    ['a-long-enough-key-01:bad name', /app name "bad name"/],
    ['a-long-enough-key-01:app:open311+admin', /unknown scope "admin"/],
    ['a-long-enough-key-01:app:open311:extra', /at most one more/],
    ['a-long-enough-key-01:app1,a-long-enough-key-01:app2', /entry 2: the same key is listed twice/],
  ])('refuses %s, naming the variable', (spec, reason) => {
    expect(() => ClientAppRegistry.parse(spec)).toThrow(ConfigError);
    expect(() => ClientAppRegistry.parse(spec)).toThrow(/INTAKE_API_KEYS/);
    expect(() => ClientAppRegistry.parse(spec)).toThrow(reason);
  });
});

describe('ReporterPseudonyms', () => {
  const pseudonyms = new ReporterPseudonyms('a-test-secret-that-is-long-enough-000');
  const app = { name: 'xiaobei', scopes: ['app' as const] };

  it('gives one reporter one stable pseudonym per app, and keeps their id out of it', () => {
    const ref = pseudonyms.of(app, 'wx-openid-123');
    expect(ref).toMatch(/^xiaobei:[0-9a-f]{32}$/);
    expect(ref).not.toContain('123');
    expect(pseudonyms.of(app, ' wx-openid-123 ')).toBe(ref);
    expect(pseudonyms.of(app, 'wx-openid-124')).not.toBe(ref);
    expect(pseudonyms.of({ name: 'other-app', scopes: ['app'] }, 'wx-openid-123')).not.toBe(ref.replace('xiaobei', 'other-app'));
    expect(new ReporterPseudonyms('another-secret-that-is-long-enough-00').of(app, 'wx-openid-123')).not.toBe(ref);
  });
});
