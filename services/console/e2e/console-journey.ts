// The console's browser journey on the real system (BFF + services + worker, short SLA windows from
// deploy/local/sla-profiles.short.json): operator logs a call → community accepts → the community window breaches
// and the case escalates to the street → the street summons urban management → the liaison reports in and
// answers → the street resolves → the operator records a satisfied callback → the supervisor sees the figures
// move and drills down to the case and its timeline → the operator logs a neighbour dispute, the mediator takes it
// through parties, a session and its minutes to an agreement and its PDF. A screenshot of each role's main screen
// is saved.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Locator, type Page } from 'playwright-core';
import { launchChromium, newPerson, signIn as signInAs } from './browser-kit';

export interface ConsoleJourneyOptions {
  /** the BFF serving the built console, e.g. http://127.0.0.1:3000 */
  baseUrl: string;
  screenshotDir: string;
  log?: (message: string) => void;
  /** default /usr/bin/chromium (or $CHROMIUM_PATH) */
  executablePath?: string;
  /** how long to wait for the community window to breach and the case to reach the street (default 4 min) */
  escalationTimeoutMs?: number;
}

export interface ConsoleJourneyResult {
  caseNumber: string;
  screenshots: string[];
  figures: { before: Figures; after: Figures };
  timelineTypes: string[];
  /** the neighbour dispute the mediator took to an agreement */
  dispute: { disputeId: string; stage: string };
}

interface Figures {
  cases: number;
  resolutionRate: string;
  satisfactionRate: string;
}

