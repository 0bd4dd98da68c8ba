#!/usr/bin/env node
// Runs the console journey against a running system: node services/console/e2e/run-journey.mjs [baseUrl] [screenshotDir]
// Compiles console-journey.ts with the repository's TypeScript (no tsx here) into a temporary module first.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const ts = require('typescript');
const source = readFileSync(join(here, 'console-journey.ts'), 'utf8');
const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
// resolve playwright-core from here, not from the temporary folder
const compiled = outputText.replace(/from 'playwright-core'/, `from '${pathToFileURL(join(dirname(require.resolve('playwright-core/package.json')), 'index.mjs')).href}'`);
const dir = mkdtempSync(join(tmpdir(), 'console-journey-'));
const file = join(dir, 'console-journey.mjs');
writeFileSync(file, compiled);
const baseUrl = process.argv[2] ?? process.env.CONSOLE_URL ?? 'http://127.0.0.1:3000';
const screenshotDir = resolve(process.argv[3] ?? join(here, '..', '..', '..', '.civicflow', 'screenshots'));
const started = Date.now();
try {
  const { runConsoleJourney } = await import(pathToFileURL(file).href);
  const result = await runConsoleJourney({ baseUrl, screenshotDir, log: (m) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`) });
  console.log(`journey passed: case ${result.caseNumber}; screenshots in ${screenshotDir}`);
} catch (error) {
  console.error('journey failed:', error);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
