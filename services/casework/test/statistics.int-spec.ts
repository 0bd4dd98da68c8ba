// Supervisor figures on the real servers: case lifecycle events published on Kafka (validated by the contracts)
// → the casework consumer projects them into case_facts in FerretDB → the statistics API answers the three
// rates, ranking, trend, heat map (centroids from the real grid service), drill-down and the breach board.
import { randomInt } from 'node:crypto';
import { MongoClient } from 'mongodb';
import {
  caseAcceptedV1, caseCallbackRecordedV1, caseClosedV1, caseDepartmentsSummonedV1, caseDispatchedV1, caseEscalatedV1, caseRegisteredV1,
  caseReopenedV1, caseResolvedV1, caseReturnedV1, caseSlaBreachedV1, EventContract, EventData, Role,
} from '@civicflow/contracts';
import { createKafka, EventPublisher } from '@civicflow/platform';
import ExcelJS from 'exceljs';
import { bearerFor, eventually, onChinaToday, pdfText, startSystem, type TestSystem } from '@civicflow/testing';
import { demoCity } from '@civicflow/grid';
import { caseworkConfigSchema, caseworkUnitNames, createCaseworkApp } from '@civicflow/casework';

const S1 = 'bf-d01-s01';
const S2 = 'bf-d01-s02';
const C1 = `${S1}-c01`;
const C2 = `${S1}-c02`;
const G1 = `${C1}-g01`;
const DEPT = 'dept-urban-management';

