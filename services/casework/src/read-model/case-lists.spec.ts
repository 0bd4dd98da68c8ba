import { idOfOrderedMember, orderedListKey, orderedMember } from '@civicflow/platform';
import { orderedEntriesOf } from './case-lists';

const base = {
  _id: '20261207-000042', deadline: new Date('2026-12-09T08:30:00.000Z'), open: true, breached: false, stage: 'accepted',
  orgPath: ['bf', 'bf-d01', 'bf-d01-s01', 'bf-d01-s01-c01'], streetId: 'bf-d01-s01', communityId: 'bf-d01-s01-c01', currentUnit: 'bf-d01-s01-c01',
};

describe('lists in deadline order', () => {
  it('orders members by deadline, then by case number, and gives the number back', () => {
    const members = [
      orderedMember(new Date('2026-12-10T00:00:00Z'), '20261207-000002'),
      orderedMember(new Date('2026-12-09T00:00:00Z'), '20261207-000003'),
      orderedMember(new Date('2026-12-10T00:00:00Z'), '20261207-000001'),
      orderedMember(new Date('9999-12-31T00:00:00Z'), '20261207-000004'),
    ].sort();
    expect(members.map(idOfOrderedMember)).toEqual(['20261207-000003', '20261207-000001', '20261207-000002', '20261207-000004']);
  });

  it('keeps a member in the document of its deadline day, listed in the directory of days', () => {
    const member = orderedMember(base.deadline, base._id);
    expect(orderedListKey.day('city:open', member)).toBe('city:open@2026-12-09');
    expect(orderedListKey.days('city:open')).toBe('city:open@days');
  });

  it('puts an open case on the city list, a breached one on the breached list too, a resolved one on the callback lists of every unit of its path', () => {
    expect(orderedEntriesOf(base).map((e) => e.key)).toEqual(['city:open']);
    expect(orderedEntriesOf({ ...base, breached: true }).map((e) => e.key)).toEqual(['city:open', 'city:breached']);
    expect(orderedEntriesOf({ ...base, open: false, stage: 'resolved', currentUnit: 'bf-d01-s01' }).map((e) => e.key)).toEqual([
      'awaiting-callback:city', 'awaiting-callback:bf', 'awaiting-callback:bf-d01', 'awaiting-callback:bf-d01-s01', 'awaiting-callback:bf-d01-s01-c01',
    ]);
    expect(orderedEntriesOf({ ...base, open: false, stage: 'closed' })).toEqual([]);
  });
});
