import { BadRequestException } from '@nestjs/common';
import { Model } from 'mongoose';
import { RegisteredReport, RegisterReportUseCase, ReportIntake } from '../../../reports/register-report/register-report.usecase';
import { Open311RequestDoc } from '../open311-request.schema';
import { CaseNumbers } from '../../../cases/case-number/case-numbers';
import { FetchMedia } from '../media/fetch-media';
import { RequestUpdates } from '../updates/request-updates';
import { ServiceRequestRegistration } from './service-request-registration';

const request: Open311RequestDoc = {
  _id: 'token-1',
  app: 'demo-app',
  serviceCode: '0501',
  description: '停水',
  requestType: 'help',
  urgency: 'normal',
  address: '阳光社区 3 号楼',
  requestedAt: new Date('2026-11-28T01:00:00Z'),
};
const registered = { caseNumber: '20261128-000042', merged: false } as RegisteredReport;

function setUp(register: (intake: ReportIntake) => Promise<RegisteredReport>, waitMs = 50) {
  const updates: unknown[] = [];
  const requests = { updateOne: async (...args: unknown[]) => void updates.push(args) } as unknown as Model<Open311RequestDoc>;
  const registrar = { execute: register } as unknown as RegisterReportUseCase;
  const numbers = { find: async () => ({ joined: ['open311:other', 'open311:token-1'] }) } as unknown as CaseNumbers;
  const media = { fetch: async (url: string) => ({ linkOnly: url }) } as unknown as FetchMedia;
  const linked: unknown[] = [];
  const requestUpdates = { link: async (r: unknown) => void linked.push(r) } as unknown as RequestUpdates;
  const settings = { waitMs, mediaHosts: [], mediaTimeoutMs: 1000, mediaMaxBytes: 1000, webhookRetryMs: [], webhookTimeoutMs: 1000, webhookPrivateTargets: true };
  return { registration: new ServiceRequestRegistration(requests, registrar, settings, numbers, media, requestUpdates), updates, linked };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('ServiceRequestRegistration', () => {
  it('registers the request as an open311 case keyed by its token, and links the case number as its id', async () => {
    let seen: ReportIntake | undefined;
    const { registration, updates, linked } = setUp(async (intake) => ((seen = intake), registered));
    await expect(registration.registerWithin(request)).resolves.toMatchObject({ caseNumber: '20261128-000042', serviceRequestId: '20261128-000042' });
    expect(seen).toMatchObject({ channel: 'open311', sourceRef: 'token-1', categoryCode: '0501', correlationId: 'token-1' });
    expect(updates).toEqual([[{ _id: 'token-1' }, { $set: { caseNumber: '20261128-000042', merged: false, serviceRequestId: '20261128-000042' } }]]);
    expect(linked).toEqual([expect.objectContaining({ _id: 'token-1', serviceRequestId: '20261128-000042' })]);
  });

  it('gives a request merged into an open case an id of its own, by its place among the joined reports; its photo link goes to the case', async () => {
    let seen: ReportIntake | undefined;
    const { registration, updates } = setUp(async (intake) => ((seen = intake), { ...registered, merged: true }));
    await expect(registration.registerWithin({ ...request, mediaUrl: 'https://photos.example.org/p.jpg' })).resolves.toMatchObject({ serviceRequestId: '20261128-000042-2' });
    expect(seen).toMatchObject({ photoLinks: ['https://photos.example.org/p.jpg'] });
    expect(updates).toContainEqual([{ _id: 'token-1' }, { $set: { caseNumber: '20261128-000042', merged: true, serviceRequestId: '20261128-000042-2' } }]);
  });

  it('answers undefined (a token) when registration is slow, and still links the case when it is done', async () => {
    const { registration, updates } = setUp(async () => {
      await sleep(120);
      return registered;
    }, 20);
    await expect(registration.registerWithin(request)).resolves.toBeUndefined();
    expect(updates).toEqual([]);
    await sleep(150);
    expect(updates).toHaveLength(1);
  });

  it('answers undefined when registration fails, so the token lookup can retry it', async () => {
    const { registration } = setUp(async () => {
      throw new Error('Temporal unavailable');
    });
    await expect(registration.registerWithin(request)).resolves.toBeUndefined();
  });

  it('passes a refusal of the request itself on to the client', async () => {
    const { registration } = setUp(async () => {
      throw new BadRequestException({ message: 'refused' });
    });
    await expect(registration.registerWithin(request)).rejects.toBeInstanceOf(BadRequestException);
  });

  it('does not wait past a late failure, and survives it', async () => {
    const { registration } = setUp(async () => {
      await sleep(60);
      throw new Error('late');
    }, 10);
    await expect(registration.registerWithin(request)).resolves.toBeUndefined();
    await sleep(100); // no unhandled rejection reaches jest
  });
});