// A China day of its own (in 2020–2022) for this run: the figures of the period hold exactly this file's cases,
// whatever else travels on the shared topics.
const day = new Date(Date.UTC(2020, 0, 1) + randomInt(0, 1000) * 86_400_000).toISOString().slice(0, 10);
const at = (hour: number, minute = 0) => new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`).toISOString();
const caseNo = () => `${day.replaceAll('-', '')}-${String(randomInt(1_000_000)).padStart(6, '0')}`;
const sla = (window: string, deadline: string | null, status: 'on-track' | 'breached' = 'on-track') => ({ window, startedAt: at(8), status, paused: false, deadline, warningAt: null }) as never;

describe('statistics: case facts and the supervisor figures on the real servers', () => {
  let system: TestSystem<'identity' | 'grid' | 'casework'>;
  let env: TestSystem['env'];
  let runId: string;
  let url: string;
  let gridUrl: string;
  let publisher: EventPublisher;
  let mongo: MongoClient;
  const cases = { done: caseNo(), reopened: caseNo(), returned: caseNo(), late: caseNo() };

  beforeAll(async () => {
    system = await startSystem({ services: ['identity', 'grid', 'casework'] });
    ({ env, runId } = system);
    ({ casework: url, grid: gridUrl } = system.urls);
    publisher = new EventPublisher(system.kafka, 'workflows');
    mongo = await new MongoClient(env.MONGO_URL).connect();
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await mongo?.db(`${runId}up_casework`).dropDatabase();
    await mongo?.close();
    await system?.stop();
  });

  const sequence = new Map<string, number>();
  function draft<C extends EventContract>(contract: C, caseNumber: string, data: Record<string, unknown>, hour: number) {
    const next = (sequence.get(caseNumber) ?? 0) + 1;
    sequence.set(caseNumber, next);
    const common = contract.type === 'case.registered' ? {} : { sequence: next, occurredAt: at(hour, next) };
    return publisher.build(contract, {
      key: caseNumber, correlationId: `corr-${runId}`, id: `${caseNumber}:${next}:${contract.type}`, actor: { userId: 'system', role: 'system' },
      data: { caseNumber, ...common, ...data } as EventData<C>,
    });
  }
  const registered = (caseNumber: string, community: string, hour: number) => {
    sequence.set(caseNumber, 0);
    const street = community.split('-').slice(0, 3).join('-');
    return publisher.build(caseRegisteredV1, {
      key: caseNumber, correlationId: `corr-${runId}`, id: `${caseNumber}:registered`,
      data: { caseNumber, channel: 'hotline', sourceRef: `call-${caseNumber}`, requestType: 'complaint', urgency: 'normal', categoryCode: '0208',
        orgPath: ['bf', 'bf-d01', street, community, `${community}-g01`], registeredAt: at(hour) },
    });
  };
  const inCommunity = (community: string) => ({ level: 'community', unitId: community });
  const dispatched = (caseNumber: string, community: string, hour: number) => draft(caseDispatchedV1, caseNumber, {
    stage: 'dispatched', ...inCommunity(community), sla: sla('acceptance', at(hour + 2)), assigneeUnitId: community, redispatch: false,
    route: { streetId: community.split('-').slice(0, 3).join('-'), communityId: community, gridId: `${community}-g01` },
  }, hour);
  const accepted = (caseNumber: string, community: string, hour: number) =>
    draft(caseAcceptedV1, caseNumber, { stage: 'in-handling', ...inCommunity(community), sla: sla('community-handling', at(hour + 3)) }, hour);
  const resolved = (caseNumber: string, hour: number) => draft(caseResolvedV1, caseNumber, {
    stage: 'resolved', level: 'community', unitId: C1, resolvedAt: at(hour), summary: '已修复 fixed', callbackDueAt: at(hour + 8), sla: sla('callback', at(hour + 8)),
  }, hour);
  const callback = (caseNumber: string, satisfaction: 'satisfied' | 'unsatisfied', hour: number) =>
    draft(caseCallbackRecordedV1, caseNumber, { stage: 'called-back', level: 'community', unitId: C1, sla: null, reached: true, satisfaction, attempt: 1 }, hour);

  async function get(path: string, role: Role = 'supervisor', unitId = 'bf') {
    const res = await fetch(`${url}/api/v1/statistics/${path}`, { headers: { authorization: await bearerFor(role, unitId) } });
    return { status: res.status, body: (await res.json()) as any };
  }
  const period = `from=${day}&to=${day}`;

  it('projects real lifecycle events into case facts and answers the figures, groups and drill-down', async () => {
    const events = [
      // done: accepted in time, resolved, satisfied, closed
      registered(cases.done, C1, 8), dispatched(cases.done, C1, 8), accepted(cases.done, C1, 9), resolved(cases.done, 10),
      callback(cases.done, 'satisfied', 11), draft(caseClosedV1, cases.done, { stage: 'closed', level: 'community', unitId: C1, sla: null, reason: 'callback-completed' }, 11),
      // reopened: community window breached, escalated, department summoned, resolved, unsatisfied, reopened
      registered(cases.reopened, C1, 8), dispatched(cases.reopened, C1, 8), accepted(cases.reopened, C1, 9),
      draft(caseSlaBreachedV1, cases.reopened, { stage: 'in-handling', level: 'street', unitId: S1, sla: sla('street-handling', at(20)), window: 'community-handling', deadline: at(12), action: 'escalated' }, 12),
      draft(caseEscalatedV1, cases.reopened, { stage: 'in-handling', level: 'street', unitId: S1, sla: sla('street-handling', at(20)), trigger: 'breach', from: 'community', to: 'street' }, 12),
      draft(caseDepartmentsSummonedV1, cases.reopened, { stage: 'in-handling', level: 'department', unitId: S1, sla: sla('street-handling', at(20)), summonses: [{ departmentId: DEPT, summonsId: `${cases.reopened}:summons:${DEPT}:1`, sla: null }] }, 13),
      resolved(cases.reopened, 14), callback(cases.reopened, 'unsatisfied', 15),
      draft(caseReopenedV1, cases.reopened, { stage: 'in-handling', level: 'street', unitId: S1, sla: sla('street-handling', at(16)), reopenCount: 1 }, 15),
      // returned: sent back, never accepted
      registered(cases.returned, C2, 9), dispatched(cases.returned, C2, 9),
      draft(caseReturnedV1, cases.returned, { stage: 'returned', level: null, unitId: null, sla: null, fromUnitId: C2, reason: '不属本社区 not ours' }, 10),
      // late: another street, accepted after its acceptance deadline, still open with its handling deadline long past
      registered(cases.late, `${S2}-c01`, 8), dispatched(cases.late, `${S2}-c01`, 8), accepted(cases.late, `${S2}-c01`, 12),
    ];
    await publisher.publishAll(events);

    const summary = await eventually(async () => {
      const res = await get(`summary?${period}&groupBy=street`);
      return res.status === 200 && res.body.total.cases === 4 && res.body.total.responded === 3 && res.body.total.reopened === 1 && res.body.total.callbacks === 2 && res.body.total.returned === 1 ? res.body : undefined;
    }, { what: 'the four cases in the figures', timeoutMs: 60_000 });

    expect(summary.total).toEqual({
      cases: 4, responded: 3, responseRate: 0.75, respondedOnTime: 2, respondedOnTimeRate: 0.5, resolved: 1, resolutionRate: 0.25, callbacks: 2, satisfied: 1,
      basicallySatisfied: 0, satisfactionRate: 0.5, composite: 0.1 * 0.75 + 0.5 * 0.25 + 0.4 * 0.5,
      onTime: 1, onTimeRate: 1, escalated: 1, escalationRate: 0.25, returned: 1, returnRate: 0.25, reopened: 1, reopenRate: 0.25,
    });
    const streetName = (id: string) => demoCity().units.find((u) => u.id === id)!.name;
    expect(summary.groups).toEqual([
      { key: S1, name: streetName(S1), rates: expect.objectContaining({ cases: 3, responded: 2, reopened: 1, returned: 1 }) },
      { key: S2, name: streetName(S2), rates: expect.objectContaining({ cases: 1, responded: 1, resolved: 0, resolutionRate: 0 }) },
    ]);
    expect(summary.period).toEqual({ from: new Date(`${day}T00:00:00+08:00`).toISOString(), to: new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString() });

    // the late acceptance: responded, not on time
    const late = await get(`cases?${period}&groupBy=street&key=${S2}`);
    expect(late.body.items).toEqual([expect.objectContaining({ caseNumber: cases.late, responded: true, respondedOnTime: false, streetName: streetName(S2) })]);

    // drill-down: the reopened cases of street S1 — exactly the one behind the figure
    const reopened = await get(`cases?${period}&groupBy=street&key=${S1}&metric=reopened`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(reopened.body.items[0]).toMatchObject({
      caseNumber: cases.reopened, reopenedCount: 1, resolved: false, escalated: true, departmentIds: [DEPT], everBreached: true, satisfaction: 'unsatisfied',
      categoryName: '路灯照明', streetId: S1, communityId: C1, gridId: G1,
    });
    // paging
    const paged = await get(`cases?${period}&pageSize=3&page=2`);
    expect(paged.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(paged.body.items).toHaveLength(1);

    const byDepartment = await get(`summary?${period}&groupBy=department`);
    expect(byDepartment.body.groups).toEqual([{ key: DEPT, name: expect.stringContaining('城市管理'), rates: expect.objectContaining({ cases: 1 }) }]);
    const byCategory = await get(`summary?${period}&groupBy=category`);
    expect(byCategory.body.groups).toEqual([{ key: '0208', name: '路灯照明', rates: expect.objectContaining({ cases: 4 }) }]);
  });

  it('ranks, trends and maps the same cases', async () => {
    const ranking = await get(`ranking?${period}&groupBy=street&metric=responseRate`);
    expect(ranking.body).toEqual([
      { rank: 1, key: S2, name: expect.any(String), value: 1, list: null, cases: 1, previousValue: null, change: null },
      { rank: 2, key: S1, name: expect.any(String), value: 2 / 3, list: 'red', cases: 3, previousValue: null, change: null },
    ]);
    const trend = await get(`trend?${period}&interval=day`);
    expect(trend.body).toEqual([{ bucket: day, cases: 4, resolved: 1, breached: 1 }]);
    const heatmap = await get(`heatmap?${period}`);
    const cell = (heatmap.body as { gridId: string; count: number; lng: number; lat: number; name: string }[]).find((c) => c.gridId === G1)!;
    expect(cell).toMatchObject({ count: 2, name: expect.any(String) });
    expect(cell.lng).toBeGreaterThan(100);
    expect(cell.lat).toBeGreaterThan(30);
  });

  it('keeps the facts idempotent: an event repeated under a new id changes no figure', async () => {
    const seq = sequence.get(cases.returned)!;
    sequence.set(cases.returned, seq - 1);
    const again = draft(caseReturnedV1, cases.returned, { stage: 'returned', level: null, unitId: null, sla: null, fromUnitId: C2, reason: 'again' }, 10);
    await publisher.publishAll([{ ...again, id: `${again.id}:redelivered` }]);
    // a later event on another case shows the consumer got past the repeat
    const marker = caseNo();
    await publisher.publishAll([registered(marker, C2, 18)]);
    const summary = await eventually(async () => {
      const res = await get(`summary?${period}`);
      return res.body.total.cases === 5 ? res.body : undefined;
    }, { what: 'the marker case' });
    expect(summary.total.returned).toBe(1);
  });

  it('shows street staff only their street, lists open breaches, and refuses other roles and bad periods', async () => {
    const own = await get(`summary?${period}`, 'street-coordinator', S2);
    expect(own.status).toBe(200);
    expect(own.body.total.cases).toBe(1);
    expect((await get(`cases?${period}&groupBy=street&key=${S1}`, 'street-coordinator', S2)).body.total).toBe(0);

    const board = await get('breaches');
    expect(board.status).toBe(200);
    const numbers = (board.body.items as { caseNumber: string }[]).map((i) => i.caseNumber);
    expect(numbers).toEqual(expect.arrayContaining([cases.late, cases.reopened]));
    expect(numbers).not.toContain(cases.done);
    expect(board.body.items.find((i: { caseNumber: string }) => i.caseNumber === cases.late)).toMatchObject({
      currentUnit: `${S2}-c01`, window: 'community-handling', deadline: at(15), overdueMinutes: expect.any(Number), unitName: expect.any(String),
    });
    const streetBoard = await get('breaches', 'street-coordinator', S2);
    expect((streetBoard.body.items as { caseNumber: string }[]).map((i) => i.caseNumber)).not.toContain(cases.reopened);

    expect((await get(`summary?${period}`, 'operator', 'bf')).status).toBe(403);
    // the administrator lands on the figures screen (role table): the figures answer them
    expect((await get(`summary?${period}`, 'admin', 'bf')).status).toBe(200);
    const bad = await get('summary?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'from', code: 'invalid_period', reason: '须为 ISO 日期时间或 YYYY-MM-DD 日期' }]);
    const badMetric = await get(`ranking?${period}&metric=happiness`);
    expect(badMetric.status).toBe(400);
    expect(badMetric.body.errors[0].field).toBe('metric');
    expect((await fetch(`${url}/api/v1/statistics/summary`)).status).toBe(401);
  });

  it('scores under the policy in force: an administrator appends a version from today on, the figures name it, the past keeps its version', async () => {
    // the objections are asked of a version far ahead (refused for their own field whatever the date); the version
    // saved starts on the China date of its post
    const body = {
      effectiveFrom: '2099-01-01', weights: { response: 0.2, resolution: 0.4, satisfaction: 0.4 }, basicallySatisfiedWeight: 1, responded: 'accepted-in-window',
      resolved: 'resolved', validCallbacks: 'reached', lists: { size: 5, minCases: 1 }, note: '区考核办通知：响应须在时限内',
    };
    const post = async (json: unknown, role: Role = 'admin') => {
      const res = await fetch(`${url}/api/v1/statistics/policy/versions`, { method: 'POST', headers: { authorization: await bearerFor(role, 'bf'), 'content-type': 'application/json' }, body: JSON.stringify(json) });
      return { status: res.status, body: (await res.json()) as any };
    };
    expect((await post(body, 'supervisor')).status).toBe(403);
    const unbalanced = await post({ ...body, weights: { response: 0.5, resolution: 0.5, satisfaction: 0.5 } });
    expect(unbalanced).toMatchObject({ status: 400, body: { errors: [{ field: 'weights', code: 'weights_not_whole', reason: '三项权重之和须为 1（现为 1.5）' }] } });
    expect((await post({ ...body, effectiveFrom: '2020-01-01' })).body.errors).toEqual([{ field: 'effectiveFrom', code: 'effective_in_past', reason: expect.stringContaining('已出的考核数据不重算') }]);
    const inEnglish = await fetch(`${url}/api/v1/statistics/policy/versions`, {
      method: 'POST', headers: { authorization: await bearerFor('admin', 'bf'), 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify({ ...body, effectiveFrom: '2020-01-01' }),
    });
    expect(((await inEnglish.json()) as { errors: { reason: string }[] }).errors[0].reason).toContain('past figures are not rescored');
    expect((await post({ ...body, responded: 'maybe' })).body.errors[0].field).toBe('responded');

    const { created, today } = await onChinaToday(async (today) => {
      const created = await post({ ...body, effectiveFrom: today });
      expect(created).toMatchObject({ status: 201, body: { version: 2, effectiveFrom: today, createdBy: expect.any(String), note: body.note } });
      return { created, today };
    });
    expect(created.body.formulas.composite.zh).toBe('综合得分 = 20% × 响应率 + 40% × 解决率 + 40% × 满意率');
    expect((await post({ ...body, effectiveFrom: today })).body.errors[0].field).toBe('effectiveFrom'); // versions only append

    const policy = await get('policy', 'street-coordinator', S1);
    expect(policy.body.inForce.version).toBe(2);
    expect(policy.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    // this file's day lies in the past: still scored under version 1, composite 10/50/40 of its rates
    const past = (await get(`summary?${period}`)).body;
    expect(past.policy).toMatchObject({ version: 1, weights: { response: 0.1, resolution: 0.5, satisfaction: 0.4 }, takingEffectWithin: [] });
    expect(past.total.composite).toBeCloseTo(0.1 * past.total.responseRate + 0.5 * past.total.resolutionRate + 0.4 * past.total.satisfactionRate, 12);
    const current = await fetch(`${url}/api/v1/statistics/ranking?from=${today}&metric=composite`, { headers: { authorization: await bearerFor('supervisor', 'bf') } });
    expect(current.status).toBe(200);
    expect(current.headers.get('x-scoring-policy-version')).toBe('2');
  });

  it('generates the monthly 考核 report once per month, for whole months that have ended, and serves it as PDF and Excel', async () => {
    const month = day.slice(0, 7);
    const post = async (body: unknown, role: Role = 'supervisor') => {
      const res = await fetch(`${url}/api/v1/statistics/reports/monthly`, { method: 'POST', headers: { authorization: await bearerFor(role, 'bf'), 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as any };
    };
    expect((await post({ month }, 'street-coordinator')).status).toBe(403);
    expect((await post({ month: '2999-01' })).body.errors).toEqual([{ field: 'month', code: 'month_not_ended', reason: '须为已结束的月份' }]);
    expect((await post({ month: '2020-13' })).body.errors[0].field).toBe('month');
    expect((await get(`reports/monthly/${month}?format=json`)).status).toBe(404);

    const first = await post({ month });
    expect(first).toMatchObject({ status: 200, body: { month, created: true, policyVersion: 1, cases: 5 } });
    const again = await post({ month });
    expect(again.body).toMatchObject({ created: false, generatedAt: first.body.generatedAt });
    expect((await get('reports/monthly')).body.reports).toEqual([{ month, generatedAt: first.body.generatedAt, policyVersion: 1 }]);

    const stored = (await get(`reports/monthly/${month}?format=json`)).body;
    expect(stored.streets.map((u: { key: string }) => u.key).sort()).toEqual([S1, S2]);
    expect(stored.departments.map((u: { key: string }) => u.key)).toEqual([DEPT]);
    expect(stored.cases.filter((c: { caseNumber: string }) => c.caseNumber === cases.late)).toEqual([
      expect.objectContaining({ level: 'street', unitKey: S2, marks: expect.arrayContaining(['responded']) }),
    ]);
    const file = async (format: string) => {
      const res = await fetch(`${url}/api/v1/statistics/reports/monthly/${month}?format=${format}`, { headers: { authorization: await bearerFor('supervisor', 'bf') } });
      return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: Buffer.from(await res.arrayBuffer()) };
    };
    const pdf = await file('pdf');
    expect(pdf).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(pdfText(pdf.bytes)).toContain(`${Number(month.slice(5))}月 接诉即办考核报告`);
    const xlsx = await file('xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.disposition).toContain(`monthly-report-${month}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as never);
    expect(book.getWorksheet('案件明细')!.rowCount).toBe(1 + stored.cases.length);
  });

  it('names units without a user: the scheduled report reads the org tree as casework’s own identity (svc-casework)', async () => {
    // fresh copies of the org tree, as casework's app follows it (the app's own loaded at its start)
    const kafka = createKafka(`test-${runId}-names`, env);
    const namesFollowed = async (settings: Record<string, string> = {}) => {
      const names = caseworkUnitNames(caseworkConfigSchema.parse({ ...env, GRID_URL: gridUrl, ...settings }), kafka);
      await names.onModuleInit();
      await names.onApplicationShutdown();
      return names.all();
    };
    expect((await namesFollowed()).get(S1)).toBe(demoCity().units.find((unit) => unit.id === S1)!.name);
    // without its token the grid does not answer: ids stand in for names
    expect((await namesFollowed({ CASEWORK_CLIENT_SECRET: 'not-the-secret-identity-knows-000000000' })).size).toBe(0);
  });

  it('builds the day buckets and the open-case index once, and attributes the acts from the timeline, for a deployment upgraded from before them', async () => {
    // the upgraded deployment: only what the version before wrote (case_facts without each unit's acts,
    // case_worklist, case_timeline), here this file's cases
    const upgraded = mongo.db(`${runId}up_casework`);
    for (const collection of ['case_facts', 'case_worklist', 'case_timeline']) {
      const docs = await mongo.db(`${runId}_casework`).collection(collection).find({}).toArray();
      await upgraded.collection(collection).insertMany(docs.map(({ units: _units, resolvedBy: _resolvedBy, ...doc }) => doc));
    }
    const live = (await get(`summary?${period}&groupBy=street`)).body;
    const liveBoard = (await get('breaches')).body.items.map((i: { caseNumber: string }) => i.caseNumber);

    // a casework app on that database (no consumer: only the start's backfill can fill the buckets)
    const app = await createCaseworkApp(caseworkConfigSchema.parse({ ...env, MONGO_DB_PREFIX: `${runId}up`, CASEWORK_CONSUMER_GROUP: `casework-${runId}up`, GRID_URL: gridUrl }));
    try {
      await app.listen(0, '127.0.0.1');
      const upgradedUrl = await app.getUrl();
      const read = async (path: string) => (await fetch(`${upgradedUrl}/api/v1/statistics/${path}`, { headers: { authorization: await bearerFor('supervisor', 'bf') } })).json() as Promise<any>;
      // the same figures by street (and community) as the live projection: the acts replayed from the timeline
      expect(await read(`summary?${period}&groupBy=street`)).toEqual(live);
      expect(await read(`summary?${period}&groupBy=community`)).toEqual((await get(`summary?${period}&groupBy=community`)).body);
      expect(await upgraded.collection('schema_migrations').findOne({ _id: 'casework-2026-12-case-fact-units' as never })).toMatchObject({ result: expect.stringMatching(/^5 case facts attributed/) });
      expect((await read(`cases?${period}&metric=reopened`)).items).toEqual([expect.objectContaining({ caseNumber: cases.reopened, reopenedCount: 1 })]);
      expect((await read('breaches')).items.map((i: { caseNumber: string }) => i.caseNumber)).toEqual(liveBoard);
      expect(await upgraded.collection('statistics_backfills').find({}).sort({ _id: 1 }).toArray()).toEqual([
        expect.objectContaining({ _id: 'case_fact_days', documents: 5 }),
        expect.objectContaining({ _id: 'case_open', documents: 4 }), // reopened, returned, late and the marker (registered)
      ]);
    } finally {
      await app.close();
    }
  });
});
