// The attack suite (npm run test:security; part of npm test): CivicFlow configured as a city would run it
// (CIVICFLOW_INFRA=external, fresh secrets, no demo users, tokens from identity), attacked the way issue 12's
// tester did. Each numbered finding of the issue has a test here that failed on the code before and passes now;
// then token forgery, brute force, cross-jurisdiction reads and writes for every role × service, hostile input,
// and a scan of every database, topic, workflow history and log line for the phone numbers the flows carried.
import { spawn } from 'node:child_process';
import { createHmac, createPrivateKey, randomInt, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { caseStatusQuery } from '@civicflow/workflows';
import { createMediationActivities } from '../../workflows/src/mediation/mediation.activities';
import { loadConfig, secretSettingsOf, TokenSigner } from '@civicflow/platform';
import { bearerFor, eventually } from '@civicflow/testing';
import { pointInside } from '@civicflow/grid';
import { caseworkConfigSchema } from '@civicflow/casework';
import { consoleConfigSchema } from '@civicflow/console';
import { gridConfigSchema } from '@civicflow/grid';
import { hotlineConfigSchema } from '@civicflow/hotline';
import { identityConfigSchema } from '@civicflow/identity';
import { intakeConfigSchema } from '@civicflow/intake';
import { mediationConfigSchema } from '@civicflow/mediation';
import { notificationConfigSchema } from '@civicflow/notification';
import { ProductionSystem, ServiceName, startProductionSystem } from './production-system';
import { ensureSchemathesis, findingsOf, fuzz } from './schemathesis';
import { captureLogs, forgedToken, kafkaPositions, request, scanDatabases, scanKafka, scanTemporal } from './support';

const root = join(__dirname, '..', '..');
const PASSWORD = 'Attack-suite-2026';
const COMMUNITY_A = 'bf-d01-s01-c01';
const STREET_A = 'bf-d01-s01';
const COMMUNITY_B = 'bf-d01-s02-c01';
const STREET_B = 'bf-d01-s02';
/** The phone numbers the flows carry: a caller, two parties. Nowhere at rest may they appear in clear. */
const PHONES = { caller: `139${randomInt(10_000_000, 99_999_999)}`, party1: `137${randomInt(10_000_000, 99_999_999)}`, party2: `136${randomInt(10_000_000, 99_999_999)}` };

/** People of the city: the "home" unit A (锦华社区, 友谊路街道), and outsiders to it. */
const PEOPLE = {
  operator: ['operator', 'bf'],
  supervisor: ['supervisor', 'bf'],
  'community-a': ['community-handler', COMMUNITY_A],
  'mediator-a': ['mediator', COMMUNITY_A],
  'street-a': ['street-coordinator', STREET_A],
  // outsiders to unit A, one per role that has a jurisdiction
  'community-b': ['community-handler', COMMUNITY_B],
  'gridworker-b': ['grid-worker', `${COMMUNITY_B}-g01`],
  'mediator-b': ['mediator', COMMUNITY_B],
  'street-b': ['street-coordinator', STREET_B],
  'liaison-water': ['department-liaison', 'dept-water-affairs'],
  'supervisor-d2': ['supervisor', 'bf-d02'],
  'dispatcher-d2': ['dispatcher', 'bf-d02'],
  // a department user the administrator deactivates (finding 5): not one of the outsiders probed later
  leaver: ['department-liaison', 'dept-water-affairs'],
} as const;
type Person = keyof typeof PEOPLE;
// (operators work for the city's 12345 centre: every call is theirs)
const OUTSIDERS: Person[] = ['community-b', 'gridworker-b', 'mediator-b', 'street-b', 'liaison-water', 'supervisor-d2', 'dispatcher-d2'];

const SCHEMAS = {
  identity: identityConfigSchema, hotline: hotlineConfigSchema, intake: intakeConfigSchema, grid: gridConfigSchema,
  casework: caseworkConfigSchema, notification: notificationConfigSchema, mediation: mediationConfigSchema, console: consoleConfigSchema,
};

const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT signed with a shared secret (what CivicFlow's services accepted before, with the secret published in the source). */
function hs256(payload: object, secret: string): string {
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
/** A JWT signed with an Ed25519 key, header and claims as given. */
function ed25519(header: object, payload: object, pem: string): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign(null, Buffer.from(input), createPrivateKey(pem)).toString('base64url')}`;
}

/** Runs a service's built entry point with the given environment until it exits (or 30 s pass). */
function runEntryPoint(service: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'services', service, 'dist', 'main.js')], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('attack suite: CivicFlow as a city runs it', () => {
  let system: ProductionSystem;
  let logs: ReturnType<typeof captureLogs>;
  let logFile: string;
  const tokens = {} as Record<Person | 'admin', string>;
  const refreshTokens = {} as Record<Person, string>;
  let callA: string;
  let caseA: string;
  let caseB: string;
  let disputeA: string;
  let partyA: string;
  let kafkaBefore: Map<string, number>;

  const url = (service: ServiceName, path: string) => `${system.urls[service]}${path}`;
  const as = (who: Person | 'admin', service: ServiceName, path: string, init: { method?: string; body?: unknown; raw?: string } = {}) =>
    request(url(service, path), { ...init, token: tokens[who] });

  async function loggedCall(point: { lng: number; lat: number }, callerNumber: string): Promise<{ callId: string; caseNumber: string }> {
    const call = await as('operator', 'hotline', '/api/v1/calls', { body: { callerNumber, content: '路灯不亮 the street light is out', requestType: 'complaint', categoryCode: '0208', location: point, notifyBySms: true } });
    if (call.status !== 202) throw new Error(`call: ${call.status} ${call.text}`);
    const found = await eventually(async () => {
      const res = await as('operator', 'intake', `/api/v1/cases?channel=hotline&sourceRef=${call.body.callId}`);
      // routed, and its workflow has spoken (stage from its first event)
      return res.status === 200 && res.body.routing?.orgPath?.length && res.body.stage ? res.body : undefined;
    }, { what: `the case of call ${call.body.callId}`, timeoutMs: 60_000 });
    return { callId: call.body.callId, caseNumber: found.caseNumber };
  }

  beforeAll(async () => {
    const setupStarted = Date.now();
    logFile = join(mkdtempSync(join(tmpdir(), 'civicflow-attack-')), 'services.log');
    process.env.LOG_FILE = logFile;
    logs = captureLogs();
    system = await startProductionSystem({ IDENTITY_LOGIN_RATE_PER_MINUTE: '200', LOG_FILE: logFile });
    process.stdout.write(`attack suite: system started in ${((Date.now() - setupStarted) / 1000).toFixed(0)} s\n`);
    kafkaBefore = await kafkaPositions(system.kafka);

    // no demo users: the administrator from the bootstrap password creates everyone
    const admin = await request(url('identity', '/api/v1/auth/login'), { body: { username: 'admin', password: system.adminPassword } });
    expect(admin.status).toBe(200);
    tokens.admin = admin.body.accessToken;
    for (const [username, [role, unitId]] of Object.entries(PEOPLE)) {
      const created = await as('admin', 'identity', '/api/v1/users', { body: { username, name: username, role, unitId, password: PASSWORD } });
      expect(created.status).toBe(201);
      const login = await request(url('identity', '/api/v1/auth/login'), { body: { username, password: PASSWORD } });
      tokens[username as Person] = login.body.accessToken;
      refreshTokens[username as Person] = login.body.refreshToken;
    }

    // a consenting caller in community A, another call in community B; a walk-in dispute in A with two parties
    ({ callId: callA, caseNumber: caseA } = await loggedCall(pointInside(`${COMMUNITY_A}-g01`), PHONES.caller));
    ({ caseNumber: caseB } = await loggedCall(pointInside(`${COMMUNITY_B}-g01`), `135${randomInt(10_000_000, 99_999_999)}`));
    // the administrator registers mediator-a with 锦华's committee (人民调解委员会), who then takes the walk-in
    const registered = await as('admin', 'mediation', '/api/v1/mediation/mediators/mediator-a', { method: 'PUT', body: { name: 'mediator-a', committeeId: `cmte-${COMMUNITY_A}` } });
    if (registered.status !== 200) throw new Error(`mediator: ${registered.status} ${registered.text}`);
    const dispute = await as('mediator-a', 'mediation', '/api/v1/mediation/disputes', { body: {
      disputeType: 'neighbour', summary: '楼上漏水 water from upstairs', caseNumber: caseA, mediatorId: 'mediator-a',
      parties: [{ role: 'applicant', name: '张三', phone: PHONES.party1 }, { role: 'respondent', name: '李四', phone: PHONES.party2 }],
    } });
    if (dispute.status !== 201) throw new Error(`walk-in: ${dispute.status} ${dispute.text}`);
    disputeA = dispute.body.disputeId;
    partyA = dispute.body.parties[0].partyId;
    await eventually(async () => ((await as('mediator-a', 'mediation', `/api/v1/mediation/disputes/${disputeA}`)).body?.mediatorId ? true : undefined), { what: 'a mediator assigned' });
    const startsAt = new Date(Date.now() + 3_600_000).toISOString();
    const session = await as('mediator-a', 'mediation', `/api/v1/mediation/disputes/${disputeA}/sessions`, { body: {
      startsAt, endsAt: new Date(Date.now() + 7_200_000).toISOString(), place: '锦华社区调解室', attendeeIds: dispute.body.parties.map((p: { partyId: string }) => p.partyId),
    } });
    if (session.status !== 201) throw new Error(`session: ${session.status} ${session.text}`);
    // the caller's SMS and both parties' session SMS have gone out (the sink holds them)
    await eventually(async () => {
      const res = await as('supervisor', 'notification', `/api/v1/sink/messages?caseNumber=${caseA}&channel=sms`);
      return res.body?.messages?.length >= 3 ? true : undefined;
    }, { what: 'the SMS to the caller and the parties', timeoutMs: 60_000 });
    process.stdout.write(`attack suite set-up: ${((Date.now() - setupStarted) / 1000).toFixed(0)} s (system started, ${Object.keys(PEOPLE).length} people, two calls, a dispute)\n`);
  }, 300_000);

  afterAll(async () => {
    logs?.stop();
    delete process.env.LOG_FILE;
    await system?.stop();
  });

  describe('the findings of issue 12, one test each', () => {
    it('1. a service outside native mode refuses to start with a published secret, a missing one, no token keys, or demo users — naming the variable', async () => {
      const fresh = (name: string) => system.env[name];
      const production: Record<string, string> = {
        CIVICFLOW_INFRA: 'external', KAFKA_BROKERS: system.env.KAFKA_BROKERS, TEMPORAL_ADDRESS: system.env.TEMPORAL_ADDRESS, MONGO_URL: system.env.MONGO_URL,
        JWT_JWKS_URL: system.env.JWT_JWKS_URL, LOG_LEVEL: 'error',
      };
      const secretsOf = (service: keyof typeof SCHEMAS) => secretSettingsOf(SCHEMAS[service]);
      const allSecrets = Object.fromEntries((Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[]).flatMap(secretsOf).map((name) => [name, fresh(name)]));
      const cases: { service: string; env: Record<string, string>; expected: RegExp }[] = [];
      for (const service of Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[]) {
        for (const secret of secretsOf(service)) {
          const published = (SCHEMAS[service].parse({}) as unknown as Record<string, string>)[secret];
          cases.push({ service, env: { ...production, ...allSecrets, [secret]: published }, expected: new RegExp(`${secret} is the published development value`) });
        }
      }
      const { HOTLINE_CALLER_KEY: _missing, ...withoutCallerKey } = allSecrets;
      cases.push({ service: 'hotline', env: { ...production, ...withoutCallerKey }, expected: /HOTLINE_CALLER_KEY must be set when CIVICFLOW_INFRA=external/ });
      // no keys to check tokens against: every service that checks tokens (grid and the console have no secret of their own)
      const { JWT_JWKS_URL: _jwks, ...withoutKeys } = production;
      for (const service of Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[]) {
        if ('JWT_PUBLIC_KEYS' in SCHEMAS[service].shape) cases.push({ service, env: { ...withoutKeys, ...allSecrets }, expected: /JWT_JWKS_URL must be set/ });
      }
      cases.push({ service: 'identity', env: { ...production, ...allSecrets, IDENTITY_SEED_DEMO_USERS: 'true' }, expected: /IDENTITY_SEED_DEMO_USERS demo data and demo accounts exist only in native mode/ });
      expect(cases.length).toBeGreaterThanOrEqual(14);
      // every case through the function each main.ts calls first (loadConfig) …
      for (const { service, env, expected } of cases) {
        let refusal = 'started';
        try {
          loadConfig(SCHEMAS[service as keyof typeof SCHEMAS], env);
        } catch (error) {
          refusal = (error as Error).message;
        }
        expect({ service, refusal: refusal.match(expected)?.[0] }).toEqual({ service, refusal: expect.stringMatching(expected) });
      }
      // … and each service's built entry point, started for real with one of them, exits 1 naming the variable
      // (one case per service and the demo users, two processes at a time: each loads the whole service first)
      const started = cases.filter((c, i) => cases.findIndex((d) => d.service === c.service) === i || /SEED_DEMO/.test(c.expected.source));
      expect(started.map((c) => c.service).sort()).toEqual([...Object.keys(SCHEMAS), 'identity'].sort());
      const startNext = async (): Promise<void> => {
        const next = started.shift();
        if (!next) return;
        const { code, output } = await runEntryPoint(next.service, next.env);
        expect({ service: next.service, code, output: output.match(next.expected)?.[0] }).toEqual({ service: next.service, code: 1, output: expect.stringMatching(next.expected) });
        return startNext();
      };
      await Promise.all([startNext(), startNext()]);
      // and the token anyone could mint before — {"role":"admin","unit":"bf"} with the secret published in the source — is refused
      const published = hs256({ sub: 'attacker', name: 'x', role: 'admin', unit: 'bf', iss: 'civicflow', aud: 'civicflow-api', iat: now(), exp: now() + 3600 }, 'local-development-jwt-secret-change-me-000000');
      const developmentKey = (await bearerFor('admin', 'bf', 'attacker')).slice('Bearer '.length);
      for (const token of [published, developmentKey]) {
        for (const [service, path] of [['casework', '/api/v1/worklist'], ['mediation', '/api/v1/mediation/disputes'], ['identity', '/api/v1/users'], ['notification', '/api/v1/inbox']] as const) {
          expect((await request(url(service, path), { token })).status).toBe(401);
        }
      }
      expect(existsSync(join(root, 'services', 'identity', 'dist', 'main.js'))).toBe(true);
    }, 240_000);

    it('2. a community mediator cannot reach a case of another street: a walk-in links only to its own community’s case, and the workflow acts only as the person who asked, inside the case’s jurisdiction', async () => {
      const otherStreet = await as('mediator-a', 'mediation', '/api/v1/mediation/disputes', { body: { disputeType: 'neighbour', summary: 'x', caseNumber: caseB } });
      const nobody = await as('mediator-a', 'mediation', '/api/v1/mediation/disputes', { body: { disputeType: 'neighbour', summary: 'x', caseNumber: '20990101-000001' } });
      expect(otherStreet.status).toBe(400);
      expect(otherStreet.body.errors).toEqual([{ field: 'caseNumber', reason: expect.any(String) }]);
      expect(nobody.status).toBe(400); // the same answer for a number nobody has: nothing to probe

      // the activity that resolved the borrowed way, asked directly as 锦华's mediator about the other street's case
      const connection = await Connection.connect({ address: system.env.TEMPORAL_ADDRESS });
      try {
        const client = new Client({ connection, namespace: system.env.TEMPORAL_NAMESPACE });
        const activities = createMediationActivities({ publisher: { build: () => { throw new Error('unused'); }, publishAll: async () => 0 } as never, client });
        const before = await client.workflow.getHandle(caseB).query(caseStatusQuery);
        const step = await activities.resolveOriginalCase({
          caseNumber: caseB, mediatorId: 'mediator-a', communityId: COMMUNITY_A, streetId: STREET_A, summary: '已化解', updateId: `attack-${caseB}`,
          requestedBy: { userId: 'mediator-a', role: 'mediator', unitId: COMMUNITY_A },
        });
        expect(step).toEqual({ status: 'refused', reason: expect.objectContaining({ code: 'OUTSIDE_JURISDICTION' }) });
        const accepted = await activities.acceptOriginalCase({ caseNumber: caseB, mediatorId: 'mediator-a', communityId: COMMUNITY_A, updateId: `attack-accept-${caseB}` });
        expect(accepted).toEqual({ status: 'refused', reason: expect.objectContaining({ code: 'OUTSIDE_JURISDICTION' }) });
        expect((await client.workflow.getHandle(caseB).query(caseStatusQuery)).stage).toBe(before.stage);
      } finally {
        await connection.close();
      }
    });

    it('3. phone numbers are never at rest in clear (see the scan at the end); the directory and the sink show them masked', async () => {
      const sink = await as('supervisor', 'notification', `/api/v1/sink/messages?caseNumber=${caseA}&channel=sms`);
      const to = sink.body.messages.map((m: { to: string }) => m.to).sort();
      expect(to).toEqual(expect.arrayContaining([`${PHONES.caller.slice(0, 3)}****${PHONES.caller.slice(-4)}`, `${PHONES.party1.slice(0, 3)}****${PHONES.party1.slice(-4)}`]));
      expect(sink.text).not.toContain(PHONES.caller);
    });

    it('4. brute force: after a few wrong passwords the name is locked — 30 wrong ones, then the right one, are refused — and the lock is audited; unknown names answer alike', async () => {
      const login = (username: string, password: string) => request(url('identity', '/api/v1/auth/login'), { body: { username, password } });
      const answers: number[] = [];
      for (let i = 0; i < 30; i++) answers.push((await login('street-a', `guess-${i}`)).status);
      expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(new Set(answers.slice(5))).toEqual(new Set([429]));
      expect((await login('street-a', PASSWORD)).status).toBe(429);
      const audit = await as('admin', 'identity', '/api/v1/auth/audit?subject=street-a');
      expect(audit.body.items.map((e: { type: string }) => e.type)).toContain('login-locked');
      const unknown = await login('nobody-at-all', 'guess');
      const wrong = await login('community-b', 'guess');
      expect([unknown.status, wrong.status]).toEqual([401, 401]);
      expect(unknown.body).toEqual(wrong.body);
    });

    it('4. login timing: an unknown name takes as long as a wrong password (the answer time does not tell which names exist)', async () => {
      const timed = async (username: string, password: string) => {
        const started = performance.now();
        const res = await request(url('identity', '/api/v1/auth/login'), { body: { username, password } });
        expect(res.status).toBe(401);
        return performance.now() - started;
      };
      // alternating, so both see the same load; 3 wrong passwords per real name stay under its lock
      const real: Person[] = ['community-b', 'gridworker-b', 'mediator-b', 'street-b', 'supervisor-d2'];
      const unknown: number[] = [];
      const wrong: number[] = [];
      for (let i = 0; i < 15; i++) {
        unknown.push(await timed(`nobody-${i}-${randomInt(1e9)}`, `guess-${i}`));
        wrong.push(await timed(real[i % real.length], `guess-${i}`));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const ratio = median(unknown) / median(wrong);
      process.stdout.write(`login timing: median unknown ${median(unknown).toFixed(1)} ms, wrong password ${median(wrong).toFixed(1)} ms, ratio ${ratio.toFixed(2)}\n`);
      // before, unknown names answered ~15× faster (no scrypt); the same time class is well inside 1/3…3
      expect(ratio).toBeGreaterThan(1 / 3);
      expect(ratio).toBeLessThan(3);
    });

    it('5. tokens are checked against the user store: a token for a user who does not exist is refused; a deactivated user is refused within a minute', async () => {
      const ghost = await forgedToken({ userId: 'ghost', role: 'supervisor', unitId: 'bf' });
      expect((await request(url('hotline', '/api/v1/audit/caller-number-reads'), { token: ghost })).status).toBe(401);
      // a real user, signed in, then deactivated by the administrator
      expect((await as('leaver', 'casework', '/api/v1/worklist')).status).toBe(200);
      const deactivated = Date.now();
      expect((await as('admin', 'identity', '/api/v1/users/leaver/deactivate', { method: 'POST' })).status).toBe(200);
      await eventually(async () => ((await as('leaver', 'casework', '/api/v1/worklist')).status === 401 ? true : undefined), { what: 'the deactivated user refused', timeoutMs: 60_000 });
      expect(Date.now() - deactivated).toBeLessThan(60_000);
      for (const service of ['mediation', 'notification', 'intake'] as const) {
        const path = { mediation: '/api/v1/mediation/disputes', notification: '/api/v1/inbox', intake: `/api/v1/cases/${caseA}` }[service];
        await eventually(async () => ((await as('leaver', service, path)).status === 401 ? true : undefined), { what: `${service} refusing the deactivated user` });
      }
      expect((await request(url('identity', '/api/v1/auth/refresh'), { body: { refreshToken: refreshTokens['leaver'] } })).status).toBe(401);
      expect((await request(url('identity', '/api/v1/auth/login'), { body: { username: 'leaver', password: PASSWORD } })).status).toBe(401);
    });

    it('6. a command body nested 20,000 deep is a 400 before it reaches Temporal, everywhere', async () => {
      const deep = `{"summary":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
      const targets: [Person, ServiceName, string][] = [
        ['community-a', 'casework', `/api/v1/cases/${caseA}/commands/resolve`],
        ['mediator-a', 'mediation', `/api/v1/mediation/disputes/${disputeA}/failure`],
        ['mediator-a', 'mediation', '/api/v1/mediation/disputes'],
        ['operator', 'hotline', '/api/v1/calls'],
        ['community-a', 'console', `/api/casework/cases/${caseA}/commands/resolve`],
      ];
      for (const [who, service, path] of targets) {
        const res = await as(who, service, path, { raw: deep });
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(res.body.errors[0]).toEqual({ field: expect.any(String), code: 'too_deep', reason: '嵌套超过 32 层' });
      }
    });

    it('7. a community user cannot list another committee’s mediators (names, masked phones, workloads)', async () => {
      expect((await as('community-b', 'mediation', `/api/v1/mediation/committees/cmte-${COMMUNITY_A}/mediators`)).status).toBe(404);
      expect((await as('community-a', 'mediation', `/api/v1/mediation/committees/cmte-${COMMUNITY_A}/mediators`)).status).toBe(200);
      const listed = await as('community-b', 'mediation', '/api/v1/mediation/committees');
      expect(listed.text).not.toContain(`cmte-${COMMUNITY_A}`);
    });

    it('8. tokens only in the header; 401 bodies in our words; 404 for cases outside the jurisdiction; control and bidi characters refused; security headers on the console', async () => {
      // a token in the URL is not a credential, anywhere
      for (const [service, path] of [['casework', '/api/v1/worklist'], ['console', '/api/casework/worklist'], ['console', '/api/stream'], ['console', '/api/export/statistics']] as const) {
        expect((await request(url(service, `${path}?access_token=${tokens.supervisor}`))).status).toBe(401);
      }
      // 401 bodies never echo the JWT library
      const broken = [tokens.supervisor.slice(0, -4) + 'AAAA', 'not.a.token', await forgedToken({ userId: 'x', role: 'admin', unitId: 'bf' }), `${tokens.supervisor.split('.')[0]}.e30.`];
      for (const token of broken) {
        const res = await request(url('casework', '/api/v1/worklist'), { token });
        expect(res.status).toBe(401);
        expect(res.body.message).toBe('登录凭证无效 invalid token');
        expect(res.text).not.toMatch(/JWS|JWT|signature|claim|jose|alg/i);
      }
      // outside the jurisdiction a case answers exactly like a number nobody has
      const outside = await as('street-b', 'casework', `/api/v1/cases/${caseA}/status`);
      const missing = await as('street-b', 'casework', '/api/v1/cases/20990101-000001/status');
      expect([outside.status, missing.status]).toEqual([404, 404]);
      expect(outside.body.message.replace(caseA, 'N')).toBe(missing.body.message.replace('20990101-000001', 'N'));
      expect((await as('street-b', 'intake', `/api/v1/cases/${caseA}`)).status).toBe(404);
      // NUL, other control characters and the right-to-left override never get stored
      for (const content of ['路灯\u0000不亮', '附件 gpj\u202Eexe.', 'bell\u0007']) {
        const res = await as('operator', 'hotline', '/api/v1/calls', { body: { callerNumber: '13800000000', content, requestType: 'complaint' } });
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([{ field: 'content', code: 'forbidden_character', reason: expect.stringMatching(/^含有控制字符或双向字符 U\+(0000|202E|0007)$/) }]);
      }
      // the console's security headers
      const page = await request(url('console', '/'));
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    });
  });

  describe('bodies a service cannot read (what the schema fuzz found answered 500 and 503)', () => {
    it('a body of an undeclared type is 415 naming it, a multipart body without boundary 400, the unconfigured telephony endpoint 401', async () => {
      const send = (service: ServiceName, path: string, who: Person | 'admin', contentType: string, body: string) =>
        fetch(url(service, path), { method: 'POST', headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': contentType }, body });
      for (const [service, path] of [['intake', '/open311/v2/requests.json'], ['casework', `/api/v1/cases/${caseA}/commands/resolve`], ['hotline', '/api/v1/calls'], ['identity', '/api/v1/auth/login']] as const) {
        const res = await send(service, path, 'supervisor', 'text/plain', 'summary=x');
        const body = (await res.json()) as { message: string } | { code: number; description: string }[];
        expect({ service, status: res.status }).toEqual({ service, status: 415 });
        // Open311 answers in its own error format (GeoReport errors), the others in CivicFlow's
        expect(Array.isArray(body) ? body[0].description : body.message).toContain('text/plain');
      }
      for (const path of ['/open311/v2/requests.json', '/open311/v2/webhooks.json', `/api/v1/cases/${caseA}/photos`]) {
        // Open311 is open to form posts; the photos are community-a's to add (the body is read before the case is)
        const res = await send('intake', path, 'community-a', 'multipart/form-data', 'x');
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
      }
      const telephony = await request(url('hotline', '/api/v1/telephony/events'), { headers: { 'x-telephony-key': 'k'.repeat(20) }, body: { event: 'ringing', callRef: 'x', callerNumber: '13800000000', agent: 'operator' } });
      expect(telephony.status).toBe(401);
      expect(telephony.body.message).toContain('HOTLINE_TELEPHONY_KEY is not set');
    });
  });

  describe('token forgery', () => {
    it.each([
      ['alg none', async () => `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', role: 'admin', unit: 'bf', iss: 'civicflow', aud: 'civicflow-api', iat: 1, exp: 9_999_999_999 })).toString('base64url')}.`],
      ['a key that is not identity’s', () => forgedToken({ userId: 'admin', role: 'admin', unitId: 'bf' })],
      ['the published development key', async () => (await bearerFor('admin', 'bf')).slice(7)],
      ['an expired token signed with identity’s own key', async () => {
        const { kid } = (await TokenSigner.fromPem(system.env.IDENTITY_SIGNING_KEY)).publicJwk;
        return ed25519({ alg: 'EdDSA', kid, typ: 'at+jwt' }, { sub: 'admin', name: 'x', role: 'admin', unit: 'bf', iss: 'civicflow', aud: 'civicflow-api', iat: now() - 7200, exp: now() - 3600 },
          system.env.IDENTITY_SIGNING_KEY);
      }],
    ])('refuses %s at every service', async (_name, make) => {
      const token = await make();
      for (const [service, path] of [['casework', '/api/v1/worklist'], ['mediation', '/api/v1/mediation/disputes'], ['identity', '/api/v1/users'], ['notification', '/api/v1/inbox'],
        ['hotline', '/api/v1/callbacks'], ['intake', `/api/v1/cases/${caseA}`], ['grid', '/api/v1/org/tree'], ['console', '/api/casework/worklist']] as const) {
        const res = await request(url(service, path), { token });
        expect({ service, status: res.status }).toEqual({ service, status: 401 });
      }
    });
  });

  describe('cross-jurisdiction reads and writes: every outsider role × every service', () => {
    /** Requests on unit A's case, dispute and people: never a 2xx for someone outside A. */
    const probes = (): [ServiceName, string, string, unknown?][] => [
      ['intake', 'GET', `/api/v1/cases/${caseA}`],
      ['intake', 'GET', `/api/v1/cases?channel=hotline&sourceRef=${callA}`],
      ['casework', 'GET', `/api/v1/cases/${caseA}/status`],
      ['casework', 'GET', `/api/v1/cases/${caseA}/timeline`],
      ['casework', 'POST', `/api/v1/cases/${caseA}/commands/accept`, {}],
      ['casework', 'POST', `/api/v1/cases/${caseA}/commands/resolve`, { summary: '已办结' }],
      ['casework', 'POST', `/api/v1/cases/${caseA}/commands/suspend`, { reason: '暂停' }],
      ['casework', 'POST', `/api/v1/cases/${caseA}/commands/reportIn`, { departmentId: 'dept-water-affairs' }],
      ['mediation', 'GET', `/api/v1/mediation/disputes/${disputeA}`],
      ['mediation', 'GET', `/api/v1/mediation/disputes/${disputeA}/sessions`],
      ['mediation', 'GET', `/api/v1/mediation/disputes/${disputeA}/parties/${partyA}/contact?reason=${encodeURIComponent('核实')}`],
      ['mediation', 'POST', `/api/v1/mediation/disputes/${disputeA}/failure`, { reason: '调解不成' }],
      ['mediation', 'POST', `/api/v1/mediation/disputes/${disputeA}/parties`, { role: 'other', name: '王五' }],
      ['mediation', 'GET', `/api/v1/mediation/committees/cmte-${COMMUNITY_A}/mediators`],
      ['grid', 'GET', `/api/v1/grids/${COMMUNITY_A}-g01/households`],
      ['identity', 'GET', '/api/v1/users'],
      ['identity', 'POST', '/api/v1/users', { username: 'intruder', name: 'x', role: 'admin', unitId: 'bf', password: 'Intruder-2026-x' }],
      ['hotline', 'GET', `/api/v1/calls/${callA}/caller-number?reason=${encodeURIComponent('核实')}`],
      ['console', 'GET', `/api/casework/cases/${caseA}/status`],
    ];
    /** Lists: whatever they answer, unit A's items are not in them. */
    const lists = (): [ServiceName, string, string][] => [
      ['casework', '/api/v1/worklist?view=open', caseA],
      ['casework', '/api/v1/worklist?view=breached', caseA],
      ['casework', '/api/v1/worklist?view=awaiting-callback', caseA],
      ['mediation', '/api/v1/mediation/disputes', disputeA],
      ['mediation', '/api/v1/mediation/committees', `cmte-${COMMUNITY_A}`],
      ['notification', `/api/v1/notifications?caseNumber=${caseA}`, 'case.registered'],
      ['notification', `/api/v1/sink/messages?caseNumber=${caseA}`, 'case-registered'],
      ['notification', '/api/v1/inbox', caseA],
      ['intake', '/api/v1/dispatch/queue', caseA],
      ['console', `/api/export/cases?groupBy=street&key=${STREET_A}&format=csv`, caseA],
    ];

    it.each(OUTSIDERS)('%s reaches nothing of unit A', async (who) => {
      for (const [service, method, path, body] of probes()) {
        const res = await as(who, service, path, { method, body });
        expect({ who, service, method, path, denied: [403, 404].includes(res.status) || res.status }).toEqual({ who, service, method, path, denied: true });
      }
      for (const [service, path, item] of lists()) {
        const res = await as(who, service, path);
        expect(res.status).toBeLessThan(500);
        expect({ who, path, leaked: res.text.includes(item) }).toEqual({ who, path, leaked: false });
      }
    });

    it('a service identity reaches nothing but the one route its scope names', async () => {
      const basic = `Basic ${Buffer.from(`svc-hotline:${system.env.HOTLINE_CLIENT_SECRET}`).toString('base64')}`;
      const res = await fetch(url('identity', '/api/v1/auth/token'), { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
      const service = ((await res.json()) as { access_token: string }).access_token;
      for (const [name, method, path, body] of probes()) {
        const answer = await request(url(name, path), { method, body, token: service });
        expect({ name, path, status: answer.status }).toEqual({ name, path, status: 403 });
      }
      for (const [name, path] of lists()) expect((await request(url(name, path), { token: service })).status).toBe(403);
      // its own route: registering a citizen's contact
      expect((await request(url('notification', '/api/v1/directory/citizens/attack-suite-ref'), { method: 'PUT', body: { phone: '13800000001' }, token: service })).status).toBe(200);
    });

    it('the people of unit A do reach it (the probes are real)', async () => {
      expect((await as('street-a', 'casework', `/api/v1/cases/${caseA}/status`)).status).toBe(200);
      expect((await as('community-a', 'intake', `/api/v1/cases/${caseA}`)).status).toBe(200);
      expect((await as('mediator-a', 'mediation', `/api/v1/mediation/disputes/${disputeA}`)).status).toBe(200);
      expect((await as('community-a', 'casework', '/api/v1/worklist?view=open')).text).toContain(caseA);
    });
  });

  describe('personal data at rest', () => {
    it('finds none of the flows’ phone numbers in clear in any database collection, Kafka topic, workflow history or log line', async () => {
      const needles = Object.values(PHONES);
      const databases = await scanDatabases(system.env.MONGO_URL, system.runId, needles);
      const kafka = await scanKafka(system.kafka, needles, kafkaBefore);
      const temporal = await scanTemporal(system.env.TEMPORAL_ADDRESS, system.env.TEMPORAL_NAMESPACE, needles);
      const logText = `${existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''}${logs.text()}`;
      const logFindings = needles.filter((n) => logText.includes(n)).map((n) => ({ where: 'logs', excerpt: n }));
      // the scan saw the data: collections with documents, messages, histories
      expect(databases.collections).toBeGreaterThan(20);
      expect(databases.documents).toBeGreaterThan(50);
      expect(kafka.messages).toBeGreaterThan(10);
      expect(temporal.workflows).toBeGreaterThanOrEqual(3);
      expect([...databases.findings, ...kafka.findings, ...temporal.findings, ...logFindings]).toEqual([]);
    }, 180_000);
  });

  describe('schema fuzz of every OpenAPI description (schemathesis)', () => {
    it('answers no 5xx to generated and mutated requests on any operation of any service', async () => {
      const st = ensureSchemathesis();
      const failures: string[] = [];
      const queue: ServiceName[] = ['identity', 'hotline', 'intake', 'grid', 'casework', 'notification', 'mediation', 'console'];
      // two services at a time (two cores: schemathesis on one, the service it fuzzes on the other), a bounded run each
      const fuzzNext = async (): Promise<void> => {
        const service = queue.shift();
        if (!service) return;
        // the broadest person for each: the administrator for identity, the city's supervisor elsewhere
        const token = service === 'identity' ? tokens.admin : tokens.supervisor;
        const started = Date.now();
        const result = await fuzz(st, { schemaUrl: url(service, '/api/docs/openapi.json'), baseUrl: system.urls[service], token, maxExamples: 5, maxSeconds: 10 });
        const cases = /(\d+) generated/.exec(result.output)?.[1] ?? '?';
        process.stdout.write(`schema fuzz ${service}: ${cases} requests in ${((Date.now() - started) / 1000).toFixed(0)} s, exit ${result.code}\n`);
        if (result.code !== 0) failures.push(`${service} (exit ${result.code}):\n${findingsOf(result.output)}`);
        return fuzzNext();
      };
      await Promise.all([fuzzNext(), fuzzNext()]);
      expect(failures).toEqual([]);
    }, 300_000);
  });
});

