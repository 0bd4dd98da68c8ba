// From call to routed case on the real servers, with the real grid service routing in the demo city 北丰市:
// calls and app reports become classified cases in the community whose polygon holds the point; reports of the
// same problem merge; a point outside the city waits for a dispatcher; to a user of another street the case does not
// exist (404). Intake routes in its own process with the grid's routing dataset, and follows a new grid import without a restart.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { caseRegisteredV1, duplicateMergedV1, manualDispatchQueuedV1 } from '@civicflow/contracts';
import { bearerFor, EventProbe, eventually, startSystem, type TestSystem } from '@civicflow/testing';
import { demoCity, POINT_OUTSIDE_DEMO_CITY, pointInside } from '@civicflow/grid';

// a real 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const GRID = 'bf-d01-s01-c01-g01';
const COMMUNITY = 'bf-d01-s01-c01';
const STREET = 'bf-d01-s01';
const OTHER_STREET = 'bf-d01-s02';

interface CaseView {
  caseNumber: string;
  intakeStatus: string;
  stage: string | null;
  categoryCode?: string;
  priority: string;
  department?: string;
  routing?: { communityId: string; streetId: string; gridId: string; orgPath: string[] };
  reporters: { sourceRef: string }[];
  mergedInto?: string;
}

describe('from call to routed case (real grid routing in the demo city)', () => {
  let system: TestSystem<'identity' | 'grid' | 'hotline' | 'intake'>;
  let env: TestSystem['env'];
  let runId: string;
  let kafka: Kafka;
  let probe: EventProbe;
  let hotlineUrl: string;
  let intakeUrl: string;
  let mongo: MongoClient;

  beforeAll(async () => {
    // identity issues intake's service token; grid next: intake loads its routing dataset at start and routes in process
    system = await startSystem({ services: ['identity', 'grid', 'hotline', 'intake'], env: { GRID_REFRESH_INTERVAL_MS: '500' }, worker: {} });
    ({ env, runId, kafka } = system);
    ({ hotline: hotlineUrl, intake: intakeUrl } = system.urls);
    probe = await new EventProbe(kafka, [caseRegisteredV1.topic, duplicateMergedV1.topic], `probe-${runId}`).start();
    mongo = await new MongoClient(env.MONGO_URL).connect();
  });

  afterAll(async () => {
    await probe?.stop();
    await mongo?.close();
    await system?.stop();
  });

  async function logCall(body: Record<string, unknown>): Promise<string> {
    const res = await fetch(`${hotlineUrl}/api/v1/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearerFor('operator', 'bf') },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { callId: string }).callId;
  }

  async function caseOf(channel: string, sourceRef: string, role: 'dispatcher' | 'street-coordinator' = 'dispatcher', unit = 'bf'): Promise<Response> {
    return fetch(`${intakeUrl}/api/v1/cases?channel=${channel}&sourceRef=${sourceRef}`, { headers: { authorization: await bearerFor(role, unit) } });
  }

  async function registeredCase(channel: string, sourceRef: string): Promise<CaseView> {
    await probe.waitForEvent(caseRegisteredV1.type, (e) => (e.data as { sourceRef: string }).sourceRef === sourceRef);
    const res = await caseOf(channel, sourceRef);
    expect(res.status).toBe(200);
    return (await res.json()) as CaseView;
  }

  const streetLight = { callerNumber: '13812345678', content: '楼下路灯不亮 the street light is out', requestType: 'complaint', categoryCode: '0208' };

  it('routes a logged call to the community whose polygon holds the point, classified by the taxonomy', async () => {
    const point = pointInside(GRID);
    const callId = await logCall({ ...streetLight, location: point });
    const found = await registeredCase('hotline', callId);
    const community = demoCity().units.find((u) => u.id === COMMUNITY)!;
    expect(found).toMatchObject({ intakeStatus: 'routed', categoryCode: '0208', routing: { gridId: GRID, communityId: COMMUNITY, streetId: STREET } });
    expect(found.routing?.orgPath).toEqual(['bf', 'bf-d01', STREET, COMMUNITY, GRID]);
    expect(community.name).toBeTruthy();
    expect(found.department).toBeTruthy();
  });

  it('routes an app report with a photo the same way', async () => {
    const point = pointInside('bf-d01-s01-c02-g02');
    const form = new FormData();
    for (const [k, v] of Object.entries({ content: '小区垃圾桶满了没人清 the bins overflow', 'location[lng]': String(point.lng), 'location[lat]': String(point.lat), reporterId: `wx-${runId}`, categoryCode: '0204', reportId: `app-${runId}` })) form.append(k, v);
    form.append('photos', new Blob([PNG], { type: 'image/png' }), 'bins.png');
    const res = await fetch(`${intakeUrl}/api/v1/reports/app`, { method: 'POST', headers: { 'x-api-key': 'civicflow-demo-key' }, body: form });
    expect(res.status).toBe(201);
    const { caseNumber } = (await res.json()) as { caseNumber: string };
    const registered = await probe.waitForEvent(caseRegisteredV1.type, (e) => e.key === caseNumber);
    const found = (await (await caseOf('app', (registered.data as { sourceRef: string }).sourceRef)).json()) as CaseView;
    expect(found).toMatchObject({ intakeStatus: 'routed', routing: { communityId: 'bf-d01-s01-c02' } });
  });

  it('merges a second report of the same problem nearby into the open case, keeping both reporters', async () => {
    const point = pointInside('bf-d01-s01-c03-g01');
    const sorting = { ...streetLight, categoryCode: '0205', content: '垃圾分类桶被占用 the sorting bins are blocked' };
    const first = await logCall({ ...sorting, location: point });
    const master = await registeredCase('hotline', first);
    const second = await logCall({ ...sorting, callerNumber: '13900000001', location: { lng: point.lng + 0.0004, lat: point.lat } });
    const merged = await probe.waitForEvent(duplicateMergedV1.type, (e) => (e.data as { sourceRef: string }).sourceRef === second);
    expect(merged.data).toMatchObject({ masterCaseNumber: master.caseNumber, channel: 'hotline' });
    const viewed = (await (await caseOf('hotline', second)).json()) as CaseView;
    expect(viewed.caseNumber).toBe(master.caseNumber);
    expect(viewed.mergedInto).toBe(master.caseNumber);
    expect(viewed.reporters.map((r) => r.sourceRef)).toEqual([first, second]);
    // one case in that community: the second report joined it and claimed no number
    expect(await mongo.db(`${runId}_intake`).collection('reports').countDocuments({ 'routing.communityId': 'bf-d01-s01-c03' })).toBe(1);
    expect(await mongo.db(`${runId}_intake`).collection('case_numbers').findOne({ _id: master.caseNumber as never })).toMatchObject({ joined: [`hotline:${second}`] });
  });

  it('puts a call from outside every grid in the dispatcher queue, never an error', async () => {
    const probeQueue = await new EventProbe(kafka, [manualDispatchQueuedV1.topic], `probe-q-${runId}`).start();
    try {
      const callId = await logCall({ ...streetLight, callerNumber: '13700000002', location: POINT_OUTSIDE_DEMO_CITY });
      const found = await registeredCase('hotline', callId);
      expect(found).toMatchObject({ intakeStatus: 'manual-queue', manualQueueReason: 'outside-every-grid' });
      expect(found.routing).toBeUndefined();
      await probeQueue.waitForEvent(manualDispatchQueuedV1.type, (e) => e.key === found.caseNumber);
      // the queue follows the case events: the registration of an unrouted case puts it there
      await eventually(async () => {
        const queue = await fetch(`${intakeUrl}/api/v1/dispatch/queue`, { headers: { authorization: await bearerFor('dispatcher', 'bf') } });
        const waiting = ((await queue.json()) as { cases: { caseNumber: string; manualQueueReason: string; content: string }[] }).cases;
        return waiting.find((c) => c.caseNumber === found.caseNumber && c.manualQueueReason === 'outside-every-grid' && c.content === streetLight.content);
      }, { what: 'the unrouted case in the dispatch queue' });
      const notDispatcher = await fetch(`${intakeUrl}/api/v1/dispatch/queue`, { headers: { authorization: await bearerFor('community-handler', COMMUNITY) } });
      expect(notDispatcher.status).toBe(403);
    } finally {
      await probeQueue.stop();
    }
  });

  it("answers 404 to a user of another street (case numbers cannot be probed) and 200 to the case's own street", async () => {
    const callId = await logCall({ ...streetLight, callerNumber: '13600000003', categoryCode: '0202', content: '违规广告牌 an illegal billboard', location: pointInside('bf-d01-s01-c01-g03') });
    const found = await registeredCase('hotline', callId);
    const other = await caseOf('hotline', callId, 'street-coordinator', OTHER_STREET);
    expect(other.status).toBe(404);
    expect(((await other.json()) as { message: string }).message).toBe(`案件 ${found.caseNumber} 不存在 case not found`);
    const own = await fetch(`${intakeUrl}/api/v1/cases/${found.caseNumber}`, { headers: { authorization: await bearerFor('street-coordinator', STREET) } });
    expect(own.status).toBe(200);
  });

  it('refuses a call naming an unknown category with 400 naming it', async () => {
    const res = await fetch(`${hotlineUrl}/api/v1/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await bearerFor('operator', 'bf') },
      body: JSON.stringify({ ...streetLight, categoryCode: '9999', location: pointInside(GRID) }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('9999');
  });

  it('routes on a new grid import without a restart (the grid announces it, intake reloads its dataset)', async () => {
    const farGrid = 'bf-d03-s02-c01-g07';
    const before = await registeredCase('hotline', await logCall({ ...streetLight, callerNumber: '13500000004', categoryCode: '0203', location: pointInside(farGrid) }));
    expect(before.routing?.gridId).toBe(farGrid);

    // an administrator imports a smaller city (district bf-d01 only) with the grid service's command line
    const city = demoCity();
    const inDistrict = (id: string) => id.startsWith('bf-d01');
    const slice = {
      ...city,
      title: `北丰市 bf-d01 only ${runId}`,
      units: city.units.filter((unit) => unit.kind === 'city' || unit.kind === 'department' || inDistrict(unit.id)),
      grids: { type: 'FeatureCollection', features: city.grids.features.filter((feature) => inDistrict(feature.properties.id)) },
      households: city.households.filter((household) => inDistrict(household.gridId)),
    };
    const folder = await mkdtemp(join(tmpdir(), `grid-import-${runId}-`));
    try {
      await writeFile(join(folder, 'slice.json'), JSON.stringify(slice));
      await promisify(execFile)(process.execPath, [require.resolve('@civicflow/grid/dist/cli/import-grid-data.js'), join(folder, 'slice.json')], {
        env: { ...process.env, MONGO_URL: env.MONGO_URL, MONGO_DB_PREFIX: runId },
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }

    // a new call at the same place now finds no grid: intake is routing on the new dataset (calls without a
    // category, so they never merge with the one before)
    const { categoryCode: _none, ...unclassified } = streetLight;
    await eventually(async () => {
      const after = await registeredCase('hotline', await logCall({ ...unclassified, callerNumber: '13500000005', location: pointInside(farGrid) }));
      return after.intakeStatus === 'manual-queue' ? after : undefined;
    }, { timeoutMs: 30_000, intervalMs: 200, what: 'intake to route on the new grid import' });
  });
});
