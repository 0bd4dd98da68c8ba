import { workingDays, workingHours } from '../calendar/business-duration';
import { ACTORS, atStreet, cmd, dispatched, inHandling, refusalOf, run } from './case-fixtures';
import { caseClocks } from './case-queries';

describe('escalation ladder: community → street', () => {
  it('escalates early when the community lacks the powers; the street takes over with its own window', () => {
    const state = run(inHandling(), cmd.escalate({ note: '需城管执法' }));
    expect(state).toMatchObject({ status: 'in-handling', level: 'street', assignee: { unitId: 'xinhua', level: 'street' } });
    expect(state.escalations).toEqual([expect.objectContaining({ trigger: 'early', from: 'community', to: 'street' })]);
    expect(state.clock).toMatchObject({ window: 'street-handling', clock: { duration: workingDays(5) } });
  });

  it('escalates on breach of the acceptance window, sent by the workflow', () => {
    const state = run(dispatched(), cmd.escalate({ trigger: 'breach', actor: ACTORS.system }));
    expect(state).toMatchObject({ status: 'in-handling', level: 'street', escalations: [expect.objectContaining({ trigger: 'breach' })] });
  });

  it('lets a supervisor escalate at any time', () => {
    expect(run(inHandling(), cmd.escalate({ actor: ACTORS.supervisor })).level).toBe('street');
  });

  it('drops a pending extension request when the case leaves the community', () => {
    const state = run(inHandling(), cmd.requestExtension(), cmd.escalate());
    expect(state.pendingExtension).toBeNull();
  });

  it('refuses to escalate early before acceptance, on breach from a handler, or twice', () => {
    expect(refusalOf(dispatched(), cmd.escalate())?.code).toBe('ESCALATE_BEFORE_ACCEPTANCE');
    expect(refusalOf(inHandling(), cmd.escalate({ trigger: 'breach' }))?.code).toBe('ROLE_NOT_ALLOWED');
    expect(refusalOf(inHandling(), cmd.escalate({ actor: ACTORS.otherCommunity }))?.code).toBe('NOT_ASSIGNEE');
    expect(refusalOf(atStreet(), cmd.escalate({ actor: ACTORS.street }))?.code).toBe('ALREADY_AT_STREET');
    expect(refusalOf(run(inHandling(), cmd.suspend()), cmd.escalate())?.code).toBe('CASE_SUSPENDED');
  });
});

describe('escalation ladder: the street summons departments (吹哨/报到)', () => {
  const summoned = () => run(atStreet(), cmd.summon());

  it('summons several departments at once, each on its own report-in clock', () => {
    const state = summoned();
    expect(state.level).toBe('departments');
    expect(state.summonses.map((summons) => [summons.departmentId, summons.status, summons.clock?.window])).toEqual([
      ['hbw-um', 'summoned', 'department-report-in'],
      ['dept-housing', 'summoned', 'department-report-in'],
    ]);
    expect(caseClocks(state).map((entry) => entry.key)).toEqual(['case', 'department:hbw-um', 'department:dept-housing']);
    expect(state.summonses[0].clock?.clock.duration).toEqual(workingHours(2));
  });

  it('report in → answer window; answer; resolve once every department is done', () => {
    let state = run(summoned(), cmd.reportIn());
    expect(state.summonses[0]).toMatchObject({ status: 'reported-in', clock: { window: 'department-answer', clock: { duration: workingDays(3) } } });
    state = run(state, cmd.answer());
    expect(state.summonses[0]).toMatchObject({ status: 'answered', clock: null, answer: { plan: '三日内补装井盖', result: '已补装' } });
    expect(refusalOf(state, cmd.resolve({ actor: ACTORS.street }))).toMatchObject({ code: 'DEPARTMENTS_OUTSTANDING', zh: expect.stringContaining('住房和城乡建设局'), en: expect.not.stringContaining('dept-housing') });
    state = run(state, cmd.refuse(), cmd.decideRefusal());
    expect(state.summonses[1]).toMatchObject({ status: 'released', refusal: { reason: '不属于本部门职责', from: 'summoned' } });
    expect(run(state, cmd.resolve({ actor: ACTORS.street })).status).toBe('resolved');
  });

  it('overruling a refusal sends the department back to the stage it refused from, with a fresh window', () => {
    const beforeReportIn = run(summoned(), cmd.refuse(), cmd.decideRefusal({ decision: 'overrule' }));
    expect(beforeReportIn.summonses[1]).toMatchObject({ status: 'summoned', clock: { window: 'department-report-in' } });
    const afterReportIn = run(
      summoned(),
      cmd.reportIn({ actor: ACTORS.housing, departmentId: 'dept-housing' }),
      cmd.refuse(),
      cmd.decideRefusal({ decision: 'overrule', actor: ACTORS.supervisor }),
    );
    expect(afterReportIn.summonses[1]).toMatchObject({ status: 'reported-in', clock: { window: 'department-answer' } });
  });

  it('stops a refusing department’s clock until the refusal is decided', () => {
    const state = run(summoned(), cmd.refuse());
    expect(state.summonses[1]).toMatchObject({ status: 'refusal-pending', clock: null });
  });

  it('may summon a department again after it answered', () => {
    const state = run(summoned(), cmd.reportIn(), cmd.answer(), cmd.summon({ departmentIds: ['hbw-um'] }));
    expect(state.summonses.filter((summons) => summons.departmentId === 'hbw-um').map((summons) => summons.status)).toEqual(['answered', 'summoned']);
    expect(run(state, cmd.reportIn()).summonses[2].status).toBe('reported-in');
  });

  it('refuses department commands that do not fit', () => {
    expect(refusalOf(inHandling(), cmd.summon({ actor: ACTORS.community }))?.code).toBe('NOT_AT_STREET');
    expect(refusalOf(atStreet(), cmd.summon({ departmentIds: [] }))?.code).toBe('NO_DEPARTMENTS');
    expect(refusalOf(atStreet(), cmd.summon({ departmentIds: ['hbw-um', 'hbw-um'] }))?.code).toBe('NO_DEPARTMENTS');
    expect(refusalOf(atStreet(), cmd.summon({ actor: ACTORS.community }))?.code).toBe('NOT_ASSIGNEE');
    expect(refusalOf(summoned(), cmd.summon({ departmentIds: ['hbw-um'] }))?.code).toBe('DEPARTMENT_ALREADY_SUMMONED');
    expect(refusalOf(summoned(), cmd.reportIn({ actor: ACTORS.housing }))?.code).toBe('NOT_ASSIGNEE');
    expect(refusalOf(summoned(), cmd.answer())).toMatchObject({ code: 'SUMMONS_IN_WRONG_STATE', zh: expect.stringContaining('当前待报到，不能'), en: expect.stringContaining(' is summoned and cannot ') });
    expect(refusalOf(summoned(), cmd.reportIn({ departmentId: 'police', actor: { ...ACTORS.urbanManagement, unitId: 'police' } }))?.code).toBe('DEPARTMENT_NOT_SUMMONED');
    expect(refusalOf(summoned(), cmd.decideRefusal())?.code).toBe('SUMMONS_IN_WRONG_STATE');
    expect(refusalOf(run(summoned(), cmd.refuse()), cmd.decideRefusal({ actor: ACTORS.housing }))?.code).toBe('NOT_ASSIGNEE');
    expect(refusalOf(summoned(), cmd.refuse({ reason: ' ' }))?.code).toBe('TEXT_REQUIRED');
    expect(refusalOf(run(summoned(), cmd.suspend({ actor: ACTORS.street })), cmd.reportIn())?.code).toBe('CASE_SUSPENDED');
  });
});
