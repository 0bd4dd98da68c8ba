import { createBusinessCalendar } from '../calendar/business-calendar';
import { naturalDays, workingDays, workingHours } from '../calendar/business-duration';
import { chinaTime, toChinaWallClock } from '../calendar/china-time';
import { slaDeadline } from '../sla/sla-clock';
import { resolveSlaWindows } from '../sla/sla-policy';
import { ACTORS, classified, cmd, dispatched, fresh, inHandling, registered, resolved, run, atStreet, refusalOf } from './case-fixtures';
import type { CaseEvent } from './case-events';
import { decide } from './decide';
import { evolve, replayCase } from './evolve';
import { execute } from './execute';

describe('case lifecycle: legal paths', () => {
  it('受理 → 分类定级 → 派单 → 签收 → 办结 → 回访 → 归档', () => {
    let state = run(fresh(), cmd.register());
    expect(state.status).toBe('registered');
    expect(state.intake).toMatchObject({ channel: 'hotline', requestType: 'complaint', registeredBy: ACTORS.operator });

    state = run(state, cmd.classify());
    expect(state.status).toBe('classified');
    expect(state.classification).toMatchObject({ categoryCode: '0509', priority: 'normal', isDispute: false });

    state = run(state, cmd.dispatch());
    expect(state).toMatchObject({ status: 'dispatched', assignee: { unitId: 'binhe', level: 'community' }, level: 'community' });
    expect(state.clock).toMatchObject({ window: 'acceptance', clock: { duration: workingHours(2) } });

    state = run(state, cmd.accept());
    expect(state.status).toBe('in-handling');
    expect(state.acceptedAt).not.toBeNull();
    expect(state.clock).toMatchObject({ window: 'community-handling', clock: { duration: workingDays(3) } });

    state = run(state, cmd.resolve());
    expect(state.status).toBe('resolved');
    expect(state.clock).toMatchObject({ window: 'callback', clock: { duration: workingDays(1) } });

    state = run(state, cmd.callback());
    expect(state.status).toBe('called-back');
    expect(state.clock).toBeNull();

    state = run(state, cmd.close());
    expect(state).toMatchObject({ status: 'closed', closure: { reason: 'callback-completed' }, version: 7 });
  });

  it('一次办结: an inquiry answered at intake closes at once, with or without classification', () => {
    const inquiry = run(fresh(), cmd.register({ requestType: 'inquiry' }));
    const answered = run(inquiry, cmd.answerDirectly());
    expect(answered).toMatchObject({ status: 'closed', closure: { reason: 'direct-answer' }, resolution: { summary: '已告知办理地点和所需材料' } });
    const afterClassification = run(inquiry, cmd.classify({ requestType: 'inquiry', categoryCode: '2201' }), cmd.answerDirectly());
    expect(afterClassification.status).toBe('closed');
  });

  it('退单 and re-dispatch to the right community', () => {
    const returned = run(dispatched(), cmd.return());
    expect(returned).toMatchObject({ status: 'returned', assignee: null, clock: null });
    expect(returned.returns).toEqual([expect.objectContaining({ unitId: 'binhe', reason: '地址属海新社区' })]);
    const redispatched = run(returned, cmd.redispatch());
    expect(redispatched).toMatchObject({ status: 'dispatched', assignee: { unitId: 'haixin' } });
    expect(run(redispatched, cmd.accept({ actor: ACTORS.otherCommunity })).status).toBe('in-handling');
  });

  it('re-classifies after a return for a wrong category, then dispatches again', () => {
    const state = run(dispatched(), cmd.return({ reason: '应属供水类' }), cmd.classify({ categoryCode: '0501' }), cmd.dispatch());
    expect(state).toMatchObject({ status: 'dispatched', classification: { categoryCode: '0501' } });
  });

  it('dispatches straight to the street when no community owns the place', () => {
    const state = run(classified(), cmd.dispatch({ route: { streetId: 'xinhua' } }), cmd.accept({ actor: ACTORS.street }));
    expect(state).toMatchObject({ status: 'in-handling', level: 'street', assignee: { unitId: 'xinhua', level: 'street' } });
    expect(state.clock?.window).toBe('street-handling');
  });

  it('runs a dispute accepted by the community mediator on the 30-day mediation window', () => {
    const state = run(registered(), cmd.classify({ categoryCode: '1601', isDispute: true }), cmd.dispatch(), cmd.accept({ actor: ACTORS.mediator }));
    expect(state.clock).toMatchObject({ window: 'mediation', clock: { duration: naturalDays(30) } });
  });

  it('keeps a dispute on the mediation window at the street, where the street centre\'s mediator may resolve it', () => {
    const streetMediator = { userId: 'med-st', role: 'mediator' as const, unitId: 'xinhua' };
    const dispute = run(registered(), cmd.classify({ categoryCode: '1601', isDispute: true }), cmd.dispatch(), cmd.accept({ actor: ACTORS.mediator }), cmd.escalate());
    expect(dispute).toMatchObject({ level: 'street', clock: { window: 'mediation', clock: { duration: naturalDays(30) } } });
    expect(run(dispute, cmd.resolve({ actor: streetMediator }))).toMatchObject({ status: 'resolved' });
    // not a dispute: the street's own window, and its mediators cannot act on it
    expect(atStreet().clock?.window).toBe('street-handling');
    expect(refusalOf(atStreet(), cmd.resolve({ actor: streetMediator }))).toBeDefined();
  });

  it('stores the SLA windows given at classification, so later policy changes cannot move them', () => {
    const urgent = resolveSlaWindows('standard', 'urgent');
    const state = run(registered(), cmd.classify({ priority: 'urgent', slaWindows: urgent }), cmd.dispatch());
    expect(state.classification?.slaWindows).toEqual(urgent);
    expect(state.clock?.clock.duration).toEqual({ basis: 'natural', amount: 30, unit: 'minutes' });
  });

  it('gives the acceptance deadline across National Day with the business calendar', () => {
    const at = chinaTime('2025-09-30', '16:30'); // 1 h on 09-30, the rest after the holiday
    const state = run(fresh(), cmd.register({ at: at - 120_000 }), cmd.classify({ at: at - 60_000 }), cmd.dispatch({ at }));
    const deadline = slaDeadline(createBusinessCalendar(), state.clock!.clock)!;
    expect(toChinaWallClock(deadline)).toEqual({ date: '2025-10-09', time: '10:00:00.000' });
  });

  it('records supervision notices (督办) at any open stage', () => {
    for (const start of [registered(), dispatched(), inHandling(), resolved()]) {
      const state = run(start, cmd.notice());
      expect(state.supervisionNotices).toHaveLength(1);
      expect(state.status).toBe(start.status);
    }
  });

  it('merges a duplicate into its master (合并) and records it on the master', () => {
    const duplicate = run(dispatched(), cmd.merge());
    expect(duplicate).toMatchObject({ status: 'merged', masterCaseId: 'C-MASTER', clock: null });
    const master = run(inHandling(), cmd.attachDuplicate(), cmd.attachDuplicate({ duplicateCaseId: 'C-DUP-2' }));
    expect(master.duplicateCaseIds).toEqual(['C-DUP', 'C-DUP-2']);
  });
});

