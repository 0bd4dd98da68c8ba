// What the console's browser tests share: Debian's Chromium, one context per person (their own connection pool for
// the live stream), signing in, and axe-core (from npm, injected into the page) run on every page a test visits,
// failing on any WCAG 2.1 A/AA violation.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

const requireHere = createRequire(__filename);
/** axe-core's browser bundle, injected as a script. */
const AXE_SOURCE: string = (requireHere('axe-core') as { source: string }).source;
export const DEMO_PASSWORD = 'civicflow';
const ROOT = join(__dirname, '..', '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the browser tests save their screenshots (the README shows copies from docs/screenshots). */
export const SCREENSHOT_DIR = join(ROOT, '.civicflow', 'reports', 'screenshots');

/** Fails a browser test at once, saying what to do, when the console's web app is not built or Chromium is missing. */
export function requireBuiltConsoleAndChromium(): void {
  const webDist = join(ROOT, 'services', 'console', 'web', 'dist', 'index.html');
  if (!existsSync(webDist)) throw new Error(`${webDist} is missing: build the console first (npm run build -w @civicflow/console; npm test does)`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (npm test installs it)`);
}

export async function launchChromium(executablePath = CHROMIUM): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A person at a machine: desk (1440 × 900) unless told otherwise, China time, Chinese unless told otherwise. */
export function newPerson(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
}

export async function signIn(context: BrowserContext, base: string, username: string, landsOn: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname.startsWith(landsOn), { timeout: 20_000 });
  await page.getByTestId('current-user').waitFor();
  return page;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Accessibility audit of the page as it is (WCAG 2.1 A and AA rules of axe-core); every page checked is
 * recorded in `checked`. Throws listing the violations, so a test fails on the first page that has one.
 */
export class AxeAudit {
  readonly checked: string[] = [];

  async check(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('domcontentloaded');
    // animations end and lazy parts settle before the audit reads colours and names
    await page.waitForTimeout(400);
    // evaluated over the DevTools protocol, not as a <script>: the console's Content-Security-Policy (script-src
    // 'self') rightly refuses inline scripts, and the audit must not need it loosened
    if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(`${AXE_SOURCE}\n;undefined`);
    const violations = await page.evaluate(async () => {
      const browser = globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> }; document: unknown };
      const result = await browser.axe.run(browser.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
    });
    this.checked.push(name);
    if (violations.length > 0) {
      const lines = violations.map((v) => `${v.impact ?? ''} ${v.id} (${v.help}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(1).join(' ')}`).join(' | ')}`);
      throw new Error(`axe-core found ${violations.length} accessibility violation(s) on ${name} (${page.url()}):\n${lines.join('\n')}`);
    }
  }
}

/** Polls `check` until it holds (pokes in between, e.g. a refresh click); throws naming what it waited for. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string, poke?: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
    if (poke) await poke().catch(() => undefined);
  }
}

export function screenshotPath(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