/** 北丰市: a point inside grid bf-d01-s01-c01-g01 (锦华社区第1网格), the demo `community` user's community. */
const POINT_IN_DEMO_COMMUNITY = { lng: 109.803688, lat: 40.554465 };
const STREET_UNIT = 'bf-d01-s01';
const COMMUNITY_UNIT = 'bf-d01-s01-c01';
/** Categories the urban-management liaison owns: [what the operator types, the category it picks]. */
const CATEGORIES: [string, string][] = [['ldzm', '0208'], ['0203', '0203'], ['0206', '0206'], ['0209', '0209'], ['0211', '0211'], ['0201', '0201'], ['0204', '0204'], ['0207', '0207'], ['0213', '0213'], ['0202', '0202']];
/** Dispute categories (taxonomy isDispute) that take a complaint: 邻里纠纷 first, then 相邻通行采光纠纷. */
const DISPUTE_CATEGORIES: [string, string][] = [['1601', '1601'], ['1604', '1604'], ['1601', '1601'], ['1604', '1604']];
/** China has one offset all year: times typed into the console (Asia/Shanghai) are UTC+8. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

export async function runConsoleJourney(options: ConsoleJourneyOptions): Promise<ConsoleJourneyResult> {
  const log = options.log ?? (() => undefined);
  const base = options.baseUrl.replace(/\/$/, '');
  mkdirSync(options.screenshotDir, { recursive: true });
  // one browser (launch() gives it a fresh temporary user data dir), one context per role: each role is its own
  // machine with its own connection pool — five tabs of one profile holding five SSE streams would exhaust
  // Chromium's six connections per host
  const browser = await launchChromium(options.executablePath);
  const screenshots: string[] = [];
  const newContext = () => newPerson(browser, { viewport: { width: 1366, height: 768 } });
  const shot = async (page: Page, name: string) => {
    const path = join(options.screenshotDir, name);
    await page.screenshot({ path });
    screenshots.push(path);
    log(`screenshot ${path}`);
  };
  try {
    // --- supervisor first: the figures before ------------------------------------------------------------
    const supervisor = await signIn(newContext, base, 'supervisor', '/supervisor');
    const before = await readFigures(supervisor);
    log(`figures before: ${JSON.stringify(before)}`);

    // --- operator logs the call -----------------------------------------------------------------------------
    const operator = await signIn(newContext, base, 'operator', '/call');
    const callerNumber = `139${String(Date.now()).slice(-8)}`;
    let caseNumber = '';
    // a point inside the community's first grid; another one when intake merges the call into an open case
    // of the same problem nearby (合并, e.g. left over from an earlier run)
    for (let attempt = 1; !caseNumber; attempt++) {
      if (attempt > CATEGORIES.length) throw new Error('every call was merged into an existing case or routed elsewhere');
      if (attempt > 1) await operator.keyboard.press('Alt+N');
      const point = attempt === 1 ? POINT_IN_DEMO_COMMUNITY : pointNear(POINT_IN_DEMO_COMMUNITY, 0.0022);
      // first by pinyin initials (路灯照明 → ldzm), later attempts another urban-management category by its code
      const [query, code] = CATEGORIES[attempt - 1];
      const logged = await logCall(operator, { callerNumber, query, code, point, content: `锦华社区路灯连续三晚不亮,夜间行人看不清路 (browser journey ${new Date().toISOString()})` }, log);
      if (logged) caseNumber = logged;
    }
    log(`case ${caseNumber} registered`);
    await shot(operator, 'operator.png');

    // the caller's earlier calls show up as the number is typed again (new call, Alt+N)
    await operator.keyboard.press('Alt+N');
    await operator.locator('#call_callerNumber').fill(callerNumber);
    await operator.getByTestId('caller-history-item').first().waitFor({ timeout: 20_000 });
    log('caller history lists the earlier call');

    // --- community handler accepts -----------------------------------------------------------------------
    const community = await signIn(newContext, base, 'community', '/worklist');
    await waitForRow(community, caseNumber, 60_000, log);
    await community.getByTestId('worklist-filter').fill('');
    await shot(community, 'handler.png');
    await openCase(community, base, caseNumber);
    await community.getByTestId('case-action-accept').click();
    await waitForCase(community, (c) => c.stage === 'in-handling', 60_000, `${caseNumber} in handling`);
    log('community accepted (签收)');

    // --- the community window breaches: the case goes to the street ----------------------------------------
    const street = await signIn(newContext, base, 'street', '/worklist');
    await waitForRow(street, caseNumber, options.escalationTimeoutMs ?? 240_000, log);
    log('case escalated to the street');
    await street.getByTestId('worklist-filter').fill('');
    await shot(street, 'street.png');
    await openCase(street, base, caseNumber);
    await waitForCase(street, (c) => c.unit === STREET_UNIT, 60_000, 'case held by the street');
    await street.getByTestId('case-action-summonDepartments').click();
    const departments = street.getByTestId('cmd-modal-summonDepartments').locator('.ant-select').first();
    await departments.click();
    await street.keyboard.type('城市管理');
    await street.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    await street.keyboard.press('Enter');
    await street.keyboard.press('Escape');
    await street.getByTestId('cmd-submit').click();
    await waitFor(async () => (await street.locator('[data-testid=summons-status]').count()) > 0, 60_000, 'summons listed', () => street.getByTestId('case-refresh').click());
    log('street summoned urban management (吹哨)');

    // --- the liaison reports in and answers --------------------------------------------------------------
    const liaison = await signIn(newContext, base, 'liaison', '/worklist');
    await waitForRow(liaison, caseNumber, 60_000, log);
    await liaison.getByTestId('worklist-filter').fill('');
    await shot(liaison, 'liaison.png');
    await openCase(liaison, base, caseNumber);
    await waitForVisible(liaison, 'case-action-reportIn', 60_000);
    await liaison.getByTestId('case-action-reportIn').click();
    await waitForVisible(liaison, 'case-action-answer', 60_000);
    log('liaison reported in (报到)');
    await liaison.getByTestId('case-action-answer').click();
    await liaison.getByTestId('cmd-plan').fill('当晚派维修班组排查线路,更换损坏灯具');
    await liaison.getByTestId('cmd-result').fill('已更换3盏路灯,恢复照明');
    await liaison.getByTestId('cmd-submit').click();
    await waitFor(async () => (await liaison.locator('[data-testid=summons-status][data-status=answered]').count()) > 0, 60_000, 'summons answered', () => liaison.getByTestId('case-refresh').click());
    log('liaison answered (答复)');

    // --- the street resolves ---------------------------------------------------------------------------------
    await street.getByTestId('case-refresh').click();
    await waitForVisible(street, 'case-action-resolve', 60_000, () => street.getByTestId('case-refresh').click());
    await street.getByTestId('case-action-resolve').click();
    await street.getByTestId('cmd-summary').fill('城管部门已更换路灯,现场恢复照明,街道复核确认');
    await street.getByTestId('cmd-submit').click();
    await waitForCase(street, (c) => c.stage === 'resolved', 60_000, 'case resolved', () => street.getByTestId('case-refresh').click());
    log('street resolved (办结)');

    // --- the operator calls back: satisfied ------------------------------------------------------------------
    await operator.goto(`${base}/callbacks`);
    const record = operator.getByTestId(`callback-record-${caseNumber}`);
    await waitFor(async () => record.isVisible(), 90_000, 'callback task listed', () => operator.getByTestId('callbacks-refresh').click());
    await record.click();
    await operator.getByTestId('callback-satisfaction').waitFor();
    await operator.getByTestId('callback-submit').click();
    await waitFor(async () => !(await record.isVisible()), 30_000, 'callback recorded', () => operator.getByTestId('callbacks-refresh').click());
    log('callback recorded: satisfied (回访 满意)');
    await openCase(street, base, caseNumber);
    await waitForCase(street, (c) => c.stage === 'closed', 60_000, 'case closed', () => street.getByTestId('case-refresh').click());
    log('case closed (归档)');

    // --- the supervisor sees the figures move and drills down to the case ----------------------------------
    await supervisor.goto(`${base}/supervisor`);
    let after = await readFigures(supervisor);
    await waitFor(async () => {
      after = await readFigures(supervisor);
      return after.cases > before.cases && after.satisfactionRate !== '—';
    }, 60_000, 'figures moved', () => supervisor.getByTestId('sup-refresh').click());
    log(`figures after: ${JSON.stringify(after)}`);
    await shot(supervisor, 'supervisor.png');
    await supervisor.getByTestId('figure-satisfactionRate').click();
    const drillLink = supervisor.locator(`[data-testid=drill-table] [data-testid=case-link][data-case="${caseNumber}"]`);
    await drillLink.waitFor({ timeout: 30_000 });
    log('drill-down lists the case behind the satisfaction rate');
    await drillLink.click();
    await supervisor.getByTestId('case-page').waitFor();
    await waitFor(async () => (await supervisor.locator('[data-testid=timeline-entry][data-type="case.closed"]').count()) > 0, 30_000, 'full timeline', () => supervisor.getByTestId('case-refresh').click());
    const timelineTypes = await supervisor.locator('[data-testid=timeline-entry]').evaluateAll((els) => els.map((e) => e.getAttribute('data-type') ?? '').reverse());
    log(`timeline: ${timelineTypes.join(' → ')}`);
    for (const expected of ['case.registered', 'case.accepted', 'case.escalated', 'case.departments-summoned', 'case.department-reported-in', 'case.department-answered', 'case.resolved', 'case.closed']) {
      if (!timelineTypes.includes(expected)) throw new Error(`timeline lacks ${expected}: ${timelineTypes.join(', ')}`);
    }
    await shot(supervisor, 'case.png');

    // --- a neighbour dispute: the operator logs it, the mediator takes it to an agreement ---------------------
    const mediator = await signIn(newContext, base, 'mediator', '/mediation');
    await mediator.getByTestId('mediation-page').waitFor();
    const dispute = await mediateDispute(operator, mediator, base, log);
    // the "done" toasts fade out before the picture
    await waitFor(async () => (await mediator.locator('.ant-message-notice').count()) === 0, 10_000, 'toasts gone').catch(() => undefined);
    await shot(mediator, 'mediator.png');

    return { caseNumber, screenshots, figures: { before, after }, timelineTypes, dispute };
  } finally {
    await browser.close().catch(() => undefined);
  }
}

/**
 * Logs one call on the operator's screen at a point; the case number, or null when the point routes outside the demo
 * community or intake merged the call into an open case (合并) — the caller then tries again elsewhere.
 */
