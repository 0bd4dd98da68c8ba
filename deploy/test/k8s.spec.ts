// The Kubernetes manifests cannot be applied here; this keeps them in step with the repo — one Deployment per
// service under services/ plus the case worker, each started from its own entry point, listed in kustomization,
// with probes, resource requests, a disruption budget and an autoscaler — and validates every object against
// the Kubernetes (and KEDA) OpenAPI schemas (kubernetes-models, the schemas kubeconform uses, from npm).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { parseAllDocuments } from 'yaml';
import { ENV_EXAMPLE_KEYS, SERVICE_SCHEMAS } from './service-schemas';
import { secretSettingsOf } from '@civicflow/platform';

/** Schema-checked models by apiVersion/kind; a manifest of a kind not listed here fails the test. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'v1/Service': Service,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
};

const root = join(__dirname, '../..');
const k8s = join(root, 'deploy/k8s');
type Probe = { httpGet?: { path: string; port: number } };
type Container = {
  command?: string[]; readinessProbe?: Probe; livenessProbe?: Probe; resources?: { requests?: Record<string, string> };
  ports?: { containerPort: number }[]; env?: { name: string; value?: string }[];
};
type PodSpec = { containers?: Container[]; terminationGracePeriodSeconds?: number };
type Manifest = {
  apiVersion: string; kind: string; metadata: { name: string };
  spec?: { scaleTargetRef?: { name: string }; template?: { spec?: PodSpec } }; data?: Record<string, string>;
};
const manifests: Manifest[] = readdirSync(k8s)
  .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
  .flatMap((f) => parseAllDocuments(readFileSync(join(k8s, f), 'utf8')).map((d) => d.toJS() as Manifest));
const kustomization = parseAllDocuments(readFileSync(join(k8s, 'kustomization.yaml'), 'utf8'))[0].toJS() as { resources: string[] };

describe('deploy/k8s', () => {
  const services = readdirSync(join(root, 'services'), { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(root, 'services', d.name, 'src/main.ts'))).map((d) => d.name);

  it.each([...services, 'case-worker'])('runs %s from its built entry point', (name) => {
    const deployment = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === name);
    expect(deployment).toBeDefined();
    const command = deployment!.spec!.template!.spec!.containers![0].command!.join(' ');
    const entry = name === 'case-worker' ? 'workflows/dist/worker/main.js' : `services/${name}/dist/main.js`;
    expect(command).toContain(entry);
    expect(kustomization.resources).toContain(`${name}.yaml`);
  });

  it.each(manifests.map((m) => [`${m.kind} ${m.metadata.name}`, m] as const))('%s is valid against its schema', (_name, manifest) => {
    const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
    expect(Model).toBeDefined();
    expect(() => new Model(manifest as never).validate()).not.toThrow();
  });

  const podOf = (name: string) => manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === name)!.spec!.template!.spec!;

  it.each([...services, 'case-worker'])('%s answers readiness and liveness probes on the port it listens on', (name) => {
    const container = podOf(name).containers![0];
    // the port the process is told to listen on (its *_PORT, the worker's WORKER_HEALTH_PORT) is the one declared and probed
    const portSetting = container.env?.find((e) => e.name === (name === 'case-worker' ? 'WORKER_HEALTH_PORT' : `${name.toUpperCase()}_PORT`))?.value;
    const port = Number(portSetting);
    expect(port).toBeGreaterThan(0);
    expect(container.ports?.map((p) => p.containerPort)).toContain(port);
    expect(container.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port });
    expect(container.livenessProbe?.httpGet).toEqual({ path: '/health/live', port });
  });

  it.each([...services, 'case-worker'])('%s gets to finish its clean stop before Kubernetes kills it', (name) => {
    // serveUntilStopped (and the worker) exit by SHUTDOWN_GRACE_MS; the pod's grace period (30 s unless set) must be longer
    const config = manifests.find((m) => m.kind === 'ConfigMap' && m.metadata.name === 'civicflow-config')!.data!;
    const stopMs = Number(config.SHUTDOWN_GRACE_MS ?? 10_000);
    expect((podOf(name).terminationGracePeriodSeconds ?? 30) * 1000).toBeGreaterThan(stopMs);
  });

  it.each([...services, 'case-worker'])('%s has resource requests, a disruption budget and an autoscaler', (name) => {
    const container = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === name)!.spec!.template!.spec!.containers![0];
    expect(container.resources?.requests?.cpu).toBeDefined();
    expect(container.resources?.requests?.memory).toBeDefined();
    expect(manifests.some((m) => m.kind === 'PodDisruptionBudget' && m.metadata.name === name)).toBe(true);
    expect(manifests.some((m) => (m.kind === 'ScaledObject' || m.kind === 'HorizontalPodAutoscaler') && m.spec?.scaleTargetRef?.name === name)).toBe(true);
  });

  it('refuses a manifest that breaks its schema (the check is real)', () => {
    const broken = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 'three', selector: {}, template: {} } };
    expect(() => new Deployment(broken as never).validate()).toThrow();
  });
});

describe('deploy/k8s secrets', () => {
  type Container = { env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[]; envFrom?: { secretRef?: unknown }[] };
  const containerOf = (name: string) => (manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === name) as unknown as {
    spec: { template: { spec: { containers: Container[] } } };
  }).spec.template.spec.containers[0];

  it.each(Object.entries(SERVICE_SCHEMAS))('gives %s every secret its config requires outside native mode, from the Secret, and no other', (name, schema) => {
    const container = containerOf(name);
    const fromSecret = (container.env ?? []).filter((e) => e.valueFrom?.secretKeyRef?.name === 'civicflow-secrets').map((e) => e.valueFrom!.secretKeyRef!.key);
    expect(fromSecret).toEqual(expect.arrayContaining(secretSettingsOf(schema)));
    expect((container.envFrom ?? []).some((e) => e.secretRef)).toBe(false); // not the whole Secret
    for (const key of fromSecret) expect(ENV_EXAMPLE_KEYS).toContain(key);
  });

  it('points every service at identity for keys, revocations and service tokens, with no demo users switched on', () => {
    const config = manifests.find((m) => m.kind === 'ConfigMap') as unknown as { data: Record<string, string> };
    expect(config.data).toMatchObject({ CIVICFLOW_INFRA: 'external', JWT_JWKS_URL: expect.stringMatching(/jwks\.json$/), JWT_REVOCATION_URL: expect.any(String), SERVICE_TOKEN_URL: expect.any(String) });
    expect(JSON.stringify(manifests)).not.toMatch(/SEED_DEMO_USERS/);
  });
});
