import {
  caseCallbackDueV1, caseCallbackRecordedV1, caseClosedV1, caseDepartmentAnsweredV1, caseDepartmentRefusedV1, caseDepartmentReportedInV1,
  caseDepartmentsSummonedV1, caseDispatchedV1, caseDuplicateAttachedV1, caseExtensionDecidedV1, caseExtensionRequestedV1, caseMergedV1, caseRefusalDecidedV1, caseSummonsEndedV1,
  caseReopenedV1, caseResumedV1, caseReturnedV1, caseReviewRequiredV1, caseSuspendedV1, EventData, SlaSnapshot,
} from '@civicflow/contracts';
import { CASE, COMMUNITY, event, ORG_PATH, planningFixture, STREET, who } from '../testing/planning-fixture';

const sla = (window: SlaSnapshot['window'], deadline: string | null): SlaSnapshot => ({
  window, startedAt: '2026-03-10T02:00:00Z', status: 'on-track', paused: deadline === null, deadline, warningAt: null,
});
type Transition = Pick<EventData<typeof caseDispatchedV1>, 'stage' | 'level' | 'unitId' | 'sla'>;
let sequence = 10;
const base = (t: Transition) => ({ caseNumber: CASE, sequence: ++sequence, occurredAt: '2026-03-11T02:00:00Z', ...t });
const atCommunity: Transition = { stage: 'in-handling', level: 'community', unitId: COMMUNITY, sla: sla('community-handling', '2026-03-13T09:00:00Z') };
const atStreet: Transition = { stage: 'in-handling', level: 'street', unitId: STREET, sla: sla('street-handling', '2026-03-16T09:00:00Z') };
const atDepartment: Transition = { ...atStreet, level: 'department' };
const URBAN = { departmentId: 'dept-urban-management', summonsId: `${CASE}:summons:dept-urban-management:1` };

/** A registered case with a caller, dispatched to the community of the fixture's street. */
async function knownCase() {
  const env = planningFixture({ channels: ['inbox', 'sms', 'wechat', 'email'] });
  await env.cases.recordCase(CASE, { categoryCode: '0501', orgPath: ORG_PATH });
  await env.cases.addReporter(CASE, 'caller-hash-1');
  return env;
}