async function logCall(operator: Page, call: { callerNumber: string; query: string; code: string; point: { lng: number; lat: number }; content: string }, log: (m: string) => void): Promise<string | null> {
  await operator.locator('#call_callerNumber').fill(call.callerNumber);
  const category = operator.locator('#call_category');
  await category.click();
  await category.pressSequentially(call.query, { delay: 40 });
  await operator.getByTestId(`category-option-${call.code}`).first().waitFor({ timeout: 10_000 });
  await operator.getByTestId(`category-option-${call.code}`).first().click();
  await operator.getByTestId('call-category-chosen').waitFor();
  await operator.locator('#call_content').fill(call.content);
  await operator.locator('#call_lng').fill(String(call.point.lng));
  await operator.locator('#call_lat').fill(String(call.point.lat));
  await operator.getByTestId('call-locate-point').click();
  const routing = operator.getByTestId('call-routing');
  await routing.waitFor({ timeout: 15_000 });
  if ((await routing.getAttribute('data-community')) !== COMMUNITY_UNIT) {
    log(`point ${call.point.lng},${call.point.lat} routes to ${await routing.innerText()}; trying another`);
    return null;
  }
  log(`routing: ${await routing.innerText()}`);
  // Ctrl+Enter submits from anywhere in the form
  await operator.locator('#call_content').press('Control+Enter');
  const caseNumberEl = operator.getByTestId('call-case-number');
  await caseNumberEl.waitFor({ timeout: 90_000 });
  const number = (await caseNumberEl.getAttribute('data-case'))!;
  if ((await caseNumberEl.getAttribute('data-merged')) === 'true') {
    log(`call merged into open case ${number} (合并); logging the next call at another point`);
    return null;
  }
  return number;
}

