// The console's weight and first load: the JavaScript each screen downloads (raw, gzip, brotli — the gateway sends
// brotli), from the build's manifest, and cold-cache loads in Chromium: the login page until its form is ready, and
// each role's first screen after signing in until it is drawn. The web app is served by the gateway's own static
// handler (compression, caching as in production); the services' answers are stubbed as empty lists, so the times
// are the console's own (download, parse, render), not the services'. Issue 15 budgets the login page at 250 KiB.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { percentile, require, rssMb } from './lib.mjs';
import { root } from '../scripts/lib/run.mjs';

const DIST = join(root, 'services', 'console', 'web', 'dist');
const LOGIN_BUDGET_BYTES = 250 * 1024;
const RUNS = 5;

/** Each role's first screen: where it lands, what shows it is drawn, and the page module it loads. */
const ROLE_SCREENS = [
  { role: 'operator', path: '/call', ready: '[data-testid=call-form]', page: 'CallPage' },
  { role: 'community-handler', path: '/worklist', ready: '[data-testid=worklist-table]', page: 'WorklistPage' },
  { role: 'dispatcher', path: '/dispatch', ready: '[data-testid=dispatch-queue]', page: 'DispatchPage' },
  { role: 'supervisor', path: '/supervisor', ready: '[data-testid=sup-figures]', page: 'SupervisorPage' },
  { role: 'mediator', path: '/mediation', ready: '[data-testid=current-user]', page: 'MediationPage' },
  { role: 'grid-worker', path: '/m', ready: '#field-list-title', page: 'FieldList' },
];

export async function benchConsoleLoad() {
  if (!existsSync(join(DIST, '.vite', 'manifest.json'))) throw new Error(`${DIST} has no build manifest: npm run build -w @civicflow/console first`);
  const sizes = bundleSizes();
  printSizes(sizes);
  const { serveWebApp } = require('@civicflow/console/dist/web/serve-web-app');
  const server = await serve(serveWebApp(DIST));
  const base = `http://127.0.0.1:${server.address().port}`;
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const rows = [];
  try {
    rows.push(await sample('console first load: login page ready', () => loadLogin(browser, base)));
    for (const screen of ROLE_SCREENS) rows.push(await sample(`console first load: ${screen.role} ${screen.path}`, () => loadRoleScreen(browser, base, screen)));
  } finally {
    await browser.close();
    server.close();
  }
  const login = sizes.find((s) => s.screen === 'login');
  rows.unshift({ bench: `console login page JS (br ${kib(login.br)} KiB, gzip ${kib(login.gzip)} KiB, raw ${kib(login.raw)} KiB; budget 250 KiB)`, count: login.files, seconds: 0, rate: login.br / 1024, unit: 'KiB br', p50: '', p95: '', rssMb: rssMb() });
  if (login.br > LOGIN_BUDGET_BYTES) throw new Error(`the login page loads ${kib(login.br)} KiB of JavaScript (brotli): over its 250 KiB budget`);
  return rows;
}

/** The chunks a screen loads (its module and everything it imports statically), from Vite's manifest, and their bytes. */
function bundleSizes() {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8'));
  const entries = Object.entries(manifest);
  const byName = (name) => entries.find(([key, chunk]) => chunk.isDynamicEntry && (key.endsWith(`/${name}.tsx`) || key.endsWith(`/${name}.ts`)))?.[0];
  const closure = (keys) => {
    const seen = new Set();
    const walk = (key) => {
      if (!key || seen.has(key)) return;
      seen.add(key);
      for (const imported of manifest[key]?.imports ?? []) walk(imported);
    };
    keys.forEach(walk);
    return seen;
  };
  const entry = entries.find(([, chunk]) => chunk.isEntry)[0];
  const measure = (screen, keys) => {
    const files = [...closure(keys)].flatMap((key) => [manifest[key].file, ...(manifest[key].css ?? [])]).filter((f) => f.endsWith('.js'));
    return { screen, files: files.length, raw: sum(files.map((f) => size(f, ''))), gzip: sum(files.map((f) => size(f, '.gz'))), br: sum(files.map((f) => size(f, '.br'))) };
  };
  const login = measure('login', [entry, byName('LoginPage')]);
  const screens = ROLE_SCREENS.map((s) => measure(`${s.role} ${s.path}`, [entry, s.path === '/m' ? byName('FieldApp') : byName('Workspace'), byName(s.page)]));
  const all = entries.map(([, c]) => c.file).filter((f) => f.endsWith('.js'));
  return [login, ...screens, { screen: 'whole app (every chunk)', files: all.length, raw: sum(all.map((f) => size(f, ''))), gzip: sum(all.map((f) => size(f, '.gz'))), br: sum(all.map((f) => size(f, '.br'))) }];
}

