// `npm start`: installs what is missing, provisions and starts the infrastructure, builds, then runs every
// service and the case worker on their local defaults and prints where to find them. Ctrl-C stops the services;
// the servers keep running for the next start (`npm run infra -- down` stops them).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildConsoleWeb, checkNode, ensureDependencies, ensureSystemPackages, infra, main, root, runOrFail, step } from './lib/run.mjs';

/** Every process of the system: name and entry point (ports and URLs come from the launcher's system environment). */
const processes = [
  { name: 'identity', entry: 'services/identity/dist/main.js' },
  { name: 'hotline', entry: 'services/hotline/dist/main.js' },
  { name: 'intake', entry: 'services/intake/dist/main.js' },
  { name: 'grid', entry: 'services/grid/dist/main.js' },
  { name: 'casework', entry: 'services/casework/dist/main.js' },
  { name: 'notification', entry: 'services/notification/dist/main.js' },
  { name: 'mediation', entry: 'services/mediation/dist/main.js' },
  { name: 'console', entry: 'services/console/dist/main.js' },
  { name: 'case-worker', entry: 'workflows/dist/worker/main.js' },
];

/** Where a person opens a service: the console's front page, the others' OpenAPI pages. */
function urlOf(name, env) {
  const base = env[`${name.toUpperCase()}_URL`];
  if (!base) return undefined;
  return name === 'console' ? `${base}/` : `${base}/api/docs`;
}

const STEPS = 5;

main(async () => {
  checkNode();
  // `npm start -- --short-windows`: every SLA window a minute or two long, to watch the ladder move (demos)
  if (process.argv.includes('--short-windows')) process.env.SLA_PROFILES_FILE ??= join(root, 'deploy/local/sla-profiles.short.json');
  await step(STEPS, 'dependencies', ensureDependencies);
  await step(STEPS, 'system packages (Chinese fonts for agreement PDFs)', () => ensureSystemPackages(['fonts']));
  const launcher = await infra();
  const ep = await step(STEPS, 'infrastructure: Kafka, Temporal, FerretDB', async () =>
    launcher.infraMode() === 'native' ? (await launcher.up({ log: (line) => console.log(`  ${line}`) })).endpoints : undefined,
  );
  await step(STEPS, 'build (services, then the console web app)', async () => {
    await runOrFail('npx', ['tsc', '-b', 'tsconfig.build.json'], 'build');
    await buildConsoleWeb();
  });
  // one source for every address: the launcher's ports (KAFKA_PORT=…, CIVICFLOW_PORT_BASE=…) reach every process
  const systemEnv = launcher.systemEnvironment();
  const children = await step(STEPS, 'services and worker', async () => processes.map((p) => startProcess(p, systemEnv)));

  console.log('\nCivicFlow 已启动 is running:');
  if (process.env.SLA_PROFILES_FILE) console.log(`  SLA windows from ${process.env.SLA_PROFILES_FILE}`);
  for (const p of processes) if (urlOf(p.name, systemEnv)) console.log(`  ${p.name.padEnd(12)} ${urlOf(p.name, systemEnv)}`);
  if (ep) console.log(`  ${'temporal ui'.padEnd(12)} ${ep.temporalUi}\n  ${'kafka'.padEnd(12)} ${ep.kafkaBrokers}\n  ${'mongodb'.padEnd(12)} ${ep.mongoUrl}`);
  console.log(`\nTry it:\n  curl -s -XPOST ${systemEnv.HOTLINE_URL}/api/v1/calls -H "content-type: application/json" \\\n` +
    `    -d '{"callerNumber":"13812345678","content":"路灯不亮","requestType":"complaint","address":"阳光社区3号楼"}'\n` +
    'Console: log in as operator, community, street, liaison, mediator or supervisor (password civicflow).\n' +
    'Ctrl-C stops the services; `npm run infra -- down` stops the servers.');

  const stop = () => children.forEach((c) => c.kill('SIGTERM'));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await Promise.all(children.map((c) => new Promise((resolve) => c.on('exit', resolve))));
});

function startProcess({ name, entry }, systemEnv) {
  const child = spawn(process.execPath, ['--enable-source-maps', entry], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...systemEnv } });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) console.log(prefix + line);
    });
  }
  child.on('exit', (code, signal) => console.log(`${prefix}exited (${signal ?? code})`));
  return child;
}
