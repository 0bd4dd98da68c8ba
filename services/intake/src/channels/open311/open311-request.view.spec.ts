import { CaseForOpen311, isSensitive, open311Status, toOpen311Request, withStatus } from './open311-request.view';
import { Open311RequestDoc } from './open311-request.schema';

const request: Open311RequestDoc = {
  _id: 'token-1',
  app: 'demo-app',
  serviceCode: '0501',
  description: '停水两天了',
  requestType: 'help',
  urgency: 'normal',
  address: '阳光社区 3 号楼',
  location: { lng: 109.84321, lat: 40.65432 },
  mediaUrl: 'https://example.org/p.jpg',
  requestedAt: new Date('2026-11-28T01:00:00Z'),
  caseNumber: '20261128-000042',
  serviceRequestId: '20261128-000042',
};
const kase = (fields: Partial<CaseForOpen311> = {}): CaseForOpen311 => ({
  _id: '20261128-000042',
  stage: 'dispatched',
  unitId: 'bf-d01-s01-c01',
  updatedAt: new Date('2026-11-28T01:00:02Z'),
  deadline: new Date('2026-11-28T03:00:00Z'),
  ...fields,
});
const names = (id: string) => ({ 'bf-d01-s01-c01': '锦华社区', 'dept-water': '北丰市水务局' })[id];
const owner = { app: 'demo-app' };
const anyone = {};

describe('Open311 status of a case', () => {
  it('is open until the case is closed, and says where it stands by unit name', () => {
    expect(open311Status(request, { own: kase() }, names)).toEqual({ status: 'open', status_notes: '已派至锦华社区,待签收 dispatched to 锦华社区' });
    expect(open311Status(request, { own: kase({ stage: 'in-handling' }) }, names).status_notes).toBe('锦华社区办理中 being handled by 锦华社区');
    expect(open311Status(request, { own: kase({ stage: 'resolved' }) }, names)).toEqual({ status: 'open', status_notes: expect.stringContaining('callback') });
    expect(open311Status(request, { own: kase({ stage: 'closed' }) }, names)).toEqual({ status: 'closed', status_notes: '已办结归档 closed' });
    expect(open311Status({ ...request, caseNumber: undefined }, {}, names)).toEqual({ status: 'open', status_notes: '受理中 being registered' });
  });

  it('never shows an internal unit id: an unknown unit is "the handling unit"', () => {
    expect(open311Status(request, { own: kase({ unitId: 'bf-d09-s01' }) }, names).status_notes).toBe('已派至承办单位,待签收 dispatched to the handling unit');
  });

  it('a request joined to an open case says so, and follows that case', () => {
    const joined = { merged: true, caseNumber: '20261127-000007' };
    expect(open311Status(joined, { own: kase({ _id: '20261127-000007' }) }, names).status_notes).toMatch(/^已并入案件 20261127-000007 merged into case 20261127-000007; 已派至锦华社区/);
    expect(open311Status(joined, { own: kase({ stage: 'closed' }) }, names).status).toBe('closed');
  });

  it('a request whose case was merged into another follows the master’s status, not "closed"', () => {
    const merged = kase({ stage: 'merged', masterCaseNumber: '20261127-000007' });
    expect(open311Status(request, { own: merged, master: kase({ _id: '20261127-000007', stage: 'in-handling' }) }, names)).toEqual({
      status: 'open', status_notes: '已并入案件 20261127-000007 merged into case 20261127-000007; 锦华社区办理中 being handled by 锦华社区',
    });
    expect(open311Status(request, { own: merged, master: kase({ _id: '20261127-000007', stage: 'closed' }) }, names).status).toBe('closed');
  });
});

describe('Open311 view of a request', () => {
  it('shows the app that posted it everything, in GeoReport names and China time, with the agency and the deadline', () => {
    const view = toOpen311Request(request, { own: kase({ stage: 'in-handling', updatedAt: new Date('2026-11-28T02:00:00Z') }) }, names, owner);
    expect(view).toEqual({
      service_request_id: '20261128-000042',
      status: 'open',
      status_notes: '锦华社区办理中 being handled by 锦华社区',
      service_name: expect.any(String),
      service_code: '0501',
      description: '停水两天了',
      agency_responsible: '北丰市水务局',
      requested_datetime: '2026-11-28T09:00:00+08:00',
      updated_datetime: '2026-11-28T10:00:00+08:00',
      expected_datetime: '2026-11-28T11:00:00+08:00',
      address: '阳光社区 3 号楼',
      lat: 40.65432,
      long: 109.84321,
      media_url: 'https://example.org/p.jpg',
    });
  });

  it('shows anyone else no words and no photo; the place only where the category is not sensitive', () => {
    expect(toOpen311Request(request, { own: kase() }, names, anyone)).toMatchObject({ description: null, media_url: null, address: '阳光社区 3 号楼', lat: 40.65432 });
    expect(toOpen311Request(request, { own: kase() }, names, { app: 'other-app' })).toMatchObject({ description: null, media_url: null });
    // 1601 邻里纠纷 (a dispute) and any tip-off (举报): no address, the neighbourhood only
    const dispute = { ...request, serviceCode: '1601' };
    expect(toOpen311Request(dispute, { own: kase() }, names, anyone)).toMatchObject({ address: null, lat: 40.65, long: 109.84 });
    expect(toOpen311Request(dispute, { own: kase() }, names, owner)).toMatchObject({ address: '阳光社区 3 号楼', lat: 40.65432 });
    expect(isSensitive('0501', 'tip-off')).toBe(true);
    expect(isSensitive('0208', 'complaint')).toBe(false);
  });

  it('says when expected_datetime is provisional (暂定: a year without an official holiday arrangement), and only then', () => {
    expect(toOpen311Request(request, { own: kase({ deadlineProvisional: true }) }, names, anyone)).toMatchObject({ expected_datetime: '2026-11-28T11:00:00+08:00', expected_datetime_provisional: true });
    expect(toOpen311Request(request, { own: kase() }, names, anyone)).not.toHaveProperty('expected_datetime_provisional');
    expect(toOpen311Request(request, { own: kase({ stage: 'resolved', deadlineProvisional: true }) }, names, anyone)).not.toHaveProperty('expected_datetime_provisional');
  });

  it('has no deadline once the case is resolved, and names the master of a merged request', () => {
    expect(toOpen311Request(request, { own: kase({ stage: 'resolved' }) }, names, owner).expected_datetime).toBeNull();
    expect(toOpen311Request({ ...request, merged: true, serviceRequestId: '20261128-000042-1' }, { own: kase() }, names, anyone)).toMatchObject({
      service_request_id: '20261128-000042-1', master_service_request_id: '20261128-000042',
    });
  });

  it('shows a request whose case is not registered yet without an id', () => {
    expect(toOpen311Request({ ...request, caseNumber: undefined, serviceRequestId: undefined }, {}, names, owner)).toMatchObject({ service_request_id: null, status: 'open', updated_datetime: '2026-11-28T09:00:00+08:00' });
  });

  it('filters by status on the view', () => {
    const open = toOpen311Request(request, { own: kase() }, names, owner);
    const closed = toOpen311Request(request, { own: kase({ stage: 'closed' }) }, names, owner);
    expect(withStatus([open, closed], ['closed'])).toEqual([closed]);
    expect(withStatus([open, closed], undefined)).toEqual([open, closed]);
  });
});
