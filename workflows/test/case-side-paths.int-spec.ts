// Side paths on the time-skipping server: return and re-dispatch (退单/重新派单), merge (合并), reopen after an
// unsatisfied callback (重办, twice, then 督查复核), unreachable callbacks, and continue-as-new.
import { recordHistoryIfAsked } from '@civicflow/testing';
import { chinaTime } from '@civicflow/domain';
import {
  acceptUpdate,
  caseStatusQuery,
  caseTimelineQuery,
  closeUpdate,
  escalateUpdate,
  mergeUpdate,
  recordCallbackUpdate,
  redispatchUpdate,
  resolveUpdate,
  returnUpdate,
  suspendUpdate,
  resumeUpdate,
} from '../src/case/case.contract';
import { ACTORS, at, caseInput, type CaseTestKit, createCaseTestKit, HISTORIES, lastOf, minutes, rejectionOf } from './support/case-test-kit';

describe('caseWorkflow: side paths (time-skipping)', () => {
  let kit: CaseTestKit;

  beforeAll(async () => {
    kit = await createCaseTestKit();
  });

  afterAll(async () => {
    await kit?.teardown();
  });

  it('returns a case dispatched to the wrong community (退单) and times acceptance again after re-dispatch', async () => {
    const caseNumber = '20990413-000001';
    await kit.skipTo('2099-04-13', '09:00'); // Monday
    const handle = await kit.start(caseInput(caseNumber));
    await kit.skipTo('2099-04-13', '09:30');
    const returned = await handle.executeUpdate(returnUpdate, { args: [{ actor: ACTORS.community, reason: '地址属海新社区' }] });
    expect(returned.view).toMatchObject({ stage: 'returned', level: null, currentUnit: null, clocks: [] });
    expect(await rejectionOf(handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] }))).toMatchObject({ reason: { code: 'INVALID_STATUS' } });
    // the router placed it wrongly, so only a dispatcher (or a supervisor) re-routes it
    expect(await rejectionOf(handle.executeUpdate(redispatchUpdate, { args: [{ actor: ACTORS.community, route: { streetId: 'xinhua', communityId: 'haixin' } }] }))).toMatchObject({
      reason: { code: 'ROLE_NOT_ALLOWED' },
    });

    await kit.skipTo('2099-04-13', '10:30');
    const redispatched = await handle.executeUpdate(redispatchUpdate, { args: [{ actor: ACTORS.dispatcher, route: { streetId: 'xinhua', communityId: 'haixin' } }] });
    expect(minutes(redispatched.view)).toMatchObject({ stage: 'dispatched', currentUnit: 'haixin', communityId: 'haixin', clocks: [{ window: 'acceptance', deadline: at('2099-04-13', '14:00') }] }); // 10:30–12:00, 13:30–14:00
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.otherCommunity }] });
    await kit.settled(handle);
    expect(kit.types(caseNumber)).toEqual(['case.registered', 'case.dispatched', 'case.returned', 'case.dispatched', 'case.accepted']);
    expect(lastOf(kit, caseNumber, 'case.returned').data).toMatchObject({ fromUnitId: 'binhe', reason: '地址属海新社区', stage: 'returned', level: null, unitId: null, sla: null });
    expect(lastOf(kit, caseNumber, 'case.dispatched').data).toMatchObject({ redispatch: true, assigneeUnitId: 'haixin' });
    expect((await handle.describe()).searchAttributes).toMatchObject({ CommunityId: ['haixin'], CurrentUnit: ['haixin'] });
    await recordHistoryIfAsked(handle, HISTORIES, 'return-and-redispatch');
    await handle.terminate('scenario over');
  });

  it('merges a duplicate into its master (合并): the duplicate ends, the master owes its caller a callback too', async () => {
    const master = '20990420-000001';
    const duplicate = '20990420-000002';
    await kit.skipTo('2099-04-20', '09:00'); // Monday
    const masterHandle = await kit.start(caseInput(master));
    await kit.skipTo('2099-04-20', '09:20');
    const duplicateHandle = await kit.start(caseInput(duplicate, { sourceRef: 'call-dup' }));
    await masterHandle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });

    expect(await rejectionOf(duplicateHandle.executeUpdate(mergeUpdate, { args: [{ actor: ACTORS.dispatcher, masterCaseNumber: duplicate }] }))).toMatchObject({
      reason: { code: 'CANNOT_MERGE_INTO_ITSELF' },
    });
    const merged = await duplicateHandle.executeUpdate(mergeUpdate, { args: [{ actor: ACTORS.dispatcher, masterCaseNumber: master }] });
    expect(merged.view).toMatchObject({ stage: 'merged', masterCaseNumber: master, clocks: [] });
    expect(await kit.result(duplicateHandle)).toMatchObject({ stage: 'merged' });
    expect(kit.types(duplicate)).toEqual(['case.registered', 'case.dispatched', 'case.merged']);

    const masterView = await kit.settled(masterHandle);
    expect(masterView.duplicateCaseNumbers).toEqual([duplicate]);
    expect(lastOf(kit, master, 'case.duplicate-attached')).toMatchObject({ causationId: `${duplicate}:merged`, data: { duplicateCaseNumber: duplicate } });

    await kit.skipTo('2099-04-20', '14:00');
    await masterHandle.executeUpdate(resolveUpdate, { args: [{ actor: ACTORS.community, summary: '已补装井盖' }] });
    await kit.settled(masterHandle);
    expect(lastOf(kit, master, 'case.callback-due').data).toMatchObject({ duplicateCaseNumbers: [duplicate] });
    await recordHistoryIfAsked(duplicateHandle, HISTORIES, 'merge-duplicate');
    await recordHistoryIfAsked(masterHandle, HISTORIES, 'merge-master');
    await masterHandle.terminate('scenario over');
  });

  it('reopens at the level that resolved it after an unsatisfied callback (重办) twice; the third time a supervisor reviews and closes', async () => {
    const caseNumber = '20990427-000001';
    await kit.skipTo('2099-04-27', '09:00'); // Monday
    const handle = await kit.start(caseInput(caseNumber));
    await kit.skipTo('2099-04-27', '09:10');
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    await handle.executeUpdate(escalateUpdate, { args: [{ actor: ACTORS.community }] });

    const round = async (time: string, comment: string) => {
      await kit.skipTo('2099-04-28', time);
      await handle.executeUpdate(resolveUpdate, { args: [{ actor: ACTORS.street, summary: `办结（${time}）` }] });
      return handle.executeUpdate(recordCallbackUpdate, { args: [{ actor: ACTORS.operator, reached: true, satisfaction: 'unsatisfied', comment }] });
    };
    const first = await round('10:00', '井盖仍松动');
    expect(first.events).toEqual(['case.callback-recorded', 'case.reopened']);
    expect(minutes(first.view)).toMatchObject({ stage: 'in-handling', level: 'street', currentUnit: 'xinhua', reopenCount: 1, clocks: [{ window: 'street-handling', deadline: at('2099-05-08', '10:00') }] });
    const second = await round('11:00', '仍有异响');
    expect(second.view).toMatchObject({ stage: 'in-handling', reopenCount: 2 });
    const third = await round('14:00', '不满意');
    expect(third.events).toEqual(['case.callback-recorded', 'case.review-required']);
    expect(third.view).toMatchObject({ stage: 'under-review', reopenCount: 2, clocks: [] });

    expect(await rejectionOf(handle.executeUpdate(closeUpdate, { args: [{ actor: ACTORS.operator }] }))).toMatchObject({ reason: { code: 'CLOSE_NEEDS_SUPERVISOR' } });
    await kit.skipTo('2099-04-29', '10:00');
    await handle.executeUpdate(closeUpdate, { args: [{ actor: ACTORS.supervisor, note: '经复核已尽责办理，准予归档' }] });
    expect(await kit.result(handle)).toMatchObject({ stage: 'closed', closure: { reason: 'supervisor-decision' } });
    const reopened = kit.events(caseNumber).filter((e) => e.type === 'case.reopened');
    expect(reopened.map((e) => [e.actor?.role, (e.data as { reopenCount: number }).reopenCount, (e.data as { reason: string }).reason])).toEqual([
      ['system', 1, '井盖仍松动'],
      ['system', 2, '仍有异响'],
    ]);
    expect(lastOf(kit, caseNumber, 'case.closed')).toMatchObject({ actor: { role: 'supervisor' }, data: { reason: 'supervisor-decision', note: '经复核已尽责办理，准予归档' } });
    await recordHistoryIfAsked(handle, HISTORIES, 'reopen-twice-then-review');
  });

  it('closes a case whose citizen could not be reached three times (回访未接通): each attempt a fact, the domain’s rule settles it', async () => {
    const caseNumber = '20990505-000001';
    await kit.skipTo('2099-05-05', '09:00'); // Tuesday, the last day of 劳动节
    const handle = await kit.start(caseInput(caseNumber));
    expect(minutes((await handle.query(caseStatusQuery)).clocks[0])).toMatchObject({ deadline: at('2099-05-06', '11:00') }); // 2 working hours from Wednesday
    await kit.skipTo('2099-05-06', '09:30');
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    await handle.executeUpdate(resolveUpdate, { args: [{ actor: ACTORS.community, summary: '已处理' }] });
    const callbackId = `${caseNumber}-callback`;
    for (const [n, time] of [[1, '10:00'], [2, '14:00']] as const) {
      await kit.skipTo('2099-05-06', time);
      const attempt = await handle.executeUpdate(recordCallbackUpdate, { args: [{ actor: ACTORS.operator, reached: false, callbackId }], updateId: `${callbackId}:attempt-${n}` });
      expect(attempt).toMatchObject({ events: ['case.callback-recorded'], view: { stage: 'resolved' } });
    }
    await kit.skipTo('2099-05-06', '16:00');
    const third = await handle.executeUpdate(recordCallbackUpdate, { args: [{ actor: ACTORS.operator, reached: false, comment: '关机', callbackId }], updateId: `${callbackId}:attempt-3` });
    expect(third.events).toEqual(['case.callback-recorded', 'case.closed']);
    expect(await kit.result(handle)).toMatchObject({ stage: 'closed', closure: { reason: 'callback-unreachable' } });
    expect(kit.events(caseNumber).filter((e) => e.type === 'case.callback-recorded').map((e) => (e.data as { attempt: number; callbackId: string }))).toEqual(
      [1, 2, 3].map((attempt) => expect.objectContaining({ attempt, callbackId, reached: false })),
    );
    expect(lastOf(kit, caseNumber, 'case.closed')).toMatchObject({ actor: { role: 'system' }, data: { reason: 'callback-unreachable' } });
    await recordHistoryIfAsked(handle, HISTORIES, 'callback-unreachable');
  });

  it('continues as new before the history grows large, carrying the case, its clocks and its sequence numbers', async () => {
    const caseNumber = '20990511-000001';
    await kit.skipTo('2099-05-11', '09:00'); // Monday
    const handle = await kit.start(caseInput(caseNumber, { historyEventLimit: 40 }));
    const firstRun = (await handle.describe()).runId;
    await kit.skipTo('2099-05-11', '09:30');
    await handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.community }] });
    // each command, and each read, once the case is quiet: on this test server an Update racing a continue-as-new is
    // lost, and a query racing one stalls for over a minute
    for (let i = 0; i < 4; i++) {
      await kit.quiet(handle);
      await handle.executeUpdate(suspendUpdate, { args: [{ actor: ACTORS.community, reason: `等待第 ${i + 1} 批材料` }] });
      await kit.quiet(handle);
      await handle.executeUpdate(resumeUpdate, { args: [{ actor: ACTORS.community }] });
    }
    const view = await kit.quiet(handle);
    expect(view.run).toBeGreaterThan(1);
    expect((await handle.describe()).runId).not.toBe(firstRun);
    expect(view).toMatchObject({ stage: 'in-handling', suspension: { count: 4 }, lastSequence: 10, publishedSequence: 10 });
    // three working days from acceptance, plus the time it stood suspended (real seconds here: the scenario waits
    // for a quiet case before each command), to within the drift of a running test
    const deadline = chinaTime('2099-05-14', '09:30') + view.suspension.totalMs;
    expect(view.clocks).toEqual([expect.objectContaining({ window: 'community-handling' })]);
    expect(Math.abs(Date.parse(view.clocks[0].deadline!) - deadline)).toBeLessThan(30_000);
    expect((await handle.query(caseTimelineQuery)).filter((entry) => entry.type !== 'note')).toHaveLength(11);

    await kit.env.sleep(deadline + 5 * 60_000 - (await kit.now())); // the timer survived the carry-over
    await kit.quiet(handle);
    expect(lastOf(kit, caseNumber, 'case.sla-breached').data).toMatchObject({ action: 'escalated', sequence: 12 });
    const ids = kit.events(caseNumber).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    await handle.terminate('scenario over');
  });
});
