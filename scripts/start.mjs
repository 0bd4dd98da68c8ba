// `npm start`: installs what is missing, provisions and starts the infrastructure, builds, then runs every
// service and the case worker on their local defaults and prints where to find them. Ctrl-C stops the services;
// the servers keep running for the next start (`npm run infra -- down` stops them).
// `npm start -- --replicas 2` runs two of every service and of the worker against the same servers.
import { join } from 'node:path';
import { startSystem, SYSTEM_PROCESSES } from './lib/processes.mjs';
import { buildConsoleWeb, checkNode, ensureDependencies, ensureSystemPackages, infra, main, root, runOrFail, step, StepError } from './lib/run.mjs';

/** Where a person opens a service: the console's front page, the others' OpenAPI pages. */
function urlOf(name, env) {
  const base = env[`${name.toUpperCase()}_URL`];
  if (!base) return undefined;
  return name === 'console' ? `${base}/` : `${base}/api/docs`;
}

const STEPS = 5;

main(async () => {
  checkNode();
  const replicas = replicasAsked(process.argv);
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
  const envs = launcher.replicaEnvironments(replicas);
  const systemEnv = envs[0];
  const system = await step(STEPS, `services and worker${replicas > 1 ? ` (${replicas} of each)` : ''}`, async () => startSystem(envs, launcher.consoleUpstreams(envs)));

  console.log('\nCivicFlow 已启动 is running:');
  if (process.env.SLA_PROFILES_FILE) console.log(`  SLA windows from ${process.env.SLA_PROFILES_FILE}`);
  for (const env of envs) for (const p of SYSTEM_PROCESSES) if (urlOf(p.name, env)) console.log(`  ${p.name.padEnd(12)} ${urlOf(p.name, env)}`);
  if (ep) console.log(`  ${'temporal ui'.padEnd(12)} ${ep.temporalUi}\n  ${'kafka'.padEnd(12)} ${ep.kafkaBrokers}\n  ${'mongodb'.padEnd(12)} ${ep.mongoUrl}`);
  console.log(`\nTry it:\n  curl -s -XPOST ${systemEnv.HOTLINE_URL}/api/v1/calls -H "content-type: application/json" \\\n` +
    `    -d '{"callerNumber":"13812345678","content":"路灯不亮","requestType":"complaint","address":"阳光社区3号楼"}'\n` +
    'Console: log in as operator, community, street, liaison, mediator or supervisor (password civicflow).\n' +
    'Ctrl-C stops the services; `npm run infra -- down` stops the servers.');

  const stopped = new Promise((resolve) => {
    const stop = () => system.stop().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await stopped;
});

/** `--replicas N` (or `--replicas=N`): how many of every service and of the worker; 1 by default. */
function replicasAsked(argv) {
  const i = argv.findIndex((a) => a === '--replicas' || a.startsWith('--replicas='));
  if (i < 0) return 1;
  const raw = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new StepError(`--replicas ${raw ?? ''}: a number from 1 to 5`);
  return n;
}
