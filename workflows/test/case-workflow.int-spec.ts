// How a case starts, on the time-skipping server: a direct answer (一次办结) closes at once, the manual queue
// waits for a dispatcher, and commands the case's state does not allow are rejected with the domain's reason.
import { recordHistoryIfAsked } from '@civicflow/testing';
import {
  acceptUpdate,
  CASE_COMMAND_REJECTED,
  caseStatusQuery,
  dispatchUpdate,
  INVALID_CASE_COMMAND,
  resolveUpdate,
  returnUpdate,
  summonDepartmentsUpdate,
} from '../src/case/case.contract';
import { ACTORS, at, caseInput, type CaseTestKit, createCaseTestKit, HISTORIES, lastOf, minutes, rejectionOf } from './support/case-test-kit';

describe('caseWorkflow: intake paths and refusals (time-skipping)', () => {
  let kit: CaseTestKit;

  beforeAll(async () => {
    kit = await createCaseTestKit();
  });

  afterAll(async () => {
    await kit?.teardown();
  });

  it('closes a case answered at intake (一次办结) at once, after case.registered with its id from the case number', async () => {
    const caseNumber = '20990105-000001';
    await kit.skipTo('2099-01-05', '09:00');
    const handle = await kit.env.client.workflow.start('caseWorkflow', {
      workflowId: caseNumber,
      taskQueue: kit.taskQueue,
      args: [caseInput(caseNumber, { requestType: 'inquiry', intakeStatus: 'closed', routing: undefined, directAnswer: '办理居住证请携带身份证到社区服务中心' })],
    });
    const view = await kit.result(handle);
    expect(view).toMatchObject({ stage: 'closed', level: null, closure: { reason: 'direct-answer' }, clocks: [] });
    expect(kit.types(caseNumber)).toEqual(['case.registered', 'case.closed']);
    const [registered, closed] = kit.events(caseNumber);
    expect(registered).toMatchObject({ id: `${caseNumber}:registered`, key: caseNumber, correlationId: `call-${caseNumber}`, data: { sourceRef: `call-${caseNumber}`, channel: 'hotline', intakeStatus: 'closed' } });
    expect(closed).toMatchObject({ id: `${caseNumber}:1:case.closed`, data: { reason: 'direct-answer', answer: '办理居住证请携带身份证到社区服务中心', sequence: 1, stage: 'closed' } });
    await recordHistoryIfAsked(handle, HISTORIES, 'direct-answer');
  });

  it('waits in the manual queue (人工派单) for a dispatcher, then times acceptance from the dispatch', async () => {
    const caseNumber = '20990112-000001';
    await kit.skipTo('2099-01-12', '09:00');
    const handle = await kit.start(caseInput(caseNumber, { intakeStatus: 'manual-queue', routing: undefined }));
    expect(await handle.query(caseStatusQuery)).toMatchObject({ stage: 'awaiting-dispatch', clocks: [], currentUnit: null });
    expect(kit.types(caseNumber)).toEqual(['case.registered']);

    // nobody but a dispatcher (or an operator) dispatches, and a route needs a street
    expect(await rejectionOf(handle.executeUpdate(dispatchUpdate, { args: [{ actor: ACTORS.community, route: { streetId: 'xinhua', communityId: 'binhe' } }] }))).toMatchObject({
      type: CASE_COMMAND_REJECTED,
      reason: { code: 'ROLE_NOT_ALLOWED' },
    });
    expect(await rejectionOf(handle.executeUpdate(dispatchUpdate, { args: [{ actor: ACTORS.dispatcher, route: { streetId: '' } }] }))).toMatchObject({ reason: { code: 'ROUTE_WITHOUT_STREET' } });

    await kit.skipTo('2099-01-12', '14:00');
    const dispatched = await handle.executeUpdate(dispatchUpdate, { args: [{ actor: ACTORS.dispatcher, route: { streetId: 'xinhua', communityId: 'binhe', gridId: 'binhe-g03' } }] });
    expect(dispatched.events).toEqual(['case.dispatched']);
    expect(minutes(dispatched.view.clocks)).toMatchObject([{ window: 'acceptance', deadline: at('2099-01-12', '16:00') }]);
    await kit.settled(handle);
    expect(lastOf(kit, caseNumber, 'case.dispatched')).toMatchObject({ actor: { userId: 'dsp-1', role: 'dispatcher', unitId: 'hotline-centre' }, data: { redispatch: false, assigneeUnitId: 'binhe' } });
    await recordHistoryIfAsked(handle, HISTORIES, 'manual-queue-dispatch');
    await handle.terminate('scenario over');
  });

  it('rejects commands the state does not allow with the domain reason, and malformed ones as invalid; neither enters the history', async () => {
    const caseNumber = '20990119-000001';
    await kit.skipTo('2099-01-19', '09:00');
    const handle = await kit.start(caseInput(caseNumber));
    const acceptedUpdates = async () => (await handle.fetchHistory()).events?.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
    const acceptedBefore = await acceptedUpdates();

    const wrongCommunity = await rejectionOf(handle.executeUpdate(acceptUpdate, { args: [{ actor: ACTORS.otherCommunity }] }));
    expect(wrongCommunity).toEqual({
      type: CASE_COMMAND_REJECTED,
      reason: { code: 'NOT_ASSIGNEE', zh: '只有承办单位的人员可以签收。', en: 'Only staff of the unit handling the case may accept.' },
    });
    expect(await rejectionOf(handle.executeUpdate(resolveUpdate, { args: [{ actor: ACTORS.community, summary: '已处理' }] }))).toMatchObject({ reason: { code: 'INVALID_STATUS' } });
    expect(await rejectionOf(handle.executeUpdate(summonDepartmentsUpdate, { args: [{ actor: ACTORS.street, departmentIds: ['urban-management'] }] }))).toMatchObject({
      reason: { code: 'INVALID_STATUS' },
    });
    expect(await rejectionOf(handle.executeUpdate(returnUpdate, { args: [{ actor: ACTORS.community, reason: '  ' }] }))).toMatchObject({ reason: { code: 'TEXT_REQUIRED' } });
    expect(await rejectionOf(handle.executeUpdate(acceptUpdate, { args: [{ actor: { ...ACTORS.community, role: 'admin' } }] }))).toMatchObject({ reason: { code: 'ROLE_NOT_ALLOWED' } });
    expect(await rejectionOf(handle.executeUpdate(acceptUpdate, { args: [{} as never] }))).toMatchObject({ type: INVALID_CASE_COMMAND });

    // (the real server drops a rejected Update's workflow task entirely; the test server keeps the empty task)
    expect(await acceptedUpdates()).toBe(acceptedBefore);
    expect(kit.types(caseNumber)).toEqual(['case.registered', 'case.dispatched']);
    await handle.terminate('scenario over');
  });
});
