// The Kubernetes manifests cannot be applied here; this keeps them in step with the repo: one Deployment per
// service under services/ plus the case worker, each started from its own entry point, listed in kustomization.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const root = join(__dirname, '../..');
const k8s = join(root, 'deploy/k8s');
type Manifest = { kind: string; metadata: { name: string }; spec?: { template?: { spec?: { containers?: { command?: string[] }[] } } } };
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
});
