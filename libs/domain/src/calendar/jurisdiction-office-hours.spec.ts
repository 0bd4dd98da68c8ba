import { createOrgTree } from '../org/org-tree';
import { officeHoursForUnit } from './jurisdiction-office-hours';
import { DEFAULT_OFFICE_HOURS } from './office-hours';

describe('office hours per jurisdiction', () => {
  const tree = createOrgTree([
    { id: 'city', name: '包头市', kind: 'city', parentId: null },
    { id: 'tumed-right', name: '土默特右旗', kind: 'district', parentId: 'city', localForm: 'banner' },
    { id: 'salaqi', name: '萨拉齐镇', kind: 'street', parentId: 'tumed-right', localForm: 'town' },
    { id: 'village', name: '某村', kind: 'community', parentId: 'salaqi', localForm: 'village' },
    { id: 'kundulun', name: '昆都仑区', kind: 'district', parentId: 'city', localForm: 'district' },
  ]);
  const summer = { segments: [{ start: '08:30', end: '12:00' }, { start: '15:00', end: '18:30' }] };

  it('uses the nearest configured ancestor', () => {
    expect(officeHoursForUnit(tree, 'village', { 'tumed-right': summer })).toBe(summer);
    expect(officeHoursForUnit(tree, 'salaqi', { salaqi: summer, 'tumed-right': DEFAULT_OFFICE_HOURS })).toBe(summer);
  });

  it('falls back when nothing above the unit is configured', () => {
    expect(officeHoursForUnit(tree, 'kundulun', { 'tumed-right': summer })).toBe(DEFAULT_OFFICE_HOURS);
  });
});
