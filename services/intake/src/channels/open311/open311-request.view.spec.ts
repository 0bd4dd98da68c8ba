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
};
const kase = (fields: Partial<CaseForOpen311> = {}): CaseForOpen311 => ({
  _id: '20261128-000042',
  registeredAt: new Date('2026-11-28T01:00:02Z'),
  status: 'routed',
  ...fields,
});

describe('Open311 status of a case', () => {
  it('is open until the case is closed, and while the case is not registered yet', () => {
    expect(open311Status(request, kase())).toEqual({ status: 'open', status_notes: expect.stringContaining('community') });
    expect(open311Status(request, kase({ status: 'manual-queue' }))).toEqual({ status: 'open', status_notes: expect.stringContaining('manual dispatch') });
    expect(open311Status(request, kase({ status: 'closed' })).status).toBe('closed');
    expect(open311Status(request, undefined)).toEqual({ status: 'open', status_notes: expect.stringContaining('being registered') });
  });

  it('says so when the request joined an open case of the same problem', () => {
    expect(open311Status({ merged: true }, kase({ _id: '20261127-000007' })).status_notes).toMatch(/^已并入案件 20261127-000007 merged into case 20261127-000007; /);
    expect(open311Status({ merged: true }, kase({ status: 'closed' })).status).toBe('closed');
  });
});

describe('Open311 view of a request', () => {
  it('uses GeoReport names, China time and the case as the truth once it exists', () => {
    const view = toOpen311Request({ ...request, caseNumber: '20261128-000042' }, kase({ categoryCode: '0502', updatedAt: new Date('2026-11-28T02:00:00Z') }));
    expect(view).toEqual({
      service_request_id: '20261128-000042',
      status: 'open',
      status_notes: expect.any(String),
      service_name: expect.any(String),
      service_code: '0502',
      description: '停水两天了',
      requested_datetime: '2026-11-28T09:00:00+08:00',
      updated_datetime: '2026-11-28T10:00:00+08:00',
      address: null,
      lat: 40.65,
      long: 109.84,
      media_url: 'https://example.org/p.jpg',
    });
    expect(toOpen311Request(request, kase()).updated_datetime).toBe('2026-11-28T09:00:02+08:00');
  });

  it('shows a request whose case is not registered yet without an id', () => {
    expect(toOpen311Request(request)).toMatchObject({ service_request_id: null, status: 'open', service_code: '0501', updated_datetime: '2026-11-28T09:00:00+08:00' });
  });

  it('filters by status on the view', () => {
    const open = toOpen311Request(request, kase());
    const closed = toOpen311Request(request, kase({ status: 'closed' }));
    expect(withStatus([open, closed], ['closed'])).toEqual([closed]);
    expect(withStatus([open, closed], ['open', 'closed'])).toEqual([open, closed]);
    expect(withStatus([open, closed], undefined)).toEqual([open, closed]);
  });
});