describe('case lifecycle rules', () => {
  it('case.returned (退单): the city\'s dispatchers, with the unit that returned it and why', async () => {
    const { plan } = await knownCase();
    const planned = await plan.execute(event(caseReturnedV1, CASE, {
      ...base({ stage: 'returned', level: null, unitId: null, sla: null }), fromUnitId: COMMUNITY, reason: '不属本社区管辖',
    }));
    expect(who(planned)).toEqual(['case-returned.dispatchers → li:inbox']);
    expect(planned[0].message.body).toBe(
      `阳光社区于 2026年3月11日 10:00 退回案件 ${CASE}（${planned[0].message.fields.category}），退单理由：不属本社区管辖。请核实管辖后重新派单。`,
    );
  });

  it('case.department-reported-in: the street that summoned it, with the answer deadline', async () => {
    const { plan } = await knownCase();
    const planned = await plan.execute(event(caseDepartmentReportedInV1, CASE, {
      ...base(atDepartment), ...URBAN, departmentSla: sla('department-answer', '2026-03-13T10:00:00Z'),
    }));
    expect(who(planned)).toEqual(['case-department-reported-in.street → zhao:inbox']);
    expect(planned[0].message.body).toContain('城管局已于 2026年3月11日 10:00 就案件');
    expect(planned[0].message.body).toContain('答复时限 2026年3月13日 18:00');
  });

  it('marks a deadline computed across a year without an official arrangement 暂定, and no other', async () => {
    const { plan } = await knownCase();
    const provisional = { ...sla('department-answer', '2027-01-05T10:00:00Z'), provisional: true as const };
    const planned = await plan.execute(event(caseDepartmentReportedInV1, CASE, { ...base(atDepartment), ...URBAN, departmentSla: provisional }));
    expect(planned[0].message.body).toContain('答复时限 2027年1月5日 18:00（暂定）');
    // the callback's due time is the clock's deadline: 暂定 too; a warning of another window than the case clock's is not
    const due = await plan.execute(event(caseCallbackDueV1, CASE, {
      ...base({ ...atCommunity, stage: 'resolved', sla: { ...sla('callback', '2027-01-05T02:00:00Z'), provisional: true } }), callbackDueAt: '2027-01-05T02:00:00Z',
      duplicateCaseNumbers: [],
    }));
    expect(due[0].message.body).toContain('请在 2027年1月5日 10:00（暂定） 前回访来电人');
    const official = await plan.execute(event(caseDepartmentReportedInV1, CASE, { ...base(atDepartment), ...URBAN, departmentSla: sla('department-answer', '2027-01-05T10:00:00Z') }));
    expect(official[0].message.body).not.toContain('暂定');
  });

  it('case.department-refused: the summoning street and the city\'s supervisors, who arbitrate', async () => {
    const { plan } = await knownCase();
    const planned = await plan.execute(event(caseDepartmentRefusedV1, CASE, { ...base(atDepartment), ...URBAN, reason: '不属本部门职责' }));
    expect(who(planned)).toEqual(['case-department-refused.arbiters → zhao:inbox', 'case-department-refused.arbiters → zhou:inbox']);
    expect(planned[0].message.body).toContain('城管局于 2026年3月11日 10:00 拒绝就案件');
    expect(planned[0].message.body).toContain('理由：不属本部门职责');
  });

  it('case.refusal-decided: the department\'s liaisons hear whether they are released or must carry on', async () => {
    const { plan } = await knownCase();
    const overruled = await plan.execute(event(caseRefusalDecidedV1, CASE, {
      ...base(atDepartment), departmentId: 'water-affairs', summonsId: `${CASE}:summons:water-affairs:1`, decision: 'overruled',
      note: '属供水管网范围', departmentSla: sla('department-report-in', '2026-03-11T06:00:00Z'),
    }));
    expect(who(overruled)).toEqual(['case-refusal-decided.overruled → qian:inbox']);
    expect(overruled[0].message.body).toBe(
      `The refusal of the responsible unit on case ${CASE} (${overruled[0].message.fields.category}) was overruled at 11 Mar 2026, 10:00 (Beijing time). Please carry on by 11 Mar 2026, 14:00 (Beijing time). Note: 属供水管网范围`,
    );
    const accepted = await plan.execute(event(caseRefusalDecidedV1, CASE, { ...base(atDepartment), ...URBAN, decision: 'accepted', departmentSla: null }));
    expect(who(accepted)).toEqual(['case-refusal-decided.accepted → sun:inbox']);
    expect(accepted[0].message.body).toContain('城管局对案件');
    expect(accepted[0].message.body).toContain('获采纳，无需继续办理。');
  });

  it('case.summons-ended: a withdrawn department hears it owes nothing; a released one that its breach counts, and the street that it may resolve', async () => {
    const { plan } = await knownCase();
    const withdrawn = await plan.execute(event(caseSummonsEndedV1, CASE, {
      ...base(atDepartment), ...URBAN, ending: 'withdrawn', reason: '已由住建处置', breached: false, statusBefore: 'reported-in',
    }));
    expect(who(withdrawn)).toEqual(['case-summons-ended.withdrawn → sun:inbox']);
    expect(withdrawn[0].message.body).toContain('撤回理由：已由住建处置');
    const released = await plan.execute(event(caseSummonsEndedV1, CASE, {
      ...base(atDepartment), ...URBAN, ending: 'released', reason: '超时未报到，督办无果', breached: true, statusBefore: 'summoned',
    }));
    expect(who(released)).toEqual(['case-summons-ended.released → sun:inbox', 'case-summons-ended.street → zhao:inbox']);
    expect(released[0].message.body).toContain('超时记录保留并计入考核');
  });

  it('case.department-answered: the summoning street reads the plan and the result', async () => {
    const { plan } = await knownCase();
    const planned = await plan.execute(event(caseDepartmentAnsweredV1, CASE, { ...base(atDepartment), ...URBAN, plan: '联合执法清理占道', result: '已清理完毕' }));
    expect(who(planned)).toEqual(['case-department-answered.street → zhao:inbox']);
    expect(planned[0].message.body).toContain('处置方案：联合执法清理占道。办理结果：已清理完毕');
  });

  it('the street is learned from the summons when dispatch went unseen', async () => {
    const { plan } = planningFixture();
    // no dispatch, no registration seen: the departments-summoned event names the street holding the case
    await plan.execute(event(caseDepartmentsSummonedV1, CASE, {
      ...base(atDepartment), summonses: [{ ...URBAN, sla: null }],
    }));
    const planned = await plan.execute(event(caseDepartmentAnsweredV1, CASE, { ...base(atDepartment), ...URBAN, plan: '方案', result: '结果' }));
    expect(who(planned)).toEqual(['case-department-answered.street → zhao:inbox']);
  });

  it('case.suspended and case.resumed: the staff of the unit holding the case', async () => {
    const { plan } = await knownCase();
    const suspended = await plan.execute(event(caseSuspendedV1, CASE, {
      ...base({ ...atCommunity, stage: 'suspended', sla: sla('community-handling', null) }), reason: '等待产权单位鉴定', resumeBy: '2026-03-25T02:00:00Z',
    }));
    expect(who(suspended)).toEqual(['case-suspended.unit → liu:inbox', 'case-suspended.unit → ma:inbox', 'case-suspended.unit → ma:email']);
    expect(suspended[0].message.body).toContain('挂起理由：等待产权单位鉴定。最迟于 2026年3月25日 10:00 自动恢复办理。');
    expect(suspended[1].message.title).toBe(`Case suspended: ${CASE}`);

    const resumed = await plan.execute(event(caseResumedV1, CASE, { ...base(atStreet), automatic: true, suspendedMs: 86_400_000 }));
    expect(who(resumed)).toEqual(['case-resumed.unit → zhao:inbox']);
    expect(resumed[0].message.body).toContain('恢复办理（挂起时限届满自动恢复），时限继续计时，办理时限 2026年3月16日 17:00');
  });

  it('case.extension-requested: the city\'s supervisors approve it; case.extension-decided: back to the unit that asked', async () => {
    const { plan } = await knownCase();
    const requested = await plan.execute(event(caseExtensionRequestedV1, CASE, {
      ...base(atCommunity), extra: { basis: 'working', amount: 2, unit: 'days' }, reason: '需协调物业公司',
    }));
    expect(who(requested)).toEqual(['case-extension-requested.supervisors → zhou:inbox']);
    expect(requested[0].message.body).toBe(
      `阳光社区于 2026年3月11日 10:00 申请将案件 ${CASE}（${requested[0].message.fields.category}）的时限延长2个工作日，理由：需协调物业公司。当前时限 2026年3月13日 17:00。请审批。`,
    );

    const approved = await plan.execute(event(caseExtensionDecidedV1, CASE, {
      ...base({ ...atCommunity, sla: sla('community-handling', '2026-03-17T09:00:00Z') }), approved: true, extra: { basis: 'working', amount: 2, unit: 'days' },
    }));
    expect(who(approved)).toEqual(['case-extension-decided.approved → liu:inbox', 'case-extension-decided.approved → ma:inbox', 'case-extension-decided.approved → ma:email']);
    expect(approved[0].message.body).toContain('延期2个工作日的申请已于 2026年3月11日 10:00 批准，新的时限为 2026年3月17日 17:00');
    expect(approved[1].message.title).toBe(`Extension approved: ${CASE}`);
    expect(approved[1].message.body).toContain('The extension of 2 working days');

    const refused = await plan.execute(event(caseExtensionDecidedV1, CASE, {
      ...base(atStreet), approved: false, extra: { basis: 'natural', amount: 24, unit: 'hours' }, note: '理由不充分',
    }));
    expect(who(refused)).toEqual(['case-extension-decided.refused → zhao:inbox']);
    expect(refused[0].message.body).toContain('延期24小时的申请于 2026年3月11日 10:00 未获批准，请按原时限（2026年3月16日 17:00）办结。审批意见：理由不充分');
  });

  it('case.callback-due: the hotline\'s operators, with the merged duplicates whose callers are owed a callback', async () => {
    const { plan } = await knownCase();
    const planned = await plan.execute(event(caseCallbackDueV1, CASE, {
      ...base({ ...atCommunity, stage: 'resolved', sla: sla('callback', '2026-03-12T02:00:00Z') }), callbackDueAt: '2026-03-12T02:00:00Z',
      duplicateCaseNumbers: ['20260310-000043', '20260310-000044'],
    }));
    expect(who(planned)).toEqual(['case-callback-due.operators → wang:inbox']);
    expect(planned[0].message.body).toContain('请在 2026年3月12日 10:00 前回访来电人，并回访合并件 20260310-000043、20260310-000044 的来电人。');
  });

  it('case.reopened (重办): the unit that resolved it; case.review-required: the supervisors', async () => {
    const { plan } = await knownCase();
    const reopened = await plan.execute(event(caseReopenedV1, CASE, { ...base(atCommunity), reason: '路灯仍不亮', reopenCount: 1 }));
    expect(who(reopened)).toEqual(['case-reopened.unit → liu:inbox', 'case-reopened.unit → ma:inbox', 'case-reopened.unit → ma:email']);
    expect(reopened[0].message.body).toContain('已于 2026年3月11日 10:00 退回阳光社区第1次重办，办理时限 2026年3月13日 17:00。不满意原因：路灯仍不亮');

    const review = await plan.execute(event(caseReviewRequiredV1, CASE, { ...base({ ...atCommunity, stage: 'under-review' }), reopenCount: 2 }));
    expect(who(review)).toEqual(['case-review-required.supervisors → zhou:inbox']);
    expect(review[0].message.body).toContain('已重办2次，市民仍不满意');
  });

  it('case.merged: the duplicate\'s callers hear which case they joined and will hear its outcome; the master\'s unit hears of the duplicate', async () => {
    const { plan, cases } = await knownCase();
    const DUPLICATE = '20260310-000050';
    await cases.addReporter(DUPLICATE, 'caller-hash-2');
    const merged = await plan.execute(event(caseMergedV1, DUPLICATE, {
      ...base({ stage: 'merged', level: 'community', unitId: COMMUNITY, sla: null }), caseNumber: DUPLICATE, masterCaseNumber: CASE,
    }));
    expect(who(merged)).toEqual(['duplicate-merged.citizen → caller-hash-2:sms']);
    expect(merged[0].message.sms).toBe(`Your report joined case ${CASE} (same problem already reported). You will hear the outcome.`);
    expect((await cases.get(CASE))?.reporterRefs).toEqual(['caller-hash-1', 'caller-hash-2']);

    const attached = await plan.execute(event(caseDuplicateAttachedV1, CASE, { ...base(atStreet), duplicateCaseNumber: DUPLICATE }));
    expect(who(attached)).toEqual(['case-duplicate-attached.unit → zhao:inbox']);
    // a unit nobody named is 相关单位, never its id
    expect(attached[0].message.body).toContain(`案件 ${DUPLICATE} 与相关单位承办的案件 ${CASE}`);
  });

  it('case.closed: the callers by SMS and WeChat when the closure is news to them, and always the unit that held it', async () => {
    const { plan } = await knownCase();
    const closed = (reason: EventData<typeof caseClosedV1>['reason'], n: number) =>
      event(caseClosedV1, CASE, { ...base({ stage: 'closed', level: 'community', unitId: COMMUNITY, sla: null }), reason }, `${CASE}:${n}:case.closed`);

    const unreachable = await plan.execute(closed('callback-unreachable', 1));
    expect(who(unreachable)).toEqual([
      'case-closed.citizen → caller-hash-1:sms', 'case-closed.citizen → caller-hash-1:wechat',
      'case-closed.handling-unit → liu:inbox', 'case-closed.handling-unit → ma:inbox', 'case-closed.handling-unit → ma:email',
    ]);
    expect(unreachable[0].message.sms).toBe(`您反映的问题（编号${CASE}）已归档（多次回访未能联系上）。如仍未解决，请拨12345。`);
    expect(unreachable.every((d) => !d.urgent)).toBe(true);

    const satisfied = await plan.execute(closed('callback-completed', 2));
    expect(who(satisfied)).toEqual(['case-closed.handling-unit → liu:inbox', 'case-closed.handling-unit → ma:inbox', 'case-closed.handling-unit → ma:email']);
    expect(satisfied[1].message.body).toBe(`Case ${CASE} (${satisfied[1].message.fields.category}) was closed at 11 Mar 2026, 10:00 (Beijing time): the callback was made.`);

    const byDecision = await plan.execute(closed('supervisor-decision', 3));
    expect(who(byDecision).filter((line) => line.includes('citizen'))).toEqual(['case-closed.citizen → caller-hash-1:sms', 'case-closed.citizen → caller-hash-1:wechat']);

    // answered on the spot: nobody held it, and the caller has the answer already
    const direct = await plan.execute(event(caseClosedV1, CASE, {
      ...base({ stage: 'closed', level: null, unitId: null, sla: null }), reason: 'direct-answer', answer: '请拨打供电服务热线',
    }, `${CASE}:4:case.closed`));
    expect(direct).toEqual([]);
  });

  it('holds a closure SMS at night, the staff\'s inbox goes at once', async () => {
    const env = planningFixture({ at: '2026-03-10T23:30:00+08:00' });
    await env.cases.addReporter(CASE, 'caller-hash-1');
    const planned = await env.plan.execute(event(caseClosedV1, CASE, {
      ...base({ stage: 'closed', level: 'community', unitId: COMMUNITY, sla: null }), reason: 'callback-unreachable',
    }));
    expect(planned.map((d) => `${d.channel}:${d.status}`)).toEqual(['sms:held-for-quiet-hours', 'wechat:held-for-quiet-hours', 'inbox:pending', 'inbox:pending']);
  });

  it('case.callback-recorded is silent: no rule, nothing planned', async () => {
    const { plan } = await knownCase();
    expect(await plan.execute(event(caseCallbackRecordedV1, CASE, {
      ...base({ ...atCommunity, stage: 'called-back' }), reached: true, satisfaction: 'satisfied', attempt: 1,
    }))).toEqual([]);
  });

  it('tells nobody rather than guessing when the unit or the street is unknown', async () => {
    const { plan } = planningFixture();
    // at the department level with no street learned and no unit: nobody to address
    expect(await plan.execute(event(caseDepartmentReportedInV1, CASE, {
      ...base({ stage: 'in-handling', level: 'department', unitId: null, sla: null }), ...URBAN, departmentSla: null,
    }))).toEqual([]);
    expect(await plan.execute(event(caseSuspendedV1, CASE, {
      ...base({ stage: 'suspended', level: null, unitId: null, sla: null }), reason: 'x', resumeBy: null,
    }))).toEqual([]);
  });
});