/**
 * The mediator part: the operator logs a neighbour dispute in 锦华社区 → it opens as dispute tj-<case> with the demo
 * mediator (the community committee's only member) → two parties, a session a minute ahead, its minutes once it has
 * started, an agreement with one term → the agreement PDF answers application/pdf. Leaves the mediator's page on the
 * dispute's agreement.
 */
export async function mediateDispute(operator: Page, mediator: Page, base: string, log: (m: string) => void): Promise<{ disputeId: string; stage: string }> {
  const started = Date.now();
  await operator.goto(`${base}/call`);
  await operator.locator('#call_callerNumber').waitFor();
  const callerNumber = `137${String(Date.now()).slice(-8)}`;
  let caseNumber = '';
  for (let attempt = 1; !caseNumber; attempt++) {
    if (attempt > DISPUTE_CATEGORIES.length) throw new Error('every dispute call was merged into an existing case or routed elsewhere');
    if (attempt > 1) await operator.keyboard.press('Alt+N');
    const point = attempt === 1 ? POINT_IN_DEMO_COMMUNITY : pointNear(POINT_IN_DEMO_COMMUNITY, 0.0022);
    const [query, code] = DISPUTE_CATEGORIES[attempt - 1];
    const logged = await logCall(operator, { callerNumber, query, code, point, content: `楼上住户卫生间漏水到我家天花板,协商多次未果,请求调解 (browser journey ${new Date().toISOString()})` }, log);
    if (logged) caseNumber = logged;
  }
  const disputeId = `tj-${caseNumber}`;
  log(`dispute call registered as case ${caseNumber}; waiting for ${disputeId}`);

  // the dispute reaches the mediator's list, assigned (mediating)
  const row = mediator.locator(`[data-testid=dispute-row][data-dispute="${disputeId}"]`);
  await waitFor(async () => row.isVisible(), 60_000, `${disputeId} in the mediator's list`, () => mediator.getByTestId('dispute-list-refresh').click());
  await row.click();
  const detail = mediator.getByTestId('dispute-detail');
  await waitFor(async () => (await detail.getAttribute('data-stage')) === 'mediating', 60_000, `${disputeId} assigned (mediating)`, () => mediator.getByTestId('dispute-refresh').click());
  log(`${disputeId} is the mediator's (${Math.round((Date.now() - started) / 1000)} s)`);

  // two parties: the applicant (the caller) and the neighbour upstairs
  const parties = mediator.locator('[data-testid=party-item]');
  const addParty = async (role: string, name: string, phone: string, address: string) => {
    const before = await parties.count();
    await mediator.getByTestId('mediation-action-addParty').click();
    const modal = mediationModal(mediator, 'party');
    await modal.waitFor();
    await modal.getByText(role, { exact: true }).click();
    await mediator.locator('#party_name').fill(name);
    await mediator.locator('#party_phone').fill(phone);
    await mediator.locator('#party_address').fill(address);
    await submitModal(modal);
    await waitFor(async () => (await parties.count()) > before, 20_000, `party ${name} listed`);
  };
  await addParty('申请人', '王明', callerNumber, '锦绣花园3号楼2单元401');
  await addParty('被申请人', '李强', '13900001111', '锦绣花园3号楼2单元501');
  const shown = await parties.allInnerTexts();
  if (shown.some((text) => text.includes(callerNumber))) throw new Error(`a party's full phone number is on the screen: ${shown.join(' | ')}`);
  log('mediator added two parties (contacts masked)');

  // a session on the first whole minute at least 12 s ahead (typed as HH:mm; the form is sent within a few seconds), 15 minutes long
  const startsAt = nextWholeMinute(Date.now(), 12_000);
  await mediator.getByTestId('mediation-action-schedule').click();
  const sessionModal = mediationModal(mediator, 'session');
  await sessionModal.waitFor();
  await typeDateTime(mediator, '#session_startsAt', chinaDateTime(startsAt));
  await typeDateTime(mediator, '#session_endsAt', chinaDateTime(new Date(startsAt.getTime() + 15 * 60_000)));
  await mediator.locator('#session_place').fill('锦华社区人民调解室');
  await submitModal(sessionModal);
  const session = mediator.locator('[data-testid=session-item]').first();
  await session.waitFor({ timeout: 20_000 });
  log(`session scheduled at ${chinaDateTime(startsAt)} (Asia/Shanghai)`);

  // its minutes once it has started
  const wait = startsAt.getTime() + 2_000 - Date.now();
  if (wait > 0) {
    log(`waiting ${Math.round(wait / 1000)} s for the session to start`);
    await mediator.waitForTimeout(wait);
  }
  await session.getByTestId('session-record').click();
  const minutesModal = mediationModal(mediator, 'minutes');
  await minutesModal.waitFor();
  await mediator.locator('#minutes_minutesSummary').fill('双方到场陈述：李强家卫生间防水层老化致楼下漏水，李强同意修复防水层并承担维修费用');
  await submitModal(minutesModal);
  await waitFor(async () => (await session.getAttribute('data-status')) === 'held', 20_000, 'session minutes recorded');
  log('minutes recorded (调解笔录)');

  // the agreement: one term, owed by the respondent (the form's default party), due in a week
  await mediator.getByTestId('mediation-action-agreement').click();
  const agreementModal = mediationModal(mediator, 'agreement');
  await agreementModal.waitFor();
  await mediator.locator('#agreement_terms_0_obligation').fill('七日内修复卫生间防水层，并赔偿楼下维修费1800元');
  await submitModal(agreementModal);
  await waitFor(async () => (await detail.getAttribute('data-stage')) === 'agreed', 30_000, `${disputeId} agreed`, () => mediator.getByTestId('dispute-refresh').click());
  await mediator.locator('[data-testid=dispute-agreement] tbody tr').first().waitFor();
  log('agreement reached (调解协议)');

  // the agreement document, with the page's own token
  await mediator.getByTestId('agreement-pdf').waitFor();
  const pdf = await mediator.evaluate(async (path) => {
    // runs in the page: its sessionStorage (the test's own typings have no DOM)
    const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
    const response = await fetch(path, { headers: { authorization: `Bearer ${storage.getItem('civicflow.token') ?? ''}` } });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, type: response.headers.get('content-type') ?? '', head: String.fromCharCode(...bytes.slice(0, 5)), size: bytes.length };
  }, `/api/mediation/mediation/disputes/${encodeURIComponent(disputeId)}/agreement.pdf`);
  if (pdf.status !== 200 || !pdf.type.startsWith('application/pdf') || pdf.head !== '%PDF-') throw new Error(`agreement PDF: ${JSON.stringify(pdf)}`);
  log(`agreement PDF: ${pdf.type}, ${pdf.size} bytes (${Math.round((Date.now() - started) / 1000)} s for the dispute)`);
  return { disputeId, stage: (await detail.getAttribute('data-stage')) ?? '' };
}

