// Intake follows its cases through their events, on the real servers and through the public HTTP APIs: a report at
// the place of an open case joins it (by point and by address), at the place of a closed one it opens a new case;
// the callback closes a case and its Open311 request shows closed with its notes and time moved on; the dispatch
// queue holds exactly the cases waiting for a dispatcher; the community a case was (re-)dispatched to reads its
// words, address and photos, the one that returned it no longer can.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseDispatchedV1, duplicateMergedV1 } from '@civicflow/contracts';
import { naturalMinutes } from '@civicflow/domain';
import {
  bearerFor, EventProbe, eventually, httpAs, profilesWithWindows, startSystem, type TestSystem, TestUser, uniqueId,
} from '@civicflow/testing';
import { addressInside, pointInside } from '@civicflow/grid';
import { MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import { waitingListsMigration } from '../src/shared/waiting-lists.migration';

const API_KEY = `key-${uniqueId()}-0000000000`;
// a real 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const GRID = 'bf-d01-s01-c02-g03';
const COMMUNITY = 'bf-d01-s01-c02';
const STREET = 'bf-d01-s01';
const OTHER_COMMUNITY = 'bf-d01-s01-c03';

/** Windows of natural minutes: nothing runs out while the test works. */
const PROFILES = profilesWithWindows({
  acceptance: naturalMinutes(30), 'community-handling': naturalMinutes(60), 'street-handling': naturalMinutes(120), 'department-report-in': naturalMinutes(20),
  'department-answer': naturalMinutes(90), callback: naturalMinutes(60), mediation: naturalMinutes(600),
});

const operator: TestUser = { role: 'operator', unitId: 'bf', userId: 'operator' };
const dispatcher: TestUser = { role: 'dispatcher', unitId: 'bf', userId: 'dispatcher' };
const handler = (unitId: string): TestUser => ({ role: 'community-handler', unitId, userId: `handler-${unitId}` });

describe('intake follows its cases: merging, Open311 status, the dispatch queue and who reads a case', () => {
  let system: TestSystem<'identity' | 'grid' | 'hotline' | 'intake' | 'casework'>;
  let runId: string;
  const urls: Record<'hotline' | 'intake' | 'casework', string> = { hotline: '', intake: '', casework: '' };
  let probe: EventProbe;
  let photoDir: string;

  beforeAll(async () => {
    photoDir = await mkdtemp(join(tmpdir(), 'civicflow-photos-'));
    // identity issues intake's service token (svc-intake reads the grid's routing dataset with it)
    system = await startSystem({
      services: ['identity', 'grid', 'hotline', 'intake', 'casework'],
      env: { INTAKE_API_KEYS: `${API_KEY}:civic-app`, INTAKE_PHOTO_DIR: photoDir },
      worker: { slaProfiles: PROFILES },
    });
    runId = system.runId;
    Object.assign(urls, system.urls);
    probe = await new EventProbe(system.kafka, [caseDispatchedV1.topic, duplicateMergedV1.topic], `probe-${runId}`).start();
  });

  afterAll(async () => {
    await probe?.stop();
    await system?.stop();
    if (photoDir) await rm(photoDir, { recursive: true, force: true });
  });

  const http = httpAs(urls);
  const command = async (caseNumber: string, name: string, who: TestUser, body: unknown = {}) => {
    const res = await http('casework', 'POST', `/api/v1/cases/${caseNumber}/commands/${name}`, who, body);
    expect({ name, status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ name, status: 200, body: 'ok' });
  };
  const open311 = (path: string, init?: RequestInit) => fetch(`${urls.intake}/open311/v2/${path}`, init).then(async (res) => ({ status: res.status, body: (await res.json()) as any }));

  /** A hotline call; the case it became or joined, as intake shows it to the operator. */
  async function call(body: Record<string, unknown>): Promise<{ caseNumber: string; mergedInto?: string }> {
    const logged = await http('hotline', 'POST', '/api/v1/calls', operator, { callerNumber: '13812345678', requestType: 'complaint', ...body });
    expect(logged.status).toBe(202);
    return eventually(async () => {
      const res = await http('intake', 'GET', `/api/v1/cases?channel=hotline&sourceRef=${logged.body.callId as string}`, operator);
      return res.status === 200 ? (res.body as { caseNumber: string; mergedInto?: string }) : undefined;
    }, { what: `the case of call ${logged.body.callId as string}` });
  }

  it('joins open cases by point and by address; the callback closes the case, Open311 shows it; then the same place opens a new case', async () => {
    const place = pointInside(GRID);
    const address = addressInside(GRID);
    const streetLight = { categoryCode: '0208', content: `路灯坏了 ${runId} the street light is out` };

    // an Open311 request with a point and an address becomes a case dispatched to the community
    const posted = await open311('requests.json', {
      method: 'POST',
      body: new URLSearchParams({ api_key: API_KEY, service_code: '0208', lat: String(place.lat), long: String(place.lng), address_string: address, description: streetLight.content }),
    });
    expect(posted.status).toBe(201);
    // the id at once, or through the token when registration took longer than the wait (a busy machine)
    const master: string = posted.body[0].service_request_id ?? (await eventually(async () => (await open311(`tokens/${posted.body[0].token as string}.json`)).body[0]?.service_request_id as string | undefined, { what: 'the token to resolve' }));
    const dispatched = await eventually(async () => {
      const [shown] = (await open311(`requests/${master}.json?api_key=${API_KEY}`)).body as { status: string; status_notes: string; updated_datetime: string }[];
      return shown.status_notes.startsWith('已派至') ? shown : undefined;
    }, { what: 'Open311 to show the dispatch' });
    expect(dispatched).toMatchObject({ status: 'open', status_notes: expect.stringMatching(/^已派至.+社区,待签收/) });
    expect(dispatched.status_notes).not.toContain(COMMUNITY);

    // the same problem reported 25 m away, and at the same address without a point: both join the open case
    expect(await call({ ...streetLight, callerNumber: '13900000001', location: { lng: place.lng + 0.0003, lat: place.lat } })).toMatchObject({ caseNumber: master, mergedInto: master });
    expect(await call({ ...streetLight, callerNumber: '13900000002', address })).toMatchObject({ caseNumber: master, mergedInto: master });

    // before logging, the operator is shown the open case at that place — by point and by the address — …
    const near = await http('intake', 'GET', `/api/v1/open-cases/nearby?categoryCode=0208&lng=${place.lng + 0.0005}&lat=${place.lat}`, operator);
    expect(near.body.cases).toEqual([expect.objectContaining({ caseNumber: master, matchedBy: 'point', distanceMeters: expect.any(Number), content: streetLight.content })]);
    const atAddress = await http('intake', 'GET', `/api/v1/open-cases/nearby?categoryCode=0208&address=${encodeURIComponent(address)}`, operator);
    expect(atAddress.body.cases.map((c: { caseNumber: string }) => c.caseNumber)).toEqual([master]);
    expect((await http('intake', 'GET', `/api/v1/open-cases/nearby?categoryCode=0301&address=${encodeURIComponent(address)}`, operator)).body.cases).toEqual([]);
    // … and may join a call to it by hand (合并), whatever its words, category or place say
    const chosen = await http('hotline', 'POST', '/api/v1/calls', operator, { callerNumber: '13900000005', requestType: 'complaint', categoryCode: '0301', content: `同一盏灯 ${runId}`, address: '别处的地址', joinCaseNumber: master });
    const joined = await eventually(async () => {
      const res = await http('intake', 'GET', `/api/v1/reports/status?channel=hotline&sourceRef=${chosen.body.callId as string}`, operator);
      expect(res.status).toBe(200); // waiting, then merged: never a 404 while the operator waits
      return res.body.state === 'waiting' ? undefined : res.body;
    }, { what: 'the chosen case to take the call' });
    expect(joined).toEqual({ state: 'merged', caseNumber: master });
    await probe.waitForEvent(duplicateMergedV1.type, (e) => { const d = e.data as { sourceRef: string; matchedBy?: string }; return d.sourceRef === chosen.body.callId && d.matchedBy === 'operator'; });

    // the community resolves it; the citizen is called back, satisfied: the case closes
    await command(master, 'accept', handler(COMMUNITY));
    await command(master, 'resolve', handler(COMMUNITY), { summary: '已更换灯泡 the lamp is replaced' });
    const task = await eventually(async () => {
      const res = await http('hotline', 'GET', '/api/v1/callbacks?status=pending&limit=200', operator);
      return (res.body.callbacks as { callbackId: string; caseNumber: string }[]).find((c) => c.caseNumber === master);
    }, { what: 'the callback task', timeoutMs: 30_000 });
    const recorded = await http('hotline', 'POST', `/api/v1/callbacks/${task.callbackId}/result`, operator, { reached: true, satisfaction: 'satisfied', resolved: true });
    expect(recorded.status).toBeLessThan(300);

    // Open311: closed, with its notes and time moved on; and listed under status=closed
    const closed = await eventually(async () => {
      const [shown] = (await open311(`requests/${master}.json?api_key=${API_KEY}`)).body as { status: string; status_notes: string; updated_datetime: string }[];
      return shown.status === 'closed' ? shown : undefined;
    }, { what: 'Open311 to show the request closed', timeoutMs: 30_000 });
    expect(closed.status_notes).toBe('已办结归档 closed');
    expect(new Date(closed.updated_datetime).getTime()).toBeGreaterThan(new Date(dispatched.updated_datetime).getTime());
    const listed = (await open311(`requests.json?api_key=${API_KEY}&status=closed`)).body as { service_request_id: string }[];
    expect(listed.map((r) => r.service_request_id)).toContain(master);

    // the same problem at the same place again, by point and by address: new cases, never the closed one
    const byPoint = await call({ ...streetLight, callerNumber: '13900000003', location: place });
    expect(byPoint.caseNumber).not.toBe(master);
    expect(byPoint.mergedInto).toBeUndefined();
    const byAddress = await call({ ...streetLight, callerNumber: '13900000004', address });
    expect(byAddress.caseNumber).not.toBe(master);
    expect(byAddress.mergedInto).toBeUndefined();
    // a call joined by hand to the closed case (a stale screen) opens a case of its own too
    const late = await call({ categoryCode: '0301', content: `另一件事 ${runId}`, callerNumber: '13900000006', location: pointInside(GRID), joinCaseNumber: master });
    expect(late.caseNumber).not.toBe(master);
    expect(late.mergedInto).toBeUndefined();
  });

  it('queues a case nobody could place; after dispatch it leaves the queue and its community reads it; a return (退单) puts it back and shuts the returning community out', async () => {
    // an app report with a photo at an address no grid knows: intake cannot place it
    const form = new FormData();
    for (const [k, v] of Object.entries({ content: `井盖丢了 ${runId} a manhole cover is missing`, address: '火星市宇宙路 1 号', reporterId: 'resident-9', categoryCode: '0201', reportId: `lost-${runId}` })) form.append(k, v);
    form.append('photos', new Blob([PNG], { type: 'image/png' }), 'manhole.png');
    const res = await fetch(`${urls.intake}/api/v1/reports/app`, { method: 'POST', headers: { 'x-api-key': API_KEY }, body: form });
    expect(res.status).toBe(201);
    const { caseNumber, intakeStatus } = (await res.json()) as { caseNumber: string; intakeStatus: string };
    expect(intakeStatus).toBe('manual-queue');

    const queued = async () => ((await http('intake', 'GET', '/api/v1/dispatch/queue', dispatcher)).body.cases as { caseNumber: string; manualQueueReason: string; content: string }[]).find((c) => c.caseNumber === caseNumber);
    // outside its jurisdiction a case answers like one nobody has (404): case numbers cannot be probed
    const readAs = (who: TestUser) => http('intake', 'GET', `/api/v1/cases/${caseNumber}`, who);
    expect(await eventually(queued, { what: 'the case in the dispatch queue' })).toMatchObject({ manualQueueReason: 'address-unknown', content: expect.stringContaining('井盖丢了') });
    expect((await readAs(handler(COMMUNITY))).status).toBe(404);
    expect((await readAs(dispatcher)).status).toBe(200);

    // 派单 to a community: out of the queue, and the community reads the words, the address and the photo
    await command(caseNumber, 'dispatch', dispatcher, { route: { streetId: STREET, communityId: COMMUNITY } });
    await eventually(async () => ((await queued()) ? undefined : true), { what: 'the dispatched case to leave the queue' });
    const photoId = createHash('sha256').update(PNG).digest('hex');
    expect((await eventually(async () => {
      const read = await readAs(handler(COMMUNITY));
      return read.status === 200 ? read : undefined;
    }, { what: 'the community to read its case' })).body).toMatchObject({ caseNumber, content: expect.stringContaining('井盖丢了'), address: '火星市宇宙路 1 号', photos: [photoId], stage: 'dispatched' });
    expect((await readAs(handler(OTHER_COMMUNITY))).status).toBe(404);

    // 退单: back in the queue, and the community that returned it no longer reads it
    await command(caseNumber, 'return', handler(COMMUNITY), { reason: '不属本社区 not our area' });
    expect(await eventually(queued, { what: 'the returned case back in the queue' })).toMatchObject({ manualQueueReason: 'returned' });
    // the queue is read by _id (its list, then the page's entries), never find({}) over every waiting case
    const ops: { collection: string; method: string; filter: Record<string, unknown> }[] = [];
    mongoose.set('debug', (collection: string, method: string, filter: Record<string, unknown>) => ops.push({ collection, method, filter }));
    let page: { total: number; cases: { caseNumber: string }[] };
    try {
      page = (await http('intake', 'GET', '/api/v1/dispatch/queue', dispatcher)).body;
    } finally {
      mongoose.set('debug', false);
    }
    expect(page.cases.filter((c) => c.caseNumber === caseNumber)).toHaveLength(1); // once, at its new place (returned: waiting since the return)
    expect(page.total).toBeGreaterThanOrEqual(page.cases.length);
    const ofQueue = ops.filter((o) => ['dispatch_queue', 'waiting_lists'].includes(o.collection));
    expect(ofQueue.length).toBeGreaterThan(2);
    expect(ofQueue.filter((o) => o.method !== 'findOne' || typeof o.filter._id !== 'string')).toEqual([]);
    // a deployment from before the list: the entries are there, the list not yet; the migration files them
    const mongo = await new MongoClient(system.env.MONGO_URL).connect();
    try {
      const intakeDb = mongo.db(`${runId}_intake`);
      await intakeDb.collection('waiting_lists').deleteMany({});
      expect(await queued()).toBeUndefined();
      expect(await waitingListsMigration.run(intakeDb as never)).toMatch(/^\d+ waiting entries filed in \d+ lists$/);
      expect(await queued()).toMatchObject({ manualQueueReason: 'returned' });
    } finally {
      await mongo.close();
    }
    expect((await readAs(handler(COMMUNITY))).status).toBe(404);

    // 重新派单 to the right community: out of the queue again; it reads the case in full, the returning one does not
    await command(caseNumber, 'redispatch', dispatcher, { route: { streetId: STREET, communityId: OTHER_COMMUNITY } });
    await eventually(async () => ((await queued()) ? undefined : true), { what: 'the re-dispatched case to leave the queue' });
    const read = await eventually(async () => {
      const r = await readAs(handler(OTHER_COMMUNITY));
      return r.status === 200 ? r : undefined;
    }, { what: 'the new community to read its case' });
    expect(read.body).toMatchObject({ content: expect.stringContaining('井盖丢了'), address: '火星市宇宙路 1 号', photos: [photoId], currentUnit: OTHER_COMMUNITY });
    const photo = await fetch(`${urls.intake}/api/v1/photos/${photoId}`, { headers: { authorization: await bearerFor('community-handler', OTHER_COMMUNITY) } });
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await readAs(handler(COMMUNITY))).status).toBe(404);
    expect((await http('intake', 'GET', '/api/v1/dispatch/queue', dispatcher)).body.cases.map((c: { caseNumber: string }) => c.caseNumber)).not.toContain(caseNumber);
  });
});
