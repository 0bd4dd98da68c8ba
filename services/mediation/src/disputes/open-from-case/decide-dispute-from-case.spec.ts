import type { EventEnvelope } from '@civicflow/contracts';
import { OrgUnits } from '../../committees/org-units';
import { decideDisputeFromCase } from './decide-dispute-from-case';
import { disputeTypeOfCategory } from '../dispute-type';

const org = OrgUnits.demo();
const path = ['bf', 'bf-d01', 'bf-d01-s01', 'bf-d01-s01-c01', 'bf-d01-s01-c01-g01'];
const registered = (data: Record<string, unknown>): EventEnvelope => ({
  id: 'e1', type: 'case.registered', version: 1, time: '2026-11-28T09:00:00.000Z', key: '20261128-000042', source: 'workflows', correlationId: 'c',
  data: { caseNumber: '20261128-000042', channel: 'hotline', sourceRef: 's', requestType: 'complaint', urgency: 'normal', registeredAt: '2026-11-28T09:00:00.000Z', ...data },
});

describe('a registered case becomes a dispute', () => {
  it('opens a neighbour dispute in the community the case was routed to, keyed by the case number', () => {
    const decision = decideDisputeFromCase(registered({ categoryCode: '1601', orgPath: path, intakeStatus: 'routed' }), org);
    expect(decision).toMatchObject({
      open: true,
      command: { disputeId: 'tj-20261128-000042', caseNumber: '20261128-000042', disputeType: 'neighbour', communityId: 'bf-d01-s01-c01', streetId: 'bf-d01-s01', districtId: 'bf-d01', orgPath: path.slice(0, 4) },
    });
  });

  it('leaves other categories, unrouted and closed cases alone', () => {
    expect(decideDisputeFromCase(registered({ categoryCode: '0208', orgPath: path }), org)).toEqual({ open: false, why: 'not-a-dispute' });
    expect(decideDisputeFromCase(registered({ orgPath: path }), org)).toEqual({ open: false, why: 'not-a-dispute' });
    expect(decideDisputeFromCase(registered({ categoryCode: '1601', intakeStatus: 'manual-queue' }), org)).toEqual({ open: false, why: 'not-routed' });
    expect(decideDisputeFromCase(registered({ categoryCode: '1601', orgPath: path, intakeStatus: 'closed' }), org)).toEqual({ open: false, why: 'closed-at-intake' });
  });

  it('maps every dispute category to a dispute type', () => {
    expect(disputeTypeOfCategory('1503')).toBe('property-management');
    expect(disputeTypeOfCategory('1101')).toBe('wages');
    expect(disputeTypeOfCategory('1603')).toBe('family');
    expect(disputeTypeOfCategory('0310')).toBe('consumer');
    expect(disputeTypeOfCategory('1804')).toBe('land-compound');
    expect(disputeTypeOfCategory('1302')).toBe('other');
    expect(disputeTypeOfCategory(undefined)).toBe('other');
  });
});