/** A file's bytes as served: its compressed copy, or the file itself where the build kept none (too small to gain). */
function size(file, ext) {
  return existsSync(join(DIST, file + ext)) ? statSync(join(DIST, file + ext)).size : statSync(join(DIST, file)).size;
}

function printSizes(sizes) {
  console.log('\n  JavaScript a screen loads on a cold cache (KiB)');
  console.log('  screen | files | raw | gzip | brotli (served)');
  for (const s of sizes) console.log(`  ${s.screen} | ${s.files} | ${kib(s.raw)} | ${kib(s.gzip)} | ${kib(s.br)}`);
}

/** The built app behind the gateway's static handler; /api answered with empty lists (the services are not measured). */
function serve(handler) {
  const user = (role) => ({ userId: role, name: role, role, unitId: role === 'grid-worker' ? 'bf-d01-s01-c01-g01' : role === 'community-handler' ? 'bf-d01-s01-c01' : 'bf' });
  const express = require('express');
  const app = express();
  app.use(handler);
  app.post('/api/session/login', express.json(), (req, res) => res.json({ accessToken: `bench.${req.body.username}`, user: user(req.body.username) }));
  app.get('/api/stream', (_req, res) => res.status(204).end());
  app.use('/api', (req, res) => res.json(/ranking|trend|heatmap|households/.test(req.path) ? [] : { items: [], cases: [], callbacks: [], results: [], entries: [], groups: [], total: 0, reports: [], basemap: [] }));
  return new Promise((resolve) => {
    const server = createServer(app).listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function loadLogin(browser, base) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${base}/login`);
  await page.locator('[data-testid=login-submit]').waitFor();
  const ms = Date.now() - started;
  await context.close();
  return ms;
}

async function loadRoleScreen(browser, base, screen) {
  const context = await browser.newContext({ locale: 'zh-CN', ...(screen.path === '/m' ? { viewport: { width: 390, height: 844 } } : {}) });
  const page = await context.newPage();
  // signed in already (the session is in the tab), as after the login page: a cold cache, the screen's own load
  await page.goto(`${base}/login`);
  await page.evaluate((u) => {
    sessionStorage.setItem('civicflow.token', `bench.${u.role}`);
    sessionStorage.setItem('civicflow.user', JSON.stringify(u));
  }, { userId: screen.role, name: screen.role, role: screen.role, unitId: 'bf' });
  await context.clearCookies();
  const client = await context.newCDPSession(page);
  await client.send('Network.clearBrowserCache');
  const started = Date.now();
  await page.goto(`${base}${screen.path}`);
  await page.locator(screen.ready).first().waitFor({ timeout: 30_000 });
  const ms = Date.now() - started;
  await context.close();
  return ms;
}

async function sample(bench, load) {
  await load(); // warm the server's file list
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await load());
  times.sort((a, b) => a - b);
  return { bench, count: RUNS, seconds: sum(times) / 1000, rate: RUNS / (sum(times) / 1000), unit: 'loads/s', p50: percentile(times, 50), p95: percentile(times, 95), rssMb: rssMb() };
}

const sum = (values) => values.reduce((a, b) => a + b, 0);
const kib = (bytes) => (bytes / 1024).toFixed(1);
