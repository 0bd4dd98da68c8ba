// Issue 13, end to end on the real servers (Temporal dev server, Kafka, FerretDB) with windows of seconds: a summoned
// department that never reports in no longer blocks its case — after its breach and the workflow's 督办 a supervisor
// releases it (解除), the street resolves, the citizen's callback closes the case — and the department's figures keep
// the miss (报到率), read through the statistics API like a supervisor does.
import { caseDispatchedV1, caseRegisteredV1, Role } from '@civicflow/contracts';
import { naturalMinutes } from '@civicflow/domain';
import { chinaDate, EventProbe, eventually, httpAs, profilesWithWindows, startSystem, type TestSystem } from '@civicflow/testing';
import { pointInside } from '@civicflow/grid';

const GRID = 'bf-d01-s01-c01-g01';
const COMMUNITY = 'bf-d01-s01-c01';
const STREET = 'bf-d01-s01';
const URBAN = 'dept-urban-management';
const WATER = 'dept-water-affairs';

/** Every profile with windows of seconds (natural time), so the ladder runs while the test watches. */
const SHORT = profilesWithWindows({
  acceptance: naturalMinutes(0.1), // 6 s
  'community-handling': naturalMinutes(0.1),
  'street-handling': naturalMinutes(10),
  'department-report-in': naturalMinutes(0.25), // 15 s: the water liaison reports in at once, urban management stays silent

  'department-answer': naturalMinutes(10),
  callback: naturalMinutes(10),
  mediation: naturalMinutes(10),
});

type Summons = { departmentId: string; status: string; breached?: true; ending?: { reason: string; byRole: string } };

