// The mediation workflow (调解工作流) on the time-skipping server, with the original case's workflow running for
// real beside it: a community mediator's 签收 and the final 办结 land on the case through its Updates.
import { recordHistoryIfAsked } from '@civicflow/testing';
import { DAY_MS } from '@civicflow/domain';
import {
  assignMediatorUpdate,
  followUpTermUpdate,
  INVALID_MEDIATION_COMMAND,
  MEDIATION_COMMAND_REJECTED,
  mediationStatusQuery,
  type MediationView,
  reachAgreementUpdate,
  recordFailureUpdate,
  recordSessionUpdate,
  scheduleSessionUpdate,
} from '../src/mediation/mediation.contract';
import { acceptUpdate } from '../src/case/case.contract';
import { ACTORS, at, caseInput, HISTORIES, minutes } from './support/case-test-kit';
import { createMediationTestKit, disputeInput, MEDIATION_ACTORS as A, type MediationTestKit, rejectionOf } from './mediation-test-kit';

const isoAt = (date: string, time: string) => `${at(date, time)}:00.000Z`;

describe('mediationWorkflow (time-skipping)', () => {
  let kit: MediationTestKit;

  beforeAll(async () => {
    kit = await createMediationTestKit();
  });

  afterAll(async () => {
    await kit?.teardown();
  });

  /** Every event of the dispute: ids `<disputeId>:<n>:<type>`, n counting 1, 2, 3 … with no gap or repeat. */
  function expectSequencedEvents(disputeId: string) {
    const events = kit.events(disputeId);
    expect(events.map((e) => e.id)).toEqual(events.map((e, i) => `${disputeId}:${i + 1}:${e.type}`));
    expect(events.map((e) => (e.data as { sequence: number }).sequence)).toEqual(events.map((_, i) => i + 1));
  }

  it('happy path: assign (the case is accepted), two sessions with reminders, agreement, every term kept → resolved, the case resolved', async () => {
    const caseNumber = '20990302-000001';
    const disputeId = 'd-20990302-1';
    await kit.skipTo('2099-03-02', '10:00');
    const caseHandle = await kit.startCase(caseInput(caseNumber, { categoryCode: '1601', isDispute: true, summary: '楼上漏水纠纷' }));
    const handle = await kit.startDispute(disputeInput(disputeId, { caseNumber }));
    expect(await handle.query(mediationStatusQuery)).toMatchObject({ stage: 'awaiting-mediator', level: 'community', caseNumber, deadline: expect.stringMatching(/^2099-04-01T02:00/) });
    expect(kit.types(disputeId)).toEqual(['mediation.dispute-opened']);

    const assigned = await handle.executeUpdate(assignMediatorUpdate, { args: [{ actor: A.community, mediatorId: 'med-1', committeeId: 'binhe-tiaowei', level: 'community' }], updateId: 'req-assign-1' });
    expect(assigned).toMatchObject({ stage: 'mediating', mediatorId: 'med-1', committeeId: 'binhe-tiaowei' });
    const view = await kit.settled(handle);
    expect(view.originalCase).toEqual({ accepted: { status: 'done' }, resolved: { status: 'not-due' } });
    const accepted = await kit.caseView(caseNumber);
    expect(accepted).toMatchObject({ stage: 'in-handling', level: 'community', currentUnit: 'binhe' });
    expect(accepted.clocks).toMatchObject([{ window: 'mediation' }]); // the case runs on its 30-day mediation window
    expect(kit.events(caseNumber).find((e) => e.type === 'case.accepted')).toMatchObject({ actor: { userId: 'med-1', role: 'mediator', unitId: 'binhe' } });

    // two sessions: one in two days (reminded a day before), one this evening (closer than the lead: reminded at once)
    await handle.executeUpdate(scheduleSessionUpdate, {
      args: [{ actor: A.mediator, sessionId: 's-1', startsAt: isoAt('2099-03-04', '14:00'), endsAt: isoAt('2099-03-04', '16:00'), place: '滨河社区调解室', attendeeIds: ['p-1', 'p-2'], consultation: false }],
    });
    await handle.executeUpdate(scheduleSessionUpdate, {
      args: [{ actor: A.mediator, sessionId: 's-2', startsAt: isoAt('2099-03-02', '18:00'), endsAt: isoAt('2099-03-02', '19:00'), place: '滨河小区议事长廊', attendeeIds: ['p-1', 'p-2', 'wy-1', 'yw-1'], consultation: true }],
    });
    await kit.settled(handle);
    expect(kit.types(disputeId)).toEqual(['mediation.dispute-opened', 'mediation.mediator-assigned', 'mediation.session-scheduled', 'mediation.session-scheduled', 'mediation.session-reminder']);
    const reminder = kit.events(disputeId)[4];
    expect(reminder).toMatchObject({ actor: { role: 'system' }, data: { sessionId: 's-2', mediatorId: 'med-1', attendeeIds: ['p-1', 'p-2', 'wy-1', 'yw-1'], place: '滨河小区议事长廊' } });

    await kit.skipTo('2099-03-03', '13:59');
    await kit.settled(handle);
    expect(kit.types(disputeId).filter((t) => t === 'mediation.session-reminder')).toHaveLength(1);
    await kit.skipTo('2099-03-03', '14:01');
    const reminded = await kit.settled(handle);
    const reminders = kit.events(disputeId).filter((e) => e.type === 'mediation.session-reminder');
    expect(reminders).toHaveLength(2);
    expect(minutes(reminders[1].time)).toBe(at('2099-03-03', '14:00'));
    expect(reminded.sessions.map((s) => [s.sessionId, s.reminded])).toEqual([['s-1', true], ['s-2', true]]);

    await kit.skipTo('2099-03-04', '16:30');
    await handle.executeUpdate(recordSessionUpdate, { args: [{ actor: A.mediator, sessionId: 's-2', minutesSummary: '四方共议：物业同意检修管道' }] });
    await handle.executeUpdate(recordSessionUpdate, { args: [{ actor: A.mediator, sessionId: 's-1', minutesSummary: '双方同意赔偿及出具收条' }] });
    const agreed = await handle.executeUpdate(reachAgreementUpdate, {
      args: [{ actor: A.mediator, agreementId: 'a-1', terms: [{ party: 'p-1', obligation: '赔偿维修费 800 元', dueAt: isoAt('2099-03-10', '12:00') }, { party: 'p-2', obligation: '出具收条', dueAt: isoAt('2099-03-12', '12:00') }] }],
    });
    expect(agreed).toMatchObject({ stage: 'agreed', limitRunning: false, agreement: { agreementId: 'a-1', terms: [{ followedUp: false, kept: null }, { followedUp: false, kept: null }] } });
    // the second term is fulfilled early; the first falls due and is followed up
    await handle.executeUpdate(followUpTermUpdate, { args: [{ actor: A.mediator, termIndex: 1, kept: true, note: '已出具收条' }] });
    await kit.skipTo('2099-03-10', '12:01');
    await kit.settled(handle);
    expect(kit.events(disputeId).filter((e) => e.type === 'mediation.follow-up-due')).toMatchObject([{ data: { agreementId: 'a-1', termIndex: 0, party: 'p-1', mediatorId: 'med-1' } }]);
    const resolved = await handle.executeUpdate(followUpTermUpdate, { args: [{ actor: A.mediator, termIndex: 0, kept: true }] });
    expect(resolved).toMatchObject({ stage: 'resolved', guidance: null });

    const final = await kit.result<MediationView>(handle);
    expect(final).toMatchObject({ stage: 'resolved', level: 'community', originalCase: { accepted: { status: 'done' }, resolved: { status: 'done' } } });
    expect(kit.types(disputeId).slice(6)).toEqual([
      'mediation.session-held',
      'mediation.session-held',
      'mediation.agreement-reached',
      'mediation.agreement-followed-up',
      'mediation.follow-up-due',
      'mediation.agreement-followed-up',
      'mediation.dispute-resolved',
    ]);
    expect(kit.events(disputeId).at(-1)).toMatchObject({ data: { agreementId: 'a-1', level: 'community', mediatorId: 'med-1', reopenCount: 0, caseNumber } });
    expectSequencedEvents(disputeId);
    expect(kit.events(disputeId)[1]).toMatchObject({ causationId: 'req-assign-1', correlationId: `dispute-${disputeId}`, actor: { userId: 'ch-1', role: 'community-handler' } });

    const caseAfter = await kit.caseView(caseNumber);
    expect(caseAfter).toMatchObject({ stage: 'resolved' });
    const caseResolved = kit.events(caseNumber).find((e) => e.type === 'case.resolved');
    expect(caseResolved).toMatchObject({ actor: { userId: 'med-1', role: 'mediator', unitId: 'binhe' } });
    expect((caseResolved!.data as { summary: string }).summary).toContain('纠纷已化解');
    await recordHistoryIfAsked(handle, HISTORIES, 'mediation-happy-path');
    await caseHandle.terminate('scenario over');
  });

  it('a failure at the community goes to the street centre; a failure there ends with guidance — the street’s mediator may not resolve the community’s case', async () => {
    const caseNumber = '20990413-000001';
    const disputeId = 'd-20990413-1';
    await kit.skipTo('2099-04-13', '10:00');
    const caseHandle = await kit.startCase(caseInput(caseNumber, { categoryCode: '1102', isDispute: true, summary: '农民工工资纠纷' }));
    const handle = await kit.startDispute(disputeInput(disputeId, { caseNumber, disputeType: 'wages' }));
    // the community's handler accepted the case already: the mediator's 签收 counts as done, not as a failure
    await caseHandle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    await handle.executeUpdate(assignMediatorUpdate, { args: [{ actor: A.mediator, mediatorId: 'med-1', committeeId: 'binhe-tiaowei', level: 'community' }] });
    expect((await kit.settled(handle)).originalCase).toEqual({ accepted: { status: 'already' }, resolved: { status: 'not-due' } });
    await kit.skipTo('2099-04-15', '10:00');
    // at the community no guidance: the street centre comes next
    expect(await rejectionOf(handle.executeUpdate(recordFailureUpdate, { args: [{ actor: A.mediator, reason: '双方分歧过大', guidance: 'arbitration' }] }))).toMatchObject({
      type: MEDIATION_COMMAND_REJECTED,
      reason: { code: 'GUIDANCE_ONLY_AT_STREET' },
    });
    const escalated = await handle.executeUpdate(recordFailureUpdate, { args: [{ actor: A.mediator, reason: '双方分歧过大' }] });
    expect(escalated).toMatchObject({ stage: 'awaiting-mediator', level: 'street', mediatorId: null, limitRunning: true });
    expect(minutes(escalated.deadline)).toBe(at('2099-05-15', '10:00')); // a new 30-day limit at the street
    await kit.settled(handle);
    expect(kit.events(disputeId).at(-1)).toMatchObject({
      type: 'mediation.mediation-failed',
      data: { level: 'community', next: 'street-centre', trigger: 'mediator', reason: '双方分歧过大' },
    });

    expect(await rejectionOf(handle.executeUpdate(assignMediatorUpdate, { args: [{ actor: A.street, mediatorId: 'med-9', committeeId: 'xinhua-centre', level: 'community' }] }))).toMatchObject({
      reason: { code: 'LEVEL_MISMATCH' },
    });
    await handle.executeUpdate(assignMediatorUpdate, { args: [{ actor: A.street, mediatorId: 'med-9', committeeId: 'xinhua-centre', level: 'street' }] });
    expect(await rejectionOf(handle.executeUpdate(recordFailureUpdate, { args: [{ actor: A.streetMediator, reason: '调解无果' }] }))).toMatchObject({ reason: { code: 'GUIDANCE_REQUIRED' } });
    await kit.skipTo('2099-04-20', '15:00');
    const failed = await handle.executeUpdate(recordFailureUpdate, { args: [{ actor: A.streetMediator, reason: '用工单位拒不到场', guidance: 'arbitration' }] });
    expect(failed).toMatchObject({ stage: 'failed', level: 'street', guidance: 'arbitration' });

    const final = await kit.result<MediationView>(handle);
    // the street centre's mediator ended the dispute, but the case is with the community: the mediation acts as
    // that mediator (never in the community's name), so the case refuses and its community resolves it
    expect(final.originalCase).toEqual({ accepted: { status: 'already' }, resolved: { status: 'refused', reason: expect.objectContaining({ code: 'NOT_ASSIGNEE' }) } });
    expect(kit.events(disputeId).filter((e) => e.type === 'mediation.mediation-failed').map((e) => e.data)).toMatchObject([
      { level: 'community', next: 'street-centre' },
      { level: 'street', next: 'arbitration', reason: '用工单位拒不到场', trigger: 'mediator' },
    ]);
    expectSequencedEvents(disputeId);
    expect(kit.events(caseNumber).find((e) => e.type === 'case.resolved')).toBeUndefined();
    expect((await kit.caseView(caseNumber)).stage).toBe('in-handling');
    await recordHistoryIfAsked(handle, HISTORIES, 'mediation-failed-to-guidance');
    await caseHandle.terminate('scenario over');
  });

  it('the 30-day limit escalates to the street by itself, and ends the dispute at the street (guided to the courts)', async () => {
    const caseNumber = '20990511-000001';
    const disputeId = 'd-20990511-1';
    await kit.skipTo('2099-05-11', '10:00');
    const caseHandle = await kit.startCase(caseInput(caseNumber, { categoryCode: '1604', isDispute: true, summary: '相邻通行纠纷' }));
    const handle = await kit.startDispute(disputeInput(disputeId, { caseNumber }));
    await handle.executeUpdate(assignMediatorUpdate, { args: [{ actor: A.community, mediatorId: 'med-1', committeeId: 'binhe-tiaowei', level: 'community' }] });
    await kit.settled(handle);

    await kit.skipTo('2099-06-10', '09:59');
    expect((await kit.settled(handle)).level).toBe('community');
    await kit.skipTo('2099-06-10', '10:01');
    const street = await kit.settled(handle);
    expect(street).toMatchObject({ stage: 'awaiting-mediator', level: 'street', mediatorId: null });
    const breach = kit.events(disputeId).at(-1)!;
    expect(breach).toMatchObject({ type: 'mediation.mediation-failed', actor: { role: 'system' }, data: { level: 'community', next: 'street-centre', trigger: 'time-limit' } });
    expect((breach.data as { reason: string }).reason).toContain('超过30日调解期限');
    expect(minutes(street.deadline)).toBe(at('2099-07-10', '10:00'));

    await handle.executeUpdate(assignMediatorUpdate, { args: [{ actor: A.street, mediatorId: 'med-9', committeeId: 'xinhua-centre', level: 'street' }] });
    await kit.skipTo('2099-07-10', '10:01');
    const final = await kit.result<MediationView>(handle);
    // the time limit ended it: nobody asked, so nobody acts on the case for it — its holder (the street) resolves it
    expect(final).toMatchObject({ stage: 'failed', level: 'street', guidance: 'litigation', originalCase: { resolved: { status: 'refused', reason: { code: 'NO_REQUESTER' } } } });
    expect(kit.events(disputeId).at(-1)).toMatchObject({ type: 'mediation.mediation-failed', data: { level: 'street', next: 'litigation', trigger: 'time-limit' } });
    expectSequencedEvents(disputeId);
    expect(kit.events(caseNumber).find((e) => e.type === 'case.resolved')).toBeUndefined();
    await recordHistoryIfAsked(handle, HISTORIES, 'mediation-limit-breaches');
    await caseHandle.terminate('scenario over');
  });

  it('a broken term reopens the dispute with a new limit; a new agreement kept resolves it (walk-in, no case)', async () => {
    const disputeId = 'd-20990713-1';
    await kit.skipTo('2099-07-13', '10:00');
    const handle = await kit.startDispute(disputeInput(disputeId));
    expect((await handle.query(mediationStatusQuery)).originalCase).toBeNull();
    await handle.executeUpdate(assignMediatorUpdate, { args: [{ actor: A.mediator, mediatorId: 'med-1', committeeId: 'binhe-tiaowei', level: 'community' }] });
    await handle.executeUpdate(reachAgreementUpdate, { args: [{ actor: A.mediator, agreementId: 'a-1', terms: [{ party: 'p-1', obligation: '拆除违建围墙', dueAt: isoAt('2099-07-16', '18:00') }] }] });
    expect(await rejectionOf(handle.executeUpdate(followUpTermUpdate, { args: [{ actor: A.mediator, termIndex: 0, kept: false }] }))).toMatchObject({ reason: { code: 'TERM_NOT_YET_DUE' } });

    await kit.skipTo('2099-07-16', '18:01');
    await kit.settled(handle);
    expect(kit.events(disputeId).at(-1)).toMatchObject({ type: 'mediation.follow-up-due', data: { termIndex: 0, obligation: '拆除违建围墙' } });
    await kit.skipTo('2099-07-17', '09:30');
    const reopened = await handle.executeUpdate(followUpTermUpdate, { args: [{ actor: A.mediator, termIndex: 0, kept: false, note: '逾期未拆除' }] });
    expect(reopened).toMatchObject({ stage: 'mediating', reopenCount: 1, agreement: null, limitRunning: true });
    expect(minutes(reopened.deadline)).toBe(at('2099-08-16', '09:30'));
    await kit.settled(handle);
    expect(kit.events(disputeId).slice(-2)).toMatchObject([
      { type: 'mediation.agreement-followed-up', data: { kept: false, note: '逾期未拆除' } },
      { type: 'mediation.dispute-reopened', data: { agreementId: 'a-1', termIndex: 0, reopenCount: 1, level: 'community' } },
    ]);

    await handle.executeUpdate(reachAgreementUpdate, { args: [{ actor: A.mediator, agreementId: 'a-2', terms: [{ party: 'p-1', obligation: '三日内拆除并恢复通道', dueAt: isoAt('2099-07-20', '18:00') }] }] });
    await handle.executeUpdate(followUpTermUpdate, { args: [{ actor: A.mediator, termIndex: 0, kept: true }] });
    const final = await kit.result<MediationView>(handle);
    expect(final).toMatchObject({ stage: 'resolved', reopenCount: 1, agreement: { agreementId: 'a-2' }, originalCase: null });
    expect(kit.events(disputeId).at(-1)).toMatchObject({ type: 'mediation.dispute-resolved', data: { agreementId: 'a-2', reopenCount: 1 } });
    expect(kit.events(disputeId).every((e) => !('caseNumber' in (e.data as object)))).toBe(true);
    expectSequencedEvents(disputeId);
    await recordHistoryIfAsked(handle, HISTORIES, 'mediation-broken-agreement');
  });

  it('rejects a past or overlapping session, an agreement without terms and other refusals in the validator; none enters the history', async () => {
    const disputeId = 'd-20990803-1';
    await kit.skipTo('2099-08-03', '10:00');
    const handle = await kit.startDispute(disputeInput(disputeId));
    const session = (over: Record<string, unknown>) => ({
      actor: A.mediator,
      sessionId: 's-1',
      startsAt: isoAt('2099-08-05', '09:30'),
      endsAt: isoAt('2099-08-05', '11:30'),
      place: '滨河社区调解室',
      attendeeIds: ['p-1'],
      consultation: false,
      ...over,
    });
    expect(await rejectionOf(handle.executeUpdate(scheduleSessionUpdate, { args: [session({})] }))).toMatchObject({ type: MEDIATION_COMMAND_REJECTED, reason: { code: 'NO_MEDIATOR' } });
    await handle.executeUpdate(assignMediatorUpdate, { args: [{ actor: A.mediator, mediatorId: 'med-1', committeeId: 'binhe-tiaowei', level: 'community' }] });
    const acceptedUpdates = async () => (await handle.fetchHistory()).events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
    const before = await acceptedUpdates();

    expect(await rejectionOf(handle.executeUpdate(scheduleSessionUpdate, { args: [session({ startsAt: isoAt('2099-08-03', '09:00'), endsAt: isoAt('2099-08-03', '11:00') })] }))).toMatchObject({
      type: MEDIATION_COMMAND_REJECTED,
      reason: { code: 'SESSION_IN_PAST', zh: expect.stringContaining('须晚于当前时间') },
    });
    await handle.executeUpdate(scheduleSessionUpdate, { args: [session({})] });
    const afterOne = await acceptedUpdates();
    expect(afterOne).toBe(before! + 1);
    expect(await rejectionOf(handle.executeUpdate(scheduleSessionUpdate, { args: [session({ sessionId: 's-2', startsAt: isoAt('2099-08-05', '11:00'), endsAt: isoAt('2099-08-05', '12:00') })] }))).toMatchObject({
      reason: { code: 'SESSION_OVERLAPS', zh: '与已安排的调解 s-1 时间冲突。' },
    });
    expect(await rejectionOf(handle.executeUpdate(scheduleSessionUpdate, { args: [session({ sessionId: 's-2', endsAt: isoAt('2099-08-05', '09:00') })] }))).toMatchObject({ reason: { code: 'SESSION_ENDS_BEFORE_START' } });
    expect(await rejectionOf(handle.executeUpdate(reachAgreementUpdate, { args: [{ actor: A.mediator, agreementId: 'a-1', terms: [] }] }))).toMatchObject({
      type: MEDIATION_COMMAND_REJECTED,
      reason: { code: 'NO_TERMS', zh: '调解协议须至少有一项履行条款。', en: 'An agreement needs at least one term.' },
    });
    expect(await rejectionOf(handle.executeUpdate(reachAgreementUpdate, { args: [{ actor: A.mediator, agreementId: 'a-1', terms: [{ party: 'p-1', obligation: '道歉', dueAt: isoAt('2099-08-01', '10:00') }] }] }))).toMatchObject({
      reason: { code: 'TERM_DUE_IN_PAST' },
    });
    expect(await rejectionOf(handle.executeUpdate(recordSessionUpdate, { args: [{ actor: A.mediator, sessionId: 's-1', minutesSummary: '提前记录' }] }))).toMatchObject({ reason: { code: 'SESSION_NOT_STARTED' } });
    expect(await rejectionOf(handle.executeUpdate(followUpTermUpdate, { args: [{ actor: A.mediator, termIndex: 0, kept: true }] }))).toMatchObject({ reason: { code: 'NO_AGREEMENT' } });
    expect(await rejectionOf(handle.executeUpdate(recordFailureUpdate, { args: [{ actor: A.otherMediator, reason: '不归我管' }] }))).toMatchObject({ reason: { code: 'NOT_ASSIGNED_MEDIATOR' } });
    expect(await rejectionOf(handle.executeUpdate(recordFailureUpdate, { args: [{ actor: { ...A.mediator, role: 'admin' }, reason: 'x' }] }))).toMatchObject({ reason: { code: 'ROLE_NOT_ALLOWED' } });
    expect(await rejectionOf(handle.executeUpdate(scheduleSessionUpdate, { args: [{ actor: A.mediator } as never] }))).toMatchObject({ type: INVALID_MEDIATION_COMMAND, reason: { field: 'attendeeIds' } });

    expect(await acceptedUpdates()).toBe(afterOne);
    expect(kit.types(disputeId)).toEqual(['mediation.dispute-opened', 'mediation.mediator-assigned', 'mediation.session-scheduled']);
    const view = await kit.settled(handle);
    expect(view.sessions).toMatchObject([{ sessionId: 's-1', held: false, reminded: false, cancelled: false }]);
    expect(Date.parse(view.deadline) - Date.parse(view.openedAt!)).toBe(30 * DAY_MS);
    await handle.terminate('scenario over');
  });
});
