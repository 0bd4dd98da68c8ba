// Small helpers shared by `npm start` and `npm test`: numbered progress steps, child processes, and
// the dependency check that makes both commands work on a fresh clone.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

export class StepError extends Error {}

let stepNo = 0;
export async function step(total, title, fn) {
  stepNo += 1;
  const started = Date.now();
  console.log(`\n▶ [${stepNo}/${total}] ${title}`);
  const result = await fn();
  console.log(`✔ [${stepNo}/${total}] ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...options.env } });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function runOrFail(command, args, what, options) {
  const code = await run(command, args, options);
  if (code !== 0) throw new StepError(`${what} failed (exit ${code}); see the output above.`);
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    throw new StepError(`Node ${process.versions.node} is too old: CivicFlow needs Node 20.19 or newer (nodejs.org or your package manager).`);
  }
}

/** Installs dependencies when node_modules is missing or older than package-lock.json. */
export async function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) {
    console.log('  dependencies are installed');
    return;
  }
  const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' });
  if (npm.status !== 0) throw new StepError('npm was not found: install Node.js 20 with npm.');
  await runOrFail('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], 'npm ci (installing dependencies)');
}

export async function infra() {
  return import(join(root, 'deploy/local/index.mjs'));
}

/** Runs main and turns expected failures into one clear line (no stack trace) and exit code 1. */
export function main(fn) {
  fn().catch((error) => {
    if (error instanceof StepError || error?.name === 'InfraError') {
      console.error(`\n✖ ${error.message}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  });
}

/**
 * Debian packages the system needs beyond Node: the Noto CJK fonts (Chinese text in agreement PDFs and in the
 * console's screenshots) and, for the browser tests, Chromium (browsers cannot be downloaded by npm here).
 * Installs what is missing with apt-get when it can; otherwise says what to install.
 */
export const SYSTEM_PACKAGES = {
  fonts: { package: 'fonts-noto-cjk', path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' },
  chromium: { package: 'chromium', path: '/usr/bin/chromium' },
};

export async function ensureSystemPackages(names) {
  const wanted = names.map((name) => SYSTEM_PACKAGES[name]);
  const missing = wanted.filter((p) => !existsSync(p.path));
  if (missing.length === 0) {
    console.log(`  present: ${wanted.map((p) => p.package).join(', ')}`);
    return;
  }
  const packages = missing.map((p) => p.package);
  const canApt = spawnSync('apt-get', ['--version'], { encoding: 'utf8' }).status === 0 && process.getuid?.() === 0;
  if (!canApt) {
    throw new StepError(`missing ${packages.join(', ')}: install ${packages.length > 1 ? 'them' : 'it'} (Debian/Ubuntu: sudo apt-get install -y ${packages.join(' ')}), then run this again.`);
  }
  console.log(`  installing ${packages.join(', ')} with apt-get (a few minutes the first time)…`);
  await runOrFail('apt-get', ['update', '-qq'], 'apt-get update');
  await runOrFail('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], `apt-get install ${packages.join(' ')}`, { env: { DEBIAN_FRONTEND: 'noninteractive' } });
  const still = missing.filter((p) => !existsSync(p.path));
  if (still.length > 0) throw new StepError(`installed ${packages.join(', ')} but ${still.map((p) => p.path).join(', ')} is still missing.`);
}

/** The console's web app (React + Vite) into services/console/web/dist, which the console service serves. */
export async function buildConsoleWeb() {
  await runOrFail('npx', ['vite', 'build', '--config', 'services/console/web/vite.config.mts', '--logLevel', 'warn'], 'the console web build (vite)');
}
