import { CaseForOpen311, open311Status, toOpen311Request, withStatus } from './open311-request.view';
import { Open311RequestDoc } from './open311-request.schema';

const request: Open311RequestDoc = {
  _id: 'token-1',
  app: 'demo-app',
  serviceCode: '0501',
  description: '停水两天了',
  requestType: 'help',
  urgency: 'normal',
  location: { lng: 109.84, lat: 40.65 },
  mediaUrl: 'https://example.org/p.jpg',
  requestedAt: new Date('2026-11-28T01:00:00Z'),
  caseNumber: '20261128-000042',
};
const kase = (fields: Partial<CaseForOpen311> = {}): CaseForOpen311 => ({
  _id: '20261128-000042',
  stage: 'dispatched',
  unitId: 'bf-d01-s01-c01',
  updatedAt: new Date('2026-11-28T01:00:02Z'),
  ...fields,
});
const names = (id: string) => ({ 'bf-d01-s01-c01': '锦华社区' })[id];

describe('Open311 status of a case', () => {
  it('is open until the case is closed (or merged into another), and says where it stands by unit name', () => {
    expect(open311Status(request, kase(), names)).toEqual({ status: 'open', status_notes: '已派至锦华社区,待签收 dispatched to 锦华社区' });
    expect(open311Status(request, kase({ stage: 'in-handling' }), names).status_notes).toBe('锦华社区办理中 being handled by 锦华社区');
    expect(open311Status(request, kase({ stage: 'resolved' }), names)).toEqual({ status: 'open', status_notes: expect.stringContaining('callback') });
    expect(open311Status(request, kase({ stage: 'closed' }), names)).toEqual({ status: 'closed', status_notes: '已办结归档 closed' });
    expect(open311Status(request, kase({ stage: 'merged', masterCaseNumber: '20261127-000007' }), names)).toEqual({ status: 'closed', status_notes: expect.stringContaining('20261127-000007') });
    expect(open311Status({ ...request, caseNumber: undefined }, undefined, names)).toEqual({ status: 'open', status_notes: '受理中 being registered' });
  });

  it('never shows an internal unit id: an unknown unit is "the handling unit"', () => {
    expect(open311Status(request, kase({ unitId: 'bf-d09-s01' }), names).status_notes).toBe('已派至承办单位,待签收 dispatched to the handling unit');
  });

  it('says so when the request joined an open case of the same problem', () => {
    expect(open311Status({ merged: true, caseNumber: '20261127-000007' }, kase({ _id: '20261127-000007' }), names).status_notes).toMatch(/^已并入案件 20261127-000007 merged into case 20261127-000007; /);
    expect(open311Status({ merged: true, caseNumber: '20261127-000007' }, kase({ stage: 'closed' }), names).status).toBe('closed');
  });
});

describe('Open311 view of a request', () => {
  it('uses GeoReport names and China time; updated_datetime moves with the case', () => {
    const view = toOpen311Request(request, kase({ stage: 'closed', updatedAt: new Date('2026-11-28T02:00:00Z') }), names);
    expect(view).toEqual({
      service_request_id: '20261128-000042',
      status: 'closed',
      status_notes: '已办结归档 closed',
      service_name: expect.any(String),
      service_code: '0501',
      description: '停水两天了',
      requested_datetime: '2026-11-28T09:00:00+08:00',
      updated_datetime: '2026-11-28T10:00:00+08:00',
      address: null,
      lat: 40.65,
      long: 109.84,
      media_url: 'https://example.org/p.jpg',
    });
  });

  it('shows a request whose case is not registered yet without an id', () => {
    expect(toOpen311Request({ ...request, caseNumber: undefined }, undefined, names)).toMatchObject({ service_request_id: null, status: 'open', service_code: '0501', updated_datetime: '2026-11-28T09:00:00+08:00' });
  });

  it('filters by status on the view', () => {
    const open = toOpen311Request(request, kase(), names);
    const closed = toOpen311Request(request, kase({ stage: 'closed' }), names);
    expect(withStatus([open, closed], ['closed'])).toEqual([closed]);
    expect(withStatus([open, closed], ['open', 'closed'])).toEqual([open, closed]);
    expect(withStatus([open, closed], undefined)).toEqual([open, closed]);
  });
});
