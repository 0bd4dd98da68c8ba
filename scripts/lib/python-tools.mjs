// Python tools the tests run (from PyPI, pinned in a requirements file), each in a project-local virtualenv under
// .civicflow/, made once and remade when its requirements change. `npm test` provisions them in a step of its own
// with pip's progress; a test run alone (jest) provisions what it needs through the command line below.
//   node scripts/lib/python-tools.mjs schemathesis
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root, StepError } from './run.mjs';

/** Every tool: its virtualenv, its pinned requirements, and what it is for (the messages say so). */
export const PYTHON_TOOLS = {
  schemathesis: {
    venv: join(root, '.civicflow', 'schemathesis'),
    requirements: join(root, 'test', 'security', 'requirements.txt'),
    purpose: 'the schema fuzz of the attack suite (npm run test:security)',
  },
  'open311-clients': {
    venv: join(root, '.civicflow', 'open311-clients-venv'),
    requirements: join(root, 'services', 'intake', 'test', 'open311-clients', 'requirements.txt'),
    purpose: 'the Open311 client-library test of intake',
  },
};

/** The tool's virtualenv with its requirements installed (pip's output shown as it goes); its folder. */
export async function ensurePythonTool(name, log = (line) => console.log(`  ${line}`)) {
  const tool = PYTHON_TOOLS[name];
  if (!tool) throw new StepError(`unknown Python tool ${name} (known: ${Object.keys(PYTHON_TOOLS).join(', ')})`);
  const requirements = readFileSync(tool.requirements, 'utf8');
  const stamp = join(tool.venv, '.civicflow-requirements');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === requirements) {
    log(`${name}: installed (${tool.venv.slice(root.length + 1)})`);
    return tool.venv;
  }
  const needs = `${name} is needed for ${tool.purpose}; it needs Python 3.10+ with venv and pip (Debian: apt-get install python3 python3-venv python3-pip) and PyPI reachable (or PIP_INDEX_URL set to a mirror)`;
  const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (python.status !== 0) throw new StepError(`python3 was not found: ${needs}`);
  if (!existsSync(join(tool.venv, 'bin', 'pip'))) {
    log(`${name}: making a virtualenv in ${tool.venv.slice(root.length + 1)} (${python.stdout.trim()})`);
    mkdirSync(join(root, '.civicflow'), { recursive: true });
    const venv = spawnSync('python3', ['-m', 'venv', tool.venv], { encoding: 'utf8' });
    if (venv.status !== 0) throw new StepError(`python3 -m venv failed (${venv.stderr.trim().split('\n').pop()}): ${needs}`);
  }
  log(`${name}: pip install -r ${tool.requirements.slice(root.length + 1)} (from PyPI, once)`);
  const code = await new Promise((resolve) => {
    // stdout of pip goes to stderr: a caller's stdout may be a report (jest --json)
    const pip = spawn(join(tool.venv, 'bin', 'pip'), ['install', '--disable-pip-version-check', '--progress-bar', 'off', '--retries', '2', '-r', tool.requirements], { stdio: ['ignore', process.stderr, process.stderr] });
    const timer = setTimeout(() => pip.kill('SIGKILL'), 900_000);
    pip.on('error', () => resolve(1));
    pip.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c ?? 1);
    });
  });
  if (code !== 0) throw new StepError(`pip install of ${name} failed (exit ${code}, pip's output above): ${needs}`);
  writeFileSync(stamp, requirements);
  log(`${name}: installed`);
  return tool.venv;
}

// as a command: provisions the named tools (all without names); a failure is one clear line and exit code 1
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const names = process.argv.slice(2);
  (async () => {
    for (const name of names.length > 0 ? names : Object.keys(PYTHON_TOOLS)) await ensurePythonTool(name, (line) => process.stderr.write(`[python-tools] ${line}\n`));
  })().catch((error) => {
    process.stderr.write(`[python-tools] ✖ ${error instanceof StepError ? error.message : error.stack}\n`);
    process.exit(1);
  });
}
