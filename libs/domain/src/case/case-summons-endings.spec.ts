import { ACTORS, atStreet, cmd, refusalOf, run } from './case-fixtures';
import { caseClocks } from './case-queries';

/** 吹哨 that ends without an answer: 撤回 by the street, 解除 by a supervisor after a breach and 督办, 拒绝 accepted. */
describe('summons endings: no department holds a case forever', () => {
  const summoned = () => run(atStreet(), cmd.summon());
  const silentAndSupervised = () => run(summoned(), cmd.reportIn(), cmd.answer(), cmd.breachNotice());

  it('lets the street withdraw a summons before its answer, with a reason; the department’s clock ends and the case may resolve', () => {
    const state = run(summoned(), cmd.reportIn(), cmd.answer(), cmd.withdrawSummons());
    expect(state.summonses[1]).toMatchObject({ status: 'withdrawn', clock: null, ending: { by: ACTORS.street, reason: '已由城管处置，无需住建' } });
    expect(caseClocks(state).map((entry) => entry.key)).toEqual(['case']);
    expect(run(state, cmd.resolve({ actor: ACTORS.street })).status).toBe('resolved');
  });

  it('withdraws from any open stage — summoned, reported in, refusal pending — and while the case is suspended', () => {
    expect(run(summoned(), cmd.reportIn({ actor: ACTORS.housing, departmentId: 'dept-housing' }), cmd.withdrawSummons()).summonses[1].status).toBe('withdrawn');
    expect(run(summoned(), cmd.refuse(), cmd.withdrawSummons()).summonses[1].status).toBe('withdrawn');
    const suspended = run(summoned(), cmd.suspend({ actor: ACTORS.street }), cmd.withdrawSummons());
    expect(suspended.summonses[1]).toMatchObject({ status: 'withdrawn', clock: null });
    expect(run(summoned(), cmd.withdrawSummons({ actor: ACTORS.supervisor })).summonses[1].status).toBe('withdrawn');
  });

  it('refuses a withdrawal after the answer, without a reason, or by someone else', () => {
    const answered = run(summoned(), cmd.reportIn(), cmd.answer());
    expect(refusalOf(answered, cmd.withdrawSummons({ departmentId: 'hbw-um' }))?.code).toBe('DEPARTMENT_NOT_SUMMONED');
    expect(refusalOf(summoned(), cmd.withdrawSummons({ reason: ' ' }))?.code).toBe('TEXT_REQUIRED');
    expect(refusalOf(summoned(), cmd.withdrawSummons({ actor: ACTORS.housing }))?.code).toBe('NOT_ASSIGNEE');
    expect(refusalOf(summoned(), cmd.withdrawSummons({ actor: ACTORS.community }))?.code).toBe('NOT_ASSIGNEE');
    expect(refusalOf(run(summoned(), cmd.withdrawSummons()), cmd.withdrawSummons())?.code).toBe('DEPARTMENT_NOT_SUMMONED');
  });

  it('records the automatic 督办 of a department’s breach on its summons', () => {
    const state = silentAndSupervised();
    expect(state.summonses[1]).toMatchObject({ status: 'summoned', breaches: [{ window: 'department-report-in' }] });
    expect(state.supervisionNotices).toHaveLength(1);
  });

  it('lets a supervisor release a department silent past its window and 督办; the breach stays on its record; the case resolves', () => {
    const state = run(silentAndSupervised(), cmd.releaseSummons());
    expect(state.summonses[1]).toMatchObject({ status: 'released', clock: null, breaches: [{ window: 'department-report-in' }], ending: { by: ACTORS.supervisor } });
    expect(run(state, cmd.resolve({ actor: ACTORS.street }), cmd.callback(), cmd.close({ actor: ACTORS.system })).status).toBe('closed');
  });

  it('releases only a breached summons, only by a supervisor, and only the workflow’s timer records a breach', () => {
    expect(refusalOf(summoned(), cmd.releaseSummons())?.code).toBe('SUMMONS_NOT_BREACHED');
    expect(refusalOf(silentAndSupervised(), cmd.releaseSummons({ actor: ACTORS.street }))?.code).toBe('ROLE_NOT_ALLOWED');
    expect(refusalOf(summoned(), cmd.breachNotice({ actor: ACTORS.supervisor }))?.code).toBe('BREACH_ONLY_BY_TIMER');
    const answered = run(summoned(), cmd.reportIn({ actor: ACTORS.housing, departmentId: 'dept-housing' }), cmd.answer({ actor: ACTORS.housing, departmentId: 'dept-housing' }));
    expect(refusalOf(answered, cmd.breachNotice())?.code).toBe('DEPARTMENT_NOT_SUMMONED');
  });

  it('still lets the department declare “not ours” after its breach; the accepted refusal releases it', () => {
    const state = run(silentAndSupervised(), cmd.refuse(), cmd.decideRefusal());
    expect(state.summonses[1]).toMatchObject({ status: 'released', breaches: [{ window: 'department-report-in' }] });
    expect(run(state, cmd.resolve({ actor: ACTORS.street })).status).toBe('resolved');
  });

  it('lets the street summon a withdrawn or released department again', () => {
    const state = run(summoned(), cmd.withdrawSummons(), cmd.summon({ departmentIds: ['dept-housing'] }));
    expect(state.summonses.filter((summons) => summons.departmentId === 'dept-housing').map((summons) => summons.status)).toEqual(['withdrawn', 'summoned']);
  });
});
