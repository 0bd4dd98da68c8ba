import { CaseReadDoc, NO_DEADLINE } from '../read-model/case-projection';
import { breachBoard } from './breach-board';
import { centroidOf } from './grid-centroid';

const now = new Date('2026-11-28T10:00:00Z');
function open(id: string, deadline: string | null, status: 'on-track' | 'warning' | 'breached' = 'on-track', fields: Partial<CaseReadDoc> = {}): CaseReadDoc {
  return {
    _id: id, revision: 1, lastSequence: 3, stage: 'in-handling', level: 'community', currentUnit: 'bf-d01-s01-c01', streetId: 'bf-d01-s01', communityId: 'bf-d01-s01-c01',
    orgPath: [], categoryCode: '0208', priority: 'normal', open: true, breached: status === 'breached', awaitingCallback: false,
    sla: { window: 'community-handling', startedAt: '2026-11-25T00:00:00Z', status, paused: false, deadline, warningAt: null },
    deadline: deadline ? new Date(deadline) : NO_DEADLINE, departments: [], pendingDepartments: [], departmentClocks: {}, registeredAt: null, updatedAt: '', ...fields,
  };
}

describe('SLA breach board', () => {
  it('lists open cases whose current window ran out, most overdue first', () => {
    const rows = breachBoard([
      open('a', '2026-11-28T09:30:00Z'),
      open('b', '2026-11-27T10:00:00Z', 'breached'),
      open('c', '2026-11-29T00:00:00Z'), // not yet due
      open('d', '2026-11-28T11:00:00Z', 'on-track', { breached: true }), // breached before, now on a fresh window
      open('e', '2026-11-20T00:00:00Z', 'breached', { open: false }),
      open('f', null, 'breached'),
    ], now);
    expect(rows.map((r) => [r.caseNumber, r.overdueMinutes])).toEqual([['b', 1440], ['a', 30], ['f', null]]);
    expect(rows[0]).toMatchObject({ window: 'community-handling', deadline: '2026-11-27T10:00:00.000Z', currentUnit: 'bf-d01-s01-c01' });
  });
});

describe('grid centroid', () => {
  it('takes the area-weighted centroid of the largest polygon', () => {
    expect(centroidOf({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] })).toEqual({ lng: 1, lat: 1 });
    expect(centroidOf({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[10, 10], [14, 10], [14, 12], [10, 12], [10, 10]]]] }))
      .toEqual({ lng: 12, lat: 11 });
    expect(centroidOf(null)).toBeNull();
  });
});