describe('case lifecycle: events', () => {
  it('rebuilds the same state by replaying the events', () => {
    const commands = [cmd.register(), cmd.classify(), cmd.dispatch(), cmd.accept(), cmd.escalate(), cmd.summon(), cmd.reportIn()];
    let state = fresh();
    const log: CaseEvent[] = [];
    for (const command of commands) {
      const result = execute(state, command);
      if (!result.ok) throw new Error(result.reason.en);
      log.push(...result.events);
      state = result.state;
    }
    expect(replayCase(fresh(), log)).toEqual(state);
  });

  it('keeps the state plain JSON (it travels in workflow histories)', () => {
    const state = run(inHandling(), cmd.suspend());
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('events carry the case id, the actor, the time and the window that starts', () => {
    const state = classified();
    const command = cmd.dispatch();
    const decision = decide(state, command);
    expect(decision).toEqual({
      ok: true,
      events: [
        {
          type: 'CaseDispatched',
          caseId: 'C-1',
          at: command.at,
          actor: ACTORS.system,
          route: command.route,
          assignee: { unitId: 'binhe', level: 'community' },
          redispatch: false,
          clock: { window: 'acceptance', duration: workingHours(2) },
        },
      ],
    });
    if (!decision.ok) throw new Error('dispatch was refused');
    expect(evolve(state, decision.events[0]).version).toBe(state.version + 1);
  });
});
