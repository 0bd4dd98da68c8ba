import { resolveSlaWindows } from '../sla/sla-policy';
import { ACTORS, classified, cmd, dispatched, fresh, inHandling, refusalOf, registered, run } from './case-fixtures';
import { decide } from './decide';
import { rejections } from './rejection';

describe('refusals common to every command', () => {
  it('refuses anything before registration, and a second registration', () => {
    expect(refusalOf(fresh(), cmd.accept())).toMatchObject({ code: 'NOT_REGISTERED', zh: '案件尚未受理，不能签收。', en: 'Cannot accept: the case has not been registered.' });
    expect(refusalOf(registered(), cmd.register())?.code).toBe('ALREADY_REGISTERED');
  });

  it('refuses a command dated before the last event', () => {
    const state = dispatched();
    expect(refusalOf(state, cmd.accept({ at: state.lastEventAt! - 1 }))?.code).toBe('TIME_BEFORE_LAST_EVENT');
    expect(refusalOf(state, cmd.accept({ at: Number.NaN }))?.code).toBe('INVALID_TIME');
    expect(refusalOf(fresh(), cmd.register({ at: Number.POSITIVE_INFINITY }))?.code).toBe('INVALID_TIME');
    expect(refusalOf(state, cmd.accept({ at: state.lastEventAt! }))).toBeUndefined();
  });

  it('refuses everything on a closed or merged case', () => {
    const closed = run(fresh(), cmd.register({ requestType: 'inquiry' }), cmd.answerDirectly());
    expect(refusalOf(closed, cmd.notice())).toMatchObject({ code: 'CASE_CLOSED', zh: '案件已归档，不能督办。' });
    const merged = run(dispatched(), cmd.merge());
    expect(refusalOf(merged, cmd.accept())).toMatchObject({ code: 'CASE_MERGED', en: expect.stringContaining('C-MASTER') });
  });
});

describe('refusals at intake', () => {
  it('accepts twice → ALREADY_ACCEPTED', () => {
    expect(refusalOf(inHandling(), cmd.accept())).toMatchObject({ code: 'ALREADY_ACCEPTED', zh: '案件已签收，不能重复签收。' });
  });

  it('only the assigned unit’s handlers accept', () => {
    expect(refusalOf(dispatched(), cmd.accept({ actor: ACTORS.otherCommunity }))?.code).toBe('NOT_ASSIGNEE');
    expect(refusalOf(dispatched(), cmd.accept({ actor: { ...ACTORS.operator, unitId: 'binhe' } }))).toMatchObject({ code: 'ROLE_NOT_ALLOWED', zh: '话务员无权签收。' });
    expect(refusalOf(dispatched(), cmd.accept({ actor: ACTORS.street }))?.code).toBe('NOT_ASSIGNEE');
  });

  it('lets the staff of the case’s own grid act for its community, not those of another grid', () => {
    const gridWorker = { userId: 'gw-1', role: 'grid-worker', unitId: 'binhe-g03' } as const;
    expect(refusalOf(dispatched(), cmd.accept({ actor: gridWorker }))).toBeUndefined();
    expect(refusalOf(dispatched(), cmd.accept({ actor: { ...gridWorker, unitId: 'binhe-g04' } }))?.code).toBe('NOT_ASSIGNEE');
    // a street mediator handles only the disputes that reach the street
    const atStreet = run(inHandling(), cmd.escalate());
    expect(refusalOf(atStreet, cmd.resolve({ actor: { ...ACTORS.mediator, unitId: 'xinhua' } }))).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
  });

  it('refuses steps out of order', () => {
    expect(refusalOf(registered(), cmd.dispatch())).toMatchObject({ code: 'INVALID_STATUS', en: 'Cannot dispatch while the case is registered.' });
    expect(refusalOf(classified(), cmd.accept())?.code).toBe('INVALID_STATUS');
    expect(refusalOf(inHandling(), cmd.classify())?.code).toBe('INVALID_STATUS');
    expect(refusalOf(dispatched(), cmd.redispatch())?.code).toBe('INVALID_STATUS');
    expect(refusalOf(dispatched(), cmd.resolve())?.code).toBe('INVALID_STATUS');
  });

  it('refuses a return after acceptance, or without a reason', () => {
    expect(refusalOf(inHandling(), cmd.return())?.code).toBe('RETURN_AFTER_ACCEPTANCE');
    expect(refusalOf(dispatched(), cmd.return({ reason: '  ' }))?.code).toBe('TEXT_REQUIRED');
    expect(refusalOf(dispatched(), cmd.return({ actor: ACTORS.otherCommunity }))?.code).toBe('NOT_ASSIGNEE');
  });

  it('refuses a direct answer to anything but an inquiry', () => {
    expect(refusalOf(registered(), cmd.answerDirectly())?.code).toBe('DIRECT_ANSWER_ONLY_FOR_INQUIRIES');
    expect(refusalOf(run(fresh(), cmd.register({ requestType: 'inquiry' })), cmd.answerDirectly({ actor: ACTORS.dispatcher }))?.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('refuses SLA windows resolved for another priority, and routes without a street', () => {
    expect(refusalOf(registered(), cmd.classify({ priority: 'urgent', slaWindows: resolveSlaWindows('standard', 'normal') }))?.code).toBe('SLA_WINDOWS_MISMATCH');
    expect(refusalOf(classified(), cmd.dispatch({ route: { streetId: '' } }))?.code).toBe('ROUTE_WITHOUT_STREET');
  });

  it('refuses registration by a department and merges into itself', () => {
    expect(refusalOf(fresh(), cmd.register({ actor: ACTORS.urbanManagement }))?.code).toBe('ROLE_NOT_ALLOWED');
    expect(refusalOf(dispatched(), cmd.merge({ masterCaseId: 'C-1' }))?.code).toBe('CANNOT_MERGE_INTO_ITSELF');
    expect(refusalOf(run(inHandling(), cmd.attachDuplicate()), cmd.attachDuplicate())?.code).toBe('DUPLICATE_ALREADY_ATTACHED');
    expect(refusalOf(run(inHandling(), cmd.resolve()), cmd.merge())?.code).toBe('INVALID_STATUS');
  });

  it('refuses supervision notices from anyone but a supervisor or the workflow (automatic 督办 on breach)', () => {
    expect(refusalOf(inHandling(), cmd.notice({ actor: ACTORS.street }))?.code).toBe('ROLE_NOT_ALLOWED');
    expect(refusalOf(inHandling(), cmd.notice({ actor: ACTORS.system }))).toBeUndefined();
  });

  it('does not change the state when it refuses', () => {
    const state = inHandling();
    const snapshot = JSON.stringify(state);
    decide(state, cmd.accept());
    expect(JSON.stringify(state)).toBe(snapshot);
  });
});

describe('the rejection catalogue', () => {
  it('gives every reason a code and both languages', () => {
    const samples = [
      rejections.notRegistered('accept'),
      rejections.invalidStatus('resolve', 'suspended'),
      rejections.roleNotAllowed('close', 'grid-worker'),
      rejections.departmentsOutstanding(['a', 'b']),
      rejections.reopenLimitReached(2),
    ];
    for (const reason of samples) {
      expect(reason.code).toMatch(/^[A-Z_]+$/);
      expect(reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(reason.en).toMatch(/[a-z]/);
    }
  });
});
