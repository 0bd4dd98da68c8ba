// docker-compose.yml cannot run on machines without Docker, so this keeps it honest: it must name every
// service of the repo and publish the ports the config modules default to.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { infraConfigSchema, secretSettingsOf } from '@civicflow/platform';
import { ENV_EXAMPLE_KEYS, SERVICE_SCHEMAS } from './service-schemas';
import { hotlineConfigSchema } from '@civicflow/hotline';
import { intakeConfigSchema } from '@civicflow/intake';

const root = join(__dirname, '../..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { ports?: string[]; environment?: Record<string, unknown>; command?: string[] }>;
};

function hostPorts(service: string): number[] {
  return (compose.services[service]?.ports ?? []).map((p) => Number(p.split(':')[0]));
}

function portOf(address: string): number {
  return Number(new URL(address.includes('://') ? address : `tcp://${address}`).port);
}

describe('docker-compose.yml', () => {
  it('runs every service under services/ and the case worker', () => {
    const services = readdirSync(join(root, 'services'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(services.length).toBeGreaterThan(0);
    for (const service of [...services, 'case-worker']) expect(Object.keys(compose.services)).toContain(service);
    expect(compose.services['case-worker'].command).toContain('workflows/dist/worker/main.js');
  });

  it('runs Kafka 3.9, Temporal with its UI and MongoDB 7 as a replica set on the ports the config expects', () => {
    const infra = infraConfigSchema.parse({});
    expect(hostPorts('kafka')).toContain(portOf(infra.KAFKA_BROKERS));
    expect(hostPorts('temporal')).toEqual(expect.arrayContaining([portOf(infra.TEMPORAL_ADDRESS), 8233]));
    expect(hostPorts('mongo')).toContain(portOf(infra.MONGO_URL));
    expect(JSON.stringify(compose.services.mongo)).toMatch(/--replSet/);
    expect(JSON.stringify(compose.services)).toMatch(/apache\/kafka:3\.9/);
    expect(JSON.stringify(compose.services.mongo)).toMatch(/mongo:7/);
  });

  it('publishes each service on its configured default port', () => {
    expect(hostPorts('hotline')).toContain(hotlineConfigSchema.parse({}).HOTLINE_PORT);
    expect(hostPorts('intake')).toContain(intakeConfigSchema.parse({}).INTAKE_PORT);
  });
});

describe('docker-compose.yml secrets', () => {
  it('runs as a real deployment: every service takes its secrets from the env file and none is written here', () => {
    const apps = Object.keys(SERVICE_SCHEMAS);
    for (const name of [...apps, 'case-worker']) {
      const service = compose.services[name] as { env_file?: string[]; environment?: Record<string, unknown> };
      expect(service.env_file).toEqual(['deploy/civicflow.env']);
      expect(service.environment?.CIVICFLOW_INFRA).toBe('external');
    }
    const secrets = new Set(apps.flatMap((name) => secretSettingsOf(SERVICE_SCHEMAS[name])));
    for (const name of Object.keys(compose.services)) {
      for (const key of Object.keys(compose.services[name].environment ?? {})) expect(secrets.has(key)).toBe(false);
    }
    expect(JSON.stringify(compose)).not.toMatch(/SEED_DEMO_USERS/);
  });

  it('documents every secret of every service in deploy/civicflow.env.example, and the generator makes them all', () => {
    const secrets = [...new Set(Object.values(SERVICE_SCHEMAS).flatMap((schema) => secretSettingsOf(schema)))];
    expect(secrets).toEqual(expect.arrayContaining(['IDENTITY_SIGNING_KEY', 'HOTLINE_CALLER_KEY', 'MEDIATION_CONTACT_KEY', 'INTAKE_REPORTER_KEY', 'NOTIFICATION_CONTACT_KEY']));
    expect(ENV_EXAMPLE_KEYS).toEqual(expect.arrayContaining(secrets));
    const generated = execFileSync(process.execPath, [join(root, 'scripts/generate-secrets.mjs')], { encoding: 'utf8' });
    const values = Object.fromEntries(generated.split('\n').filter((l) => /^[A-Z]/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    for (const secret of secrets) expect(values[secret]?.length).toBeGreaterThanOrEqual(32);
  });
});
