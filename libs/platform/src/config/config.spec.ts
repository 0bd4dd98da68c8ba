import { ConfigError, infraConfigSchema, kafkaBrokerList, loadConfig } from './config';

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