describe('a silent department released: the ladder has no dead end, and the department’s 报到率 counts the miss', () => {
  let system: TestSystem<'identity' | 'notification' | 'grid' | 'hotline' | 'intake' | 'casework'>;
  let runId: string;
  const urls: Record<'hotline' | 'casework' | 'notification', string> = { hotline: '', casework: '', notification: '' };
  let probe: EventProbe;

  beforeAll(async () => {
    // identity first: intake and notification read the grid as their service identities, with tokens it issues;
    // notification next: the hotline registers each caller's SMS contact with it (短信告知); grid next: intake loads
    // its routing dataset at start
    system = await startSystem({ services: ['identity', 'notification', 'grid', 'hotline', 'intake', 'casework'], worker: { slaProfiles: SHORT } });
    runId = system.runId;
    Object.assign(urls, system.urls);
    probe = await new EventProbe(system.kafka, [caseRegisteredV1.topic], `probe-${runId}`).start();
  });

  afterAll(async () => {
    await probe?.stop();
    await system?.stop();
  });

  const http = httpAs(urls);


  const street = { role: 'street-coordinator', unitId: STREET, userId: 'street' } as const;
  const liaison = (unitId: string, userId: string) => ({ role: 'department-liaison', unitId, userId }) as const;
  const command = async (caseNumber: string, name: string, who: { role: Role; unitId: string; userId?: string }, body: unknown = {}) => {
    const res = await http('casework', 'POST', `/api/v1/cases/${caseNumber}/commands/${name}`, who, body);
    expect({ name, status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ name, status: 200, body: 'ok' });
    return res.body;
  };
  const statusOf = (caseNumber: string) => http('casework', 'GET', `/api/v1/cases/${caseNumber}/status`, { role: 'supervisor', unitId: 'bf' });

  it('two departments summoned, one answers, one stays silent past its report-in window and its 督办; the supervisor releases it; the street resolves; the callback closes the case', async () => {
    const startedOn = chinaDate();
    const waterLiaison = liaison(WATER, `water-${runId}`);
    const supervisor = { role: 'supervisor', unitId: 'bf', userId: 'supervisor' } as const;

    // a call becomes a case in its community; nobody accepts it within 6 s, so the street takes it over
    const call = await http('hotline', 'POST', '/api/v1/calls', { role: 'operator', unitId: 'bf', userId: 'operator' }, {
      callerNumber: '13812341111', content: `井盖缺失且路灯不亮 ${runId} a manhole cover is missing`, requestType: 'complaint', categoryCode: '0208', location: pointInside(GRID),
    });
    expect(call.status).toBe(202);
    const registered = await probe.waitForEvent(caseRegisteredV1.type, (e) => (e.data as { sourceRef: string }).sourceRef === call.body.callId);
    const caseNumber = registered.key;
    await probe.waitForEvent(caseDispatchedV1.type, (e) => e.key === caseNumber && (e.data as { assigneeUnitId: string }).assigneeUnitId === COMMUNITY);
    await eventually(async () => ((await statusOf(caseNumber)).body.level === 'street' ? true : undefined), { what: 'the escalation to the street', timeoutMs: 60_000 });

    // 吹哨: two departments; water reports in at once and answers, urban management says nothing
    await command(caseNumber, 'summonDepartments', street, { departmentIds: [URBAN, WATER] });
    await command(caseNumber, 'reportIn', waterLiaison, { departmentId: WATER });
    await command(caseNumber, 'answer', waterLiaison, { departmentId: WATER, plan: '排查管网', result: '已补装井盖 the cover is replaced' });

    // its report-in window runs out: the workflow issues 督办 and marks the summons
    const breached = await eventually(async () => {
      const summons = ((await statusOf(caseNumber)).body.summonses as Summons[]).find((s) => s.departmentId === URBAN);
      return summons?.breached ? summons : undefined;
    }, { what: 'the silent department’s breach and 督办', timeoutMs: 60_000 });
    expect(breached.status).toBe('summoned');

    // the dead end it used to be: the street may not resolve while the department is outstanding
    const blocked = await http('casework', 'POST', `/api/v1/cases/${caseNumber}/commands/resolve`, street, { summary: '已处理' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.reason).toMatchObject({ code: 'DEPARTMENTS_OUTSTANDING' });
    // only a supervisor releases (解除) a department; the street may not
    expect((await http('casework', 'POST', `/api/v1/cases/${caseNumber}/commands/releaseSummons`, street, { departmentId: URBAN, reason: '督办无果' })).status).toBe(403);
    await command(caseNumber, 'releaseSummons', supervisor, { departmentId: URBAN, reason: '督办后仍未报到，解除，超时记入考核 silent after 督办: released, the miss counts' });
    const released = ((await statusOf(caseNumber)).body.summonses as Summons[]).find((s) => s.departmentId === URBAN)!;
    expect(released).toMatchObject({ status: 'released', breached: true, ending: { byRole: 'supervisor' } });

    // the street resolves; the operator's callback (through Kafka) closes the case
    await command(caseNumber, 'resolve', street, { summary: '水务补装井盖 the water department replaced the cover' });
    const operator = { role: 'operator', unitId: 'bf', userId: 'operator' } as const;
    const task = await eventually(async () => {
      const res = await http('hotline', 'GET', '/api/v1/callbacks?status=pending&limit=200', operator);
      return (res.body.callbacks as { callbackId: string; caseNumber: string }[]).find((c) => c.caseNumber === caseNumber);
    }, { what: 'the callback task', timeoutMs: 30_000 });
    const recorded = await http('hotline', 'POST', `/api/v1/callbacks/${task.callbackId}/result`, operator, { reached: true, satisfaction: 'basically-satisfied', resolved: true });
    expect(recorded.status).toBeLessThan(300);
    await eventually(async () => ((await statusOf(caseNumber)).body.stage === 'closed' ? true : undefined), { what: 'the case to close', timeoutMs: 30_000 });

    // the figures (this run's database holds only this case): urban management's 报到率 counts the miss, water's
    // answer is judged by the callback; the street responded by acting on the case it took over
    // from the China date this test began to the one it asks on: the case's day, even when the run crosses midnight in China
    const period = () => `from=${startedOn}&to=${chinaDate()}`;
    const figures = await eventually(async () => {
      const res = await http('casework', 'GET', `/api/v1/statistics/summary?${period()}&groupBy=department`, supervisor);
      const water = res.body.groups?.find((g: { key: string }) => g.key === WATER);
      return water?.rates.callbacks === 1 ? res.body : undefined;
    }, { what: 'the callback in the department figures', timeoutMs: 30_000 });
    expect(figures.policy).toMatchObject({ version: 1, formulas: { composite: { zh: '综合得分 = 10% × 响应率 + 50% × 解决率 + 40% × 满意率' } } });
    const rates = (key: string) => figures.groups.find((g: { key: string }) => g.key === key).rates;
    expect(rates(URBAN)).toMatchObject({ cases: 1, responded: 0, respondedOnTime: 0, respondedOnTimeRate: 0, resolutionRate: 0, satisfactionRate: null, composite: null });
    expect(rates(WATER)).toMatchObject({
      cases: 1, respondedOnTime: 1, respondedOnTimeRate: 1, resolved: 1, onTimeRate: 1, callbacks: 1, basicallySatisfied: 1, satisfactionRate: 0.9, composite: 0.1 + 0.5 + 0.4 * 0.9,
    });
    const missed = await http('casework', 'GET', `/api/v1/statistics/cases?${period()}&groupBy=department&key=${URBAN}&metric=notResponded`, supervisor);
    expect(missed.body.items.map((c: { caseNumber: string }) => c.caseNumber)).toEqual([caseNumber]);
    const ranking = await http('casework', 'GET', `/api/v1/statistics/ranking?${period()}&groupBy=department&metric=respondedOnTimeRate`, supervisor);
    expect(ranking.body.map((r: { key: string; value: number }) => [r.key, r.value])).toEqual([[WATER, 1], [URBAN, 0]]);
    // the community let its acceptance window lapse; the street took the case over and responded by acting on it in its window
    const communities = await http('casework', 'GET', `/api/v1/statistics/summary?${period()}&groupBy=community`, supervisor);
    expect(communities.body.groups.find((g: { key: string }) => g.key === COMMUNITY).rates).toMatchObject({ cases: 1, responded: 0, escalated: 1 });
    const streets = await http('casework', 'GET', `/api/v1/statistics/summary?${period()}&groupBy=street`, supervisor);
    expect(streets.body.groups.find((g: { key: string }) => g.key === STREET).rates).toMatchObject({ cases: 1, responded: 1, respondedOnTime: 1, resolved: 1, onTime: 1 });
  });
});
