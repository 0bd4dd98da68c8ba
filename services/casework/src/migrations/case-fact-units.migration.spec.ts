import { parseCaseEvent } from '@civicflow/contracts';
import { toTimelineEntry } from '../read-model/case-projection';
import { applyFactEvent, CaseFactDoc } from '../statistics/case-fact';
import { unitsFromTimeline } from './case-fact-units.migration';

const caseNumber = '20261128-000077';
const A = 'bf-d01-s01-c01';
const B = 'bf-d01-s01-c02';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 1, minute)).toISOString();
const sla = (window: string) => ({ window, startedAt: at(0), status: 'on-track', paused: false, deadline: at(59), warningAt: null });
const transition = (stage: string, level: string | null, unitId: string | null, window: string | null) => ({ stage, level, unitId, sla: window ? sla(window) : null });

const events = ([
  ['case.registered', { channel: 'hotline', sourceRef: 's', requestType: 'complaint', urgency: 'normal', categoryCode: '0208', orgPath: ['bf', 'bf-d01', 'bf-d01-s01', A], registeredAt: at(0) }],
  ['case.dispatched', { ...transition('dispatched', 'community', A, 'acceptance'), route: { streetId: 'bf-d01-s01', communityId: A }, assigneeUnitId: A, redispatch: false }],
  ['case.returned', { ...transition('returned', null, null, null), fromUnitId: A, reason: '不属本社区' }],
  ['case.dispatched', { ...transition('dispatched', 'community', B, 'acceptance'), route: { streetId: 'bf-d01-s01', communityId: B }, assigneeUnitId: B, redispatch: true }],
  ['case.accepted', transition('in-handling', 'community', B, 'community-handling')],
  ['case.escalated', { ...transition('in-handling', 'street', 'bf-d01-s01', 'street-handling'), trigger: 'early', from: 'community', to: 'street' }],
  ['case.departments-summoned', { ...transition('in-handling', 'department', 'bf-d01-s01', 'street-handling'), summonses: [{ departmentId: 'dept-water', summonsId: 'x', sla: sla('department-report-in') }] }],
  ['case.department-reported-in', { ...transition('in-handling', 'department', 'bf-d01-s01', 'street-handling'), departmentId: 'dept-water', summonsId: 'x', departmentSla: sla('department-answer') }],
  ['case.resolved', { ...transition('resolved', 'street', 'bf-d01-s01', 'callback'), resolvedAt: at(9), summary: 's', callbackDueAt: at(59) }],
  ['case.callback-recorded', { ...transition('called-back', 'street', 'bf-d01-s01', null), reached: true, satisfaction: 'satisfied', attempt: 1 }],
] as [string, object][]).map(([type, data], i) => ({
  id: `${caseNumber}:${i}:${type}`, type, version: 1, time: at(i), key: caseNumber, source: 'workflows', correlationId: 'c',
  data: { caseNumber, ...(i === 0 ? {} : { sequence: i, occurredAt: at(i) }), ...data },
})).map(parseCaseEvent);

describe('case facts stored before attribution', () => {
  it('get the same units from their timeline as from the events themselves', () => {
    const projected = events.reduce<CaseFactDoc | null>((fact, e) => applyFactEvent(fact, e) ?? fact, null)!;
    const legacy: CaseFactDoc = { ...projected, units: undefined, resolvedBy: undefined };
    const replayed = unitsFromTimeline(legacy, events.map(toTimelineEntry));
    expect(replayed.units).toEqual(projected.units);
    expect(replayed.resolvedBy).toBe('bf-d01-s01');
    expect(replayed.units!.find((u) => u.unitId === A)).toMatchObject({ returnedCount: 1, responded: false });
    expect(replayed.units!.find((u) => u.unitId === B)).toMatchObject({ returnedCount: 0, responded: true, escalated: true });
    expect(replayed.units!.find((u) => u.unitId === 'dept-water')).toMatchObject({ level: 'department', responded: true });
  });
});
