import { DEVELOPMENT_PUBLIC_JWKS } from '../auth/development-keys';
import { ConfigError, demoSwitch, infraConfigSchema, kafkaBrokerList, loadConfig, localSecret, serviceConfigSchema } from './config';

describe('loadConfig', () => {
  it('gives the native defaults on loopback when nothing is set', () => {
    const config = loadConfig(infraConfigSchema, {});
    expect(config).toMatchObject({ CIVICFLOW_INFRA: 'native', KAFKA_BROKERS: '127.0.0.1:9092', TEMPORAL_ADDRESS: '127.0.0.1:7233', MONGO_URL: 'mongodb://127.0.0.1:27017', HTTP_HOST: '127.0.0.1' });
  });

  it('fails fast naming the bad variable', () => {
    expect(() => loadConfig(infraConfigSchema, { MONGO_URL: 'postgres://x' })).toThrow(ConfigError);
    expect(() => loadConfig(infraConfigSchema, { MONGO_URL: 'postgres://x' })).toThrow(/MONGO_URL/);
    expect(() => loadConfig(infraConfigSchema, { CIVICFLOW_INFRA: 'cloud' })).toThrow(/CIVICFLOW_INFRA/);
  });

  it('requires real cluster addresses in external mode instead of quietly using loopback', () => {
    expect(() => loadConfig(infraConfigSchema, { CIVICFLOW_INFRA: 'external', KAFKA_BROKERS: 'k1:9092' })).toThrow(/TEMPORAL_ADDRESS/);
    const config = loadConfig(infraConfigSchema, { CIVICFLOW_INFRA: 'external', KAFKA_BROKERS: 'k1:9092, k2:9092', TEMPORAL_ADDRESS: 't:7233', MONGO_URL: 'mongodb://m/' });
    expect(kafkaBrokerList(config)).toEqual(['k1:9092', 'k2:9092']);
  });
});

describe('outside native mode (secure by default)', () => {
  const external = { CIVICFLOW_INFRA: 'external', KAFKA_BROKERS: 'k1:9092', TEMPORAL_ADDRESS: 't:7233', MONGO_URL: 'mongodb://m/', JWT_JWKS_URL: 'https://idp.example.gov.cn/jwks' };
  const schema = serviceConfigSchema.extend({ SOME_KEY: localSecret('local-development-some-key-change-me-000000'), SOME_DEMO: demoSwitch() });

  it('keeps the development values in native mode', () => {
    expect(loadConfig(schema, {})).toMatchObject({ SOME_KEY: 'local-development-some-key-change-me-000000', SOME_DEMO: true, JWT_PUBLIC_KEYS: DEVELOPMENT_PUBLIC_JWKS });
  });

  it.each(['external', 'docker'])('in %s mode refuses a missing secret or the published one, naming the variable', (mode) => {
    const env = { ...external, CIVICFLOW_INFRA: mode };
    expect(() => loadConfig(schema, env)).toThrow(/SOME_KEY must be set when CIVICFLOW_INFRA=/);
    expect(() => loadConfig(schema, { ...env, SOME_KEY: 'local-development-some-key-change-me-000000' })).toThrow(/SOME_KEY is the published development value/);
    expect(loadConfig(schema, { ...env, SOME_KEY: 'x'.repeat(40) }).SOME_KEY).toBe('x'.repeat(40));
  });

  it('switches demo data off, and refuses it switched on', () => {
    const env = { ...external, SOME_KEY: 'x'.repeat(40) };
    expect(loadConfig(schema, env).SOME_DEMO).toBe(false);
    expect(() => loadConfig(schema, { ...env, SOME_DEMO: 'true' })).toThrow(/SOME_DEMO demo data and demo accounts exist only in native mode/);
  });

  it('checks tokens against real keys: a JWKS URL or keys of its own, never the development key', () => {
    const { JWT_JWKS_URL: _url, ...withoutKeys } = { ...external, SOME_KEY: 'x'.repeat(40) };
    expect(() => loadConfig(schema, withoutKeys)).toThrow(/JWT_JWKS_URL must be set/);
    expect(() => loadConfig(schema, { ...withoutKeys, JWT_PUBLIC_KEYS: DEVELOPMENT_PUBLIC_JWKS })).toThrow(/JWT_PUBLIC_KEYS is the published development key/);
    expect(loadConfig(schema, { ...withoutKeys, JWT_PUBLIC_KEYS: '{"keys":[]}' }).JWT_PUBLIC_KEYS).toBe('{"keys":[]}');
  });

  it('accepts no shared-secret algorithm', () => {
    expect(() => loadConfig(serviceConfigSchema, { JWT_ALGORITHMS: 'HS256' })).toThrow(/JWT_ALGORITHMS/);
    expect(() => loadConfig(serviceConfigSchema, { JWT_ALGORITHMS: 'none' })).toThrow(/JWT_ALGORITHMS/);
  });
});
