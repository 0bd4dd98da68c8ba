// docker-compose.yml cannot run on machines without Docker, so this keeps it honest: it must name every
// service of the repo and publish the ports the config modules default to.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { infraConfigSchema } from '@civicflow/platform';
import { hotlineConfigSchema } from '@civicflow/hotline';
import { intakeConfigSchema } from '@civicflow/intake';

const root = join(__dirname, '../..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
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
