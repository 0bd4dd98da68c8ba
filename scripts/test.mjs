// `npm test`: installs what is missing, provisions and starts the real servers, then typecheck, lint,
// unit tests (Nx targets) and integration tests against Kafka, Temporal and FerretDB. Ends with a summary line.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildConsoleWeb, checkNode, ensureDependencies, ensureSystemPackages, infra, main, root, run, runOrFail, step, StepError } from './lib/run.mjs';
import { ensurePythonTool, PYTHON_TOOLS } from './lib/python-tools.mjs';

const reports = join(root, '.civicflow', 'reports');

// The tests get servers of their own (own folder, own ports), so they never leave data in the servers
// `npm start` uses, and can run while the system is up. Each setting can still be overridden.
const testInfra = {
  CIVICFLOW_HOME: join(root, '.civicflow', 'test-infra'),
  KAFKA_PORT: '19092',
  KAFKA_CONTROLLER_PORT: '19093',
  TEMPORAL_PORT: '17233',
  TEMPORAL_UI_PORT: '18233',
  MONGO_PORT: '37017',
};
for (const [name, value] of Object.entries(testInfra)) process.env[name] ??= value;
const STEPS = 8;

main(async () => {
  checkNode();
  await step(STEPS, 'dependencies (npm ci on a fresh clone)', ensureDependencies);
  await step(STEPS, 'system packages: Chinese fonts (agreement PDFs), Chromium (console browser tests)', () => ensureSystemPackages(['fonts', 'chromium']));
  await step(STEPS, 'Python test tools from PyPI into project-local virtualenvs (schemathesis, Open311 client libraries)', async () => {
    for (const name of Object.keys(PYTHON_TOOLS)) await ensurePythonTool(name);
  });
  const launcher = await infra();
  const native = launcher.infraMode() === 'native';
  const infraUp = await step(STEPS, 'infrastructure: Kafka, Temporal, FerretDB (provisioned once, then cached)', () =>
    native ? launcher.up({ log: (line) => console.log(`  ${line}`) }) : Promise.resolve({ started: [] }),
  );
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  let integrationCode = 1;
  try {
    await step(STEPS, 'build (tsc project references, then the console web app)', async () => {
      await runOrFail('npx', ['tsc', '-b', 'tsconfig.build.json'], 'build');
      await buildConsoleWeb();
    });
    await step(STEPS, 'typecheck, lint and unit tests of every project (nx run-many)', () =>
      runOrFail('npx', ['nx', 'run-many', '-t', 'typecheck', 'lint', 'test', '--outputStyle=static'], 'typecheck, lint or unit tests'),
    );
    await step(STEPS, 'typecheck and lint of the integration tests (test/tsconfig.json; no Nx project covers them)', async () => {
      await runOrFail('npx', ['tsc', '-p', 'test/tsconfig.json'], 'typecheck of integration tests');
      await runOrFail('npx', ['eslint', 'test/**/*.ts', 'services/*/test/**/*.ts', 'services/console/e2e/**/*.ts', 'workflows/test/**/*.ts', 'libs/*/test/**/*.ts'], 'lint of integration tests');
    });
    integrationCode = await step(STEPS, 'integration tests on the real servers', () =>
      run('npx', ['jest', '-c', 'jest.integration.config.js', '--json', `--outputFile=${join(reports, 'integration.json')}`]),
    );
  } finally {
    if (native && infraUp.started.length > 0 && process.env.CIVICFLOW_KEEP_INFRA !== '1') {
      await launcher.down({ only: infraUp.started, log: () => {} });
      console.log(`  stopped the servers this run started: ${infraUp.started.join(', ')}`);
    }
  }
  const totals = summarize();
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
  if (integrationCode !== 0 || totals.failed > 0) throw new StepError('tests failed');
});

/** Adds up every jest JSON report of this run (unit reports come from the Nx test targets, cached or not). */
function summarize() {
  const totals = { passed: 0, failed: 0 };
  if (!existsSync(reports)) return totals;
  for (const file of readdirSync(reports, { recursive: true }).map(String).filter((f) => f.endsWith('.json'))) {
    const report = JSON.parse(readFileSync(join(reports, file), 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  }
  return totals;
}