/** A mediation form's dialog (the modal's root has no box of its own: the dialog inside is what shows). */
function mediationModal(page: Page, name: string): Locator {
  return page.getByTestId(`mediation-modal-${name}`).locator('.ant-modal');
}

/** Sends a mediation form and waits for its modal to close; the service's refusal shown in it fails the journey. */
async function submitModal(modal: Locator): Promise<void> {
  await modal.getByTestId('mediation-submit').click();
  const refusal = modal.getByTestId('mediation-refusal');
  const fieldErrors = modal.locator('.ant-form-item-explain-error');
  const deadline = Date.now() + 30_000;
  while (await modal.isVisible()) {
    if (await refusal.isVisible()) throw new Error(`refused: ${await refusal.innerText()}`);
    if ((await fieldErrors.count()) > 0) throw new Error(`field errors: ${(await fieldErrors.allInnerTexts()).join('; ')}`);
    if (Date.now() > deadline) throw new Error('timed out after 30 s waiting for the form to be sent');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Types a date and time into an antd DatePicker (format YYYY-MM-DD HH:mm) and leaves it. */
async function typeDateTime(page: Page, selector: string, value: string): Promise<void> {
  const input = page.locator(selector);
  await input.click();
  await input.fill(value);
  await input.press('Tab');
  await page.keyboard.press('Escape').catch(() => undefined);
  const shownValue = await input.inputValue();
  if (shownValue !== value) throw new Error(`${selector} shows "${shownValue}", not "${value}"`);
}

/** The first whole minute at least `leadMs` ahead. */
function nextWholeMinute(nowMs: number, leadMs: number): Date {
  return new Date(Math.ceil((nowMs + leadMs) / 60_000) * 60_000);
}

/** YYYY-MM-DD HH:mm in China time (the browser's zone in the journey). */
function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function pointNear(p: { lng: number; lat: number }, spread: number): { lng: number; lat: number } {
  const jitter = () => (Math.random() * 2 - 1) * spread;
  return { lng: Math.round((p.lng + jitter()) * 1e6) / 1e6, lat: Math.round((p.lat + jitter()) * 1e6) / 1e6 };
}

async function signIn(newContext: () => Promise<BrowserContext>, base: string, username: string, home: string): Promise<Page> {
  return signInAs(await newContext(), base, username, home);
}

async function openCase(page: Page, base: string, caseNumber: string): Promise<void> {
  await page.goto(`${base}/cases/${encodeURIComponent(caseNumber)}`);
  await page.getByTestId('case-page').waitFor({ timeout: 20_000 });
}

async function waitForRow(page: Page, caseNumber: string, timeoutMs: number, log: (m: string) => void): Promise<void> {
  const row = page.locator(`[data-testid=worklist-row][data-case="${caseNumber}"]`);
  const started = Date.now();
  // the list is ordered by deadline and paged: narrow it to the case
  await page.getByTestId('worklist-filter').fill(caseNumber);
  await waitFor(async () => row.isVisible(), timeoutMs, `${caseNumber} in the worklist`, async () => {
    await page.getByTestId('worklist-refresh').click();
    log(`  waiting for ${caseNumber} in ${new URL(page.url()).pathname} … ${Math.round((Date.now() - started) / 1000)} s`);
  });
}

interface CaseState {
  stage: string;
  level: string;
  unit: string;
}

async function waitForCase(page: Page, done: (c: CaseState) => boolean, timeoutMs: number, what: string, poke?: () => Promise<unknown>): Promise<void> {
  const el = page.getByTestId('case-page');
  await waitFor(async () => done({ stage: (await el.getAttribute('data-stage')) ?? '', level: (await el.getAttribute('data-level')) ?? '', unit: (await el.getAttribute('data-unit')) ?? '' }), timeoutMs, what, poke);
}

async function waitForVisible(page: Page, testId: string, timeoutMs: number, poke?: () => Promise<unknown>): Promise<void> {
  await waitFor(async () => page.getByTestId(testId).isVisible(), timeoutMs, testId, poke ?? (() => page.getByTestId('case-refresh').click()));
}

/** Polls `check` every 2 s (poking the page every 5 s: a refresh click) until it holds or the time is up. */
async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string, poke?: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastPoke = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 2000));
    if (poke && Date.now() - lastPoke >= 5000) {
      lastPoke = Date.now();
      await poke().catch(() => undefined);
    }
  }
}

async function readFigures(page: Page): Promise<Figures> {
  await page.getByTestId('figure-cases-value').waitFor({ timeout: 20_000 });
  // let the summary land
  await waitFor(async () => (await page.getByTestId('figure-cases-value').innerText()).trim() !== '—', 20_000, 'figures loaded');
  const text = async (id: string) => (await page.getByTestId(id).innerText()).trim();
  return {
    cases: Number((await text('figure-cases-value')).replace(/[^\d]/g, '')) || 0,
    resolutionRate: await text('figure-resolutionRate-value'),
    satisfactionRate: await text('figure-satisfactionRate-value'),
  };
}
