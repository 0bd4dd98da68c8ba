// One truth per case, on the real servers (Temporal dev server, Kafka, FerretDB), driven through the public HTTP
// APIs as people would: the hotline records every callback attempt and the case closes by the domain's rule;
// a fact the case refuses is never acknowledged silently (dead-letter topic with the reason, replayable with
// `npm run dlt`); a 退单 counts for the community that returned the case; a liaison's worklist follows the
// department's own clocks.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { callbackRecordedV1, caseRegisteredV1, deadLetterTopicName } from '@civicflow/contracts';
import { naturalMinutes } from '@civicflow/domain';
import { DLT_HEADERS, EventPublisher } from '@civicflow/platform';
import { chinaDate, EventProbe, eventually, httpAs, profilesWithWindows, startSystem, type TestSystem, TestUser } from '@civicflow/testing';
import { pointInside } from '@civicflow/grid';

const GRID = 'bf-d01-s01-c01-g01';
const COMMUNITY = 'bf-d01-s01-c01';
const STREET = 'bf-d01-s01';

/** Windows of natural minutes: nothing runs out while the test works, and no working-day calendar is involved. */
const PROFILES = profilesWithWindows({
  acceptance: naturalMinutes(30),
  'community-handling': naturalMinutes(60),
  'street-handling': naturalMinutes(120),
  'department-report-in': naturalMinutes(20),
  'department-answer': naturalMinutes(90),
  callback: naturalMinutes(60),
  mediation: naturalMinutes(600),
});

type Who = TestUser;
const operator: Who = { role: 'operator', unitId: 'bf', userId: 'operator' };
const community: Who = { role: 'community-handler', unitId: COMMUNITY, userId: 'community' };
const supervisor: Who = { role: 'supervisor', unitId: 'bf', userId: 'supervisor' };
const street: Who = { role: 'street-coordinator', unitId: STREET, userId: 'street' };
const URBAN = 'dept-urban-management';
const liaison: Who = { role: 'department-liaison', unitId: URBAN, userId: 'liaison' };
const dispatcher: Who = { role: 'dispatcher', unitId: 'bf', userId: 'dispatcher' };
const NEIGHBOUR = 'bf-d01-s01-c02';
const neighbour: Who = { role: 'community-handler', unitId: NEIGHBOUR, userId: 'neighbour' };

