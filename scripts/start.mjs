// `npm start`: installs what is missing, provisions and starts the infrastructure, builds, then runs every
// service and the case worker on their local defaults and prints where to find them. Ctrl-C stops the services;
// the servers keep running for the next start (`npm run infra -- down` stops them).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildConsoleWeb, checkNode, ensureDependencies, ensureSystemPackages, infra, main, root, runOrFail, step } from './lib/run.mjs';

/** Every process of the system: name, entry point, and the URL a person opens. */
const processes = [
  { name: 'identity', entry: 'services/identity/dist/main.js', url: apiDocs('IDENTITY_PORT', 3010) },
  { name: 'hotline', entry: 'services/hotline/dist/main.js', url: apiDocs('HOTLINE_PORT', 3001) },
  { name: 'intake', entry: 'services/intake/dist/main.js', url: apiDocs('INTAKE_PORT', 3002) },
  { name: 'grid', entry: 'services/grid/dist/main.js', url: apiDocs('GRID_PORT', 3003) },
  { name: 'casework', entry: 'services/casework/dist/main.js', url: apiDocs('CASEWORK_PORT', 3006) },
  { name: 'notification', entry: 'services/notification/dist/main.js', url: apiDocs('NOTIFICATION_PORT', 3005) },
  { name: 'mediation', entry: 'services/mediation/dist/main.js', url: apiDocs('MEDIATION_PORT', 3007) },
  { name: 'console', entry: 'services/console/dist/main.js', url: `http://${process.env.HTTP_HOST ?? '127.0.0.1'}:${process.env.CONSOLE_PORT ?? 3000}/` },
  { name: 'case-worker', entry: 'workflows/dist/worker/main.js' },
];

function apiDocs(portVariable, defaultPort) {
  return `http://${process.env.HTTP_HOST ?? '127.0.0.1'}:${process.env[portVariable] ?? defaultPort}/api/docs`;
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
  const children = await step(STEPS, 'services and worker', async () => processes.map(startProcess));

  console.log('\nCivicFlow 已启动 is running:');
  if (process.env.SLA_PROFILES_FILE) console.log(`  SLA windows from ${process.env.SLA_PROFILES_FILE}`);
  for (const p of processes.filter((p) => p.url)) console.log(`  ${p.name.padEnd(12)} ${p.url}`);
  if (ep) console.log(`  ${'temporal ui'.padEnd(12)} ${ep.temporalUi}\n  ${'kafka'.padEnd(12)} ${ep.kafkaBrokers}\n  ${'mongodb'.padEnd(12)} ${ep.mongoUrl}`);
  console.log('\nTry it:\n  curl -s -XPOST 127.0.0.1:3001/api/v1/calls -H "content-type: application/json" \\\n' +
    `    -d '{"callerNumber":"13812345678","content":"路灯不亮","requestType":"complaint","address":"阳光社区3号楼"}'\n` +
    'Console: log in as operator, community, street, liaison, mediator or supervisor (password civicflow).\n' +
    'Ctrl-C stops the services; `npm run infra -- down` stops the servers.');

  const stop = () => children.forEach((c) => c.kill('SIGTERM'));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await Promise.all(children.map((c) => new Promise((resolve) => c.on('exit', resolve))));
});

function startProcess({ name, entry }) {
  const child = spawn(process.execPath, ['--enable-source-maps', entry], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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