describe('one truth per case, end to end on the real servers', () => {
  let system: TestSystem<'identity' | 'grid' | 'hotline' | 'intake' | 'casework'>;
  let env: TestSystem['env'];
  let runId: string;
  const urls: Record<'hotline' | 'casework', string> = { hotline: '', casework: '' };
  let probe: EventProbe;

  beforeAll(async () => {
    // identity issues intake's service token; grid next: intake loads its routing dataset at start
    system = await startSystem({ services: ['identity', 'grid', 'hotline', 'intake', 'casework'], worker: { slaProfiles: PROFILES } });
    ({ env, runId } = system);
    Object.assign(urls, system.urls);
    probe = await new EventProbe(system.kafka, [caseRegisteredV1.topic, deadLetterTopicName(callbackRecordedV1.topic)], `probe-${runId}`).start();
  });

  afterAll(async () => {
    await probe?.stop();
    await system?.stop();
  });

  const http = httpAs(urls);


  const command = async (caseNumber: string, name: string, who: Who, body: unknown = {}) => {
    const res = await http('casework', 'POST', `/api/v1/cases/${caseNumber}/commands/${name}`, who, body);
    expect({ name, status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ name, status: 200, body: 'ok' });
    return res.body;
  };
  const statusOf = async (caseNumber: string) => (await http('casework', 'GET', `/api/v1/cases/${caseNumber}/status`, supervisor)).body;
  /** The callbacks the case recorded, from its timeline (the read model of its events). */
  const callbacksOf = async (caseNumber: string) => {
    const res = await http('casework', 'GET', `/api/v1/cases/${caseNumber}/timeline`, supervisor);
    return ((res.body.entries ?? []) as { type: string; detail: { reached?: boolean } }[]).filter((e) => e.type === 'case.callback-recorded').map((e) => e.detail.reached);
  };
  const stageIs = (caseNumber: string, stage: string, what: string) =>
    eventually(async () => {
      const status = await statusOf(caseNumber);
      return status.stage === stage ? status : undefined;
    }, { what, timeoutMs: 30_000 });

  /**
   * 话务员 logs a call at the grid's place; intake routes the case to the community. Returns the case number.
   * Each test reports another category, so no call merges into another test's case (same category, same place).
   */
  async function callIn(content: string, categoryCode: string): Promise<string> {
    const call = await http('hotline', 'POST', '/api/v1/calls', operator, {
      callerNumber: '13812345678', content: `${content} ${runId}`, requestType: 'complaint', categoryCode, location: pointInside(GRID),
    });
    expect(call.status).toBe(202);
    const registered = await probe.waitForEvent(caseRegisteredV1.type, (e) => (e.data as { sourceRef: string }).sourceRef === call.body.callId);
    return registered.key;
  }

  /** The case accepted and resolved by its community; the hotline's callback task for it. */
  async function resolvedWithCallbackTask(caseNumber: string): Promise<{ callbackId: string }> {
    await stageIs(caseNumber, 'dispatched', 'the dispatch to the community');
    await command(caseNumber, 'accept', community);
    await command(caseNumber, 'resolve', community, { summary: '已更换路灯 the lamp is replaced' });
    return eventually(async () => {
      const res = await http('hotline', 'GET', '/api/v1/callbacks?status=pending&limit=200', operator);
      return (res.body.callbacks as { callbackId: string; caseNumber: string }[]).find((c) => c.caseNumber === caseNumber);
    }, { what: 'the callback task', timeoutMs: 30_000 });
  }

  it('records each unanswered callback attempt as a fact; the third settles the case as unreachable by the domain’s rule', async () => {
    const caseNumber = await callIn('路灯不亮 the street lamp is out', '0208');
    const task = await resolvedWithCallbackTask(caseNumber);
    const attempt = (comment: string) => http('hotline', 'POST', `/api/v1/callbacks/${task.callbackId}/result`, operator, { reached: false, comment });

    // two attempts: facts the case records, and the case still awaits its callback
    for (const [n, comment] of [[1, '无人接听'], [2, '占线']] as const) {
      expect((await attempt(comment)).body).toMatchObject({ status: 'pending', attemptCount: n });
      await eventually(async () => ((await callbacksOf(caseNumber)).length === n ? true : undefined), { what: `attempt ${n} on the case` });
      expect((await statusOf(caseNumber)).stage).toBe('resolved');
    }

    // the third: the domain's rule finds the attempts exhausted and the workflow closes the case as unreachable
    expect((await attempt('关机')).body).toMatchObject({ status: 'pending', attemptCount: 3 });
    const closed = await stageIs(caseNumber, 'closed', 'the case to close as unreachable');
    expect(closed.closure).toMatchObject({ reason: 'callback-unreachable' });
    expect(await eventually(async () => {
      const seen = await callbacksOf(caseNumber);
      return seen.length === 3 ? seen : undefined;
    }, { what: 'three callbacks on the timeline' })).toEqual([false, false, false]);

    // the hotline learns it from the case and ends the task; a further attempt is refused there
    const settled = await eventually(async () => {
      const res = await http('hotline', 'GET', '/api/v1/callbacks?status=unreachable&limit=200', operator);
      return (res.body.callbacks as { caseNumber: string }[]).find((c) => c.caseNumber === caseNumber);
    }, { what: 'the callback task settled as unreachable', timeoutMs: 30_000 });
    expect(settled).toMatchObject({ status: 'unreachable', attemptCount: 3, outcome: { reached: false } });
    expect((await attempt('再试一次')).status).toBe(409);
  });

  it('never acknowledges a refused callback silently: it goes to the dead-letter topic with the reason and replays once the case can take it', async () => {
    const caseNumber = await callIn('公厕无水 the public toilet has no water', '0209');
    await stageIs(caseNumber, 'dispatched', 'the dispatch to the community');

    // a callback recorded for a case that is not awaiting one (still being handled): the case refuses the fact
    const publisher = new EventPublisher(system.kafka, 'hotline');
    try {
      const fact = await publisher.publish(callbackRecordedV1, {
        id: `early-${runId}:attempt-1`,
        key: caseNumber,
        correlationId: runId,
        actor: { userId: 'operator', role: 'operator' },
        data: { callbackId: `early-${runId}`, caseNumber, reached: true, satisfaction: 'satisfied', recordedAt: new Date().toISOString(), attempt: 1 },
      });
      const dead = await probe.waitFor((m) => m.key === caseNumber && m.headers[DLT_HEADERS.group] === env.CASEWORK_CONSUMER_GROUP, 'the refused callback on the dead-letter topic');
      expect(JSON.parse(dead.raw).id).toBe(fact.id);
      expect(dead.headers[DLT_HEADERS.reason]).toMatch(/^refused: .*拒绝回访记录.*INVALID_STATUS/);
      expect(await callbacksOf(caseNumber)).toEqual([]);

      // once the case is resolved the dead letter is replayed (npm run dlt) and the case takes the callback: closed
      await command(caseNumber, 'accept', community);
      await command(caseNumber, 'resolve', community, { summary: '已修复线路 the wiring is fixed' });
      const replay = await promisify(execFile)('node', ['scripts/dlt.mjs', 'replay', callbackRecordedV1.topic, String(env.CASEWORK_CONSUMER_GROUP)], {
        cwd: `${__dirname}/../..`,
        env: { ...process.env, KAFKA_BROKERS: String(env.KAFKA_BROKERS), LOG_LEVEL: 'warn' },
      });
      expect(replay.stdout).toMatch(/replayed 1 message/);
      const closed = await stageIs(caseNumber, 'closed', 'the replayed callback to close the case');
      expect(closed.closure).toMatchObject({ reason: 'callback-completed' });
    } finally {
      await publisher.disconnect();
    }
  });

  it('orders a liaison’s worklist by the department’s own report-in and answer clocks, not the street’s deadline', async () => {
    type Item = { caseNumber: string; deadline: string | null; sla: { window: string } | null; caseSla: { window: string; deadline: string } | null };
    /** A case the community escalates to the street at once: the street's handling clock starts now. */
    const atStreet = async (content: string, categoryCode: string) => {
      const caseNumber = await callIn(content, categoryCode);
      await stageIs(caseNumber, 'dispatched', 'the dispatch to the community');
      await command(caseNumber, 'accept', community);
      await command(caseNumber, 'escalate', community, { note: '需街道协调 needs the street' });
      return caseNumber;
    };
    const first = await atStreet('园林树木倒伏 a fallen tree', '0206'); // the street's deadline comes first
    const second = await atStreet('垃圾清运不及时 rubbish not collected', '0204');
    // the street summons urban management for the second case first: its report-in clock runs out first
    await command(second, 'summonDepartments', street, { departmentIds: [URBAN] });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await command(first, 'summonDepartments', street, { departmentIds: [URBAN] });

    const worklist = async (expected: number) => eventually(async () => {
      const res = await http('casework', 'GET', '/api/v1/worklist', liaison);
      const items = (res.body.items as Item[]).filter((i) => i.caseNumber === first || i.caseNumber === second);
      return items.length === expected && items.every((i) => i.sla) ? items : undefined;
    }, { what: 'the liaison’s worklist' });
    const summoned = await worklist(2);
    expect(summoned.map((i) => i.caseNumber)).toEqual([second, first]);
    expect(summoned.map((i) => i.sla!.window)).toEqual(['department-report-in', 'department-report-in']);
    // the street's own deadlines would have put the first case first
    expect(Date.parse(summoned[1].caseSla!.deadline)).toBeLessThan(Date.parse(summoned[0].caseSla!.deadline));
    expect(Date.parse(summoned[0].deadline!)).toBeLessThan(Date.parse(summoned[1].deadline!));

    // 报到 on the second case: its answer window (90 min) now ends after the first case's report-in window
    await command(second, 'reportIn', liaison, { departmentId: URBAN });
    const reported = await eventually(async () => {
      const items = await worklist(2);
      return items.find((i) => i.caseNumber === second)?.sla?.window === 'department-answer' ? items : undefined;
    }, { what: 'the answer window on the worklist' });
    expect(reported.map((i) => i.caseNumber)).toEqual([first, second]);
  });

  it('counts a 退单 for the community that returned the case, and the handling for the one that took it over', async () => {
    const startedOn = chinaDate();
    const caseNumber = await callIn('公园设施损坏 broken park benches', '0207');
    await stageIs(caseNumber, 'dispatched', 'the dispatch to the community');
    await command(caseNumber, 'return', community, { reason: '地址属邻近社区 the address belongs to the neighbouring community' });
    await stageIs(caseNumber, 'returned', 'the return');
    await command(caseNumber, 'redispatch', dispatcher, { route: { streetId: STREET, communityId: NEIGHBOUR } });
    await command(caseNumber, 'accept', neighbour);
    await command(caseNumber, 'resolve', neighbour, { summary: '已修复座椅 the benches are repaired' });

    // from the China date this test began to the one it asks on: the case's day, even when the run crosses midnight in China
    const period = () => `from=${startedOn}&to=${chinaDate()}`;
    type Group = { key: string; rates: { cases: number; returned: number; responded: number; resolved: number } };
    await eventually(async () => {
      const drill = await http('casework', 'GET', `/api/v1/statistics/cases?groupBy=community&key=${NEIGHBOUR}&metric=resolved&${period()}`, supervisor);
      return (drill.body.items as { caseNumber: string }[] | undefined)?.some((i) => i.caseNumber === caseNumber) ? true : undefined;
    }, { what: 'the resolution in the figures', timeoutMs: 30_000 });
    const groups = (await http('casework', 'GET', `/api/v1/statistics/summary?groupBy=community&${period()}`, supervisor)).body.groups as Group[];
    const returnedBy = async (key: string) =>
      ((await http('casework', 'GET', `/api/v1/statistics/cases?groupBy=community&key=${key}&metric=returned&${period()}`, supervisor)).body.items as { caseNumber: string }[]).map((i) => i.caseNumber);
    expect(await returnedBy(COMMUNITY)).toContain(caseNumber);
    expect(await returnedBy(NEIGHBOUR)).not.toContain(caseNumber);
    const handledBy = async (key: string, metric: string) =>
      ((await http('casework', 'GET', `/api/v1/statistics/cases?groupBy=community&key=${key}&metric=${metric}&${period()}`, supervisor)).body.items as { caseNumber: string }[]).map((i) => i.caseNumber);
    expect(await handledBy(COMMUNITY, 'responded')).not.toContain(caseNumber);
    expect(await handledBy(NEIGHBOUR, 'responded')).toContain(caseNumber);
    // the neighbouring community counts the case and no 退单; this file's only returned case is this one
    expect(groups.find((g) => g.key === NEIGHBOUR)?.rates).toMatchObject({ returned: 0, responded: 1, resolved: 1 });
    expect(groups.find((g) => g.key === COMMUNITY)?.rates.returned).toBe(1);
  });
});
