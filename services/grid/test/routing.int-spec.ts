// The grid service on the real servers: it seeds the demo city 北丰市 into FerretDB at start, builds its routing
// index from what it reads back, and answers over HTTP and over Kafka request/reply; households are guarded by
// role and jurisdiction; an import by another process (as the CLI does it) is picked up by the running service.
import { INestApplication } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import { EventEnvelope, gridDatasetChangedV1, routeLocation, routeLocationReplyV1, routeLocationRequestV1 } from '@civicflow/contracts';
import { GridMap, gridRecordsOf, parseRoutingDataset, routeLocation as routeIn } from '@civicflow/grid-routing';
import { createKafka, ensureTopics, EventPublisher, KafkaRequester } from '@civicflow/platform';
import { bearerFor, EventProbe, eventually, integrationConfig, uniqueId } from '@civicflow/testing';
import { addressInside, createGridApp, demoCity, gridConfigSchema, POINT_OUTSIDE_DEMO_CITY, pointInside } from '@civicflow/grid';
import { GridDatasetStore, gridModelsOn } from '../src/dataset/grid-dataset.store';
import { ImportGridDatasetUseCase } from '../src/dataset/import-grid-dataset/import-grid-dataset.usecase';

const runId = uniqueId();
const env = integrationConfig({
  MONGO_DB_PREFIX: runId,
  GRID_CONSUMER_GROUP: `grid-${runId}`,
  KAFKA_FROM_BEGINNING: 'false',
  GRID_SEED_DEMO: 'true',
  GRID_REFRESH_INTERVAL_MS: '300',
});
const database = `${runId}_grid`;

// three grids in three districts, one of them in the banner's gacha
const URBAN_GRID = 'bf-d01-s02-c03-g04';
const OTHER_DISTRICT_GRID = 'bf-d03-s02-c01-g07';
const GACHA_GRID = 'bf-d04-s02-c02-g03';

describe('grid: routing on the demo city, over HTTP and Kafka', () => {
  let app: INestApplication;
  let url: string;
  let kafka: Kafka;
  let publisher: EventPublisher;
  let requester: KafkaRequester;
  let mongo: MongoClient;
  let replies: EventProbe;
  let earlyRequest: EventEnvelope;
  let startMs: number;

  beforeAll(async () => {
    kafka = createKafka(`test-${runId}`, env);
    publisher = new EventPublisher(kafka, 'intake');
    requester = new KafkaRequester(kafka, publisher, `test-${runId}`);
    mongo = await new MongoClient(env.MONGO_URL).connect();
    await ensureTopics(kafka);
    replies = await new EventProbe(kafka, [routeLocationReplyV1.topic, gridDatasetChangedV1.topic], `probe-${runId}`).start();

    const started = Date.now();
    app = await createGridApp(gridConfigSchema.parse(env));
    await app.startAllMicroservices();
    // the Kafka consumer runs from here on, but Nest's init hooks (the demo seed, the first load) run in listen():
    // a request arriving now must wait for the map rather than be answered "not matched"
    earlyRequest = await publisher.publish(routeLocationRequestV1, { key: `early-${runId}`, correlationId: `early-${runId}`, data: { point: pointInside(URBAN_GRID) } });
    await app.listen(0, '127.0.0.1');
    startMs = Date.now() - started;
    url = await app.getUrl();
  });

  afterAll(async () => {
    await replies?.stop();
    await requester?.close();
    await publisher?.disconnect();
    await app?.close();
    await mongo?.db(database).dropDatabase();
    await mongo?.close();
  });

  async function call(method: 'GET' | 'POST', path: string, token: string | undefined, body?: unknown) {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...(token ? { authorization: token } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }
  const locate = async (body: unknown) => call('POST', '/api/v1/routing/locate', await bearerFor('dispatcher', 'bf'), body);

  it('seeds the whole demo city into FerretDB at start (timed) and routes from what it read back', async () => {
    const city = demoCity();
    const stored = mongo.db(database);
    expect(await stored.collection('grids').countDocuments()).toBe(800);
    expect(await stored.collection('households').countDocuments()).toBe(city.households.length);
    const record = await stored.collection('import_records').findOne({ _id: 'current' as never });
    expect(record).toMatchObject({ source: 'demo:beifeng', counts: { units: city.units.length, grids: 800, households: city.households.length } });
    console.log(`grid service start incl. demo seed: ${startMs} ms; the import itself: ${String(record?.durationMs)} ms`);

    const { status, body } = await locate({ point: pointInside(URBAN_GRID) });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      matched: true,
      method: 'point',
      gridId: URBAN_GRID,
      communityId: 'bf-d01-s02-c03',
      streetId: 'bf-d01-s02',
      districtId: 'bf-d01',
      orgPath: ['bf', 'bf-d01', 'bf-d01-s02', 'bf-d01-s02-c03', URBAN_GRID],
    });
    expect(body.staff.map((member: { duty: string }) => member.duty).slice(0, 3)).toEqual(['chief', 'police', 'specialist']);
  });

  it('serves its routing dataset (no staff) and announces it; routing on it in another process gives the same answers', async () => {
    const { status, body } = await call('GET', '/api/v1/routing/dataset', await bearerFor('operator', 'bf'));
    expect(status).toBe(200);
    const dataset = parseRoutingDataset(body);
    expect(dataset.grids).toHaveLength(800);
    expect(JSON.stringify(body)).not.toContain('phoneMasked');
    const announced = await replies.waitForEvent(gridDatasetChangedV1.type, (event) => (event.data as { datasetId: string }).datasetId === dataset.datasetId, 15_000);
    expect(announced.data).toMatchObject({ counts: { grids: 800 } });

    const elsewhere = GridMap.build(dataset.units, gridRecordsOf(dataset));
    for (const query of [{ point: pointInside(URBAN_GRID) }, { address: addressInside(GACHA_GRID) }, { point: POINT_OUTSIDE_DEMO_CITY }]) {
      const { staff: _staff, ...here } = (await locate(query)).body;
      const { staff: none, ...there } = routeIn(elsewhere, query) as { staff?: unknown[] };
      expect(none ?? []).toEqual([]);
      expect(there).toEqual(here);
    }
    expect((await call('GET', '/api/v1/routing/dataset', undefined)).status).toBe(401);
  });

  it('routes by address over HTTP, and answers "not matched" for a point outside the city', async () => {
    expect((await locate({ address: addressInside(GACHA_GRID) })).body).toMatchObject({ matched: true, method: 'address', gridId: GACHA_GRID });
    expect(await locate({ point: POINT_OUTSIDE_DEMO_CITY })).toEqual({ status: 200, body: { matched: false, reason: 'outside-every-grid' } });
    expect(await locate({ address: '火星市宇宙路1号' })).toEqual({ status: 200, body: { matched: false, reason: 'address-unknown' } });
  });

  it('answers a Kafka request that arrived while the service was still loading its map', async () => {
    const reply = await replies.waitForEvent(routeLocationReplyV1.type, (event) => event.causationId === earlyRequest.id, 15_000);
    expect(reply.data).toMatchObject({ matched: true, gridId: URBAN_GRID });
  });

  it('answers the Kafka request with the reply contract, point and address alike', async () => {
    const byPoint = await requester.request(routeLocation, { key: `loc-${runId}-1`, correlationId: `loc-${runId}-1`, data: { point: pointInside(OTHER_DISTRICT_GRID) } }, 15_000);
    expect(byPoint).toMatchObject({ matched: true, method: 'point', gridId: OTHER_DISTRICT_GRID, communityId: 'bf-d03-s02-c01', districtId: 'bf-d03' });
    const byAddress = await requester.request(routeLocation, { key: `loc-${runId}-2`, correlationId: `loc-${runId}-2`, data: { address: addressInside(URBAN_GRID) } }, 15_000);
    expect(byAddress).toMatchObject({ matched: true, method: 'address', gridId: URBAN_GRID });
    const outside = await requester.request(routeLocation, { key: `loc-${runId}-3`, correlationId: `loc-${runId}-3`, data: { point: POINT_OUTSIDE_DEMO_CITY } }, 15_000);
    expect(outside).toEqual({ matched: false, reason: 'outside-every-grid' });
  });

  it('rejects a bad body with 400 and the field path, and a request without a token with 401', async () => {
    const badPoint = await locate({ point: { lng: 'east', lat: 40.6 } });
    expect(badPoint.status).toBe(400);
    expect(badPoint.body.errors).toEqual([expect.objectContaining({ field: 'point.lng' })]);
    const nothing = await locate({});
    expect(nothing.status).toBe(400);
    expect(nothing.body.errors).toEqual([expect.objectContaining({ code: 'custom', reason: '须提供坐标或地址' })]);
    expect((await call('POST', '/api/v1/routing/locate', undefined, { address: '阳光小区' })).status).toBe(401);
  });

  it('shows households only to the roles that work the grid, inside their jurisdiction', async () => {
    const path = `/api/v1/grids/${URBAN_GRID}/households`;
    const expected = demoCity().households.filter((household) => household.gridId === URBAN_GRID);

    const own = await call('GET', path, await bearerFor('grid-worker', URBAN_GRID));
    expect(own.status).toBe(200);
    expect(own.body.households.map((household: { id: string }) => household.id)).toEqual(expected.map((household) => household.id));
    expect(own.body.households[0]).toMatchObject({ card: expected[0].card, address: expected[0].address });

    const street = await call('GET', `${path}?card=yellow`, await bearerFor('street-coordinator', 'bf-d01-s02'));
    expect(street.status).toBe(200);
    expect(street.body.households.every((household: { card: string }) => household.card === 'yellow')).toBe(true);

    const otherStreet = await call('GET', path, await bearerFor('street-coordinator', 'bf-d01-s01'));
    expect(otherStreet.status).toBe(403);
    expect(otherStreet.body.message).toMatch(/不在您的管辖范围内 outside your jurisdiction/);
    expect((await call('GET', path, await bearerFor('operator', 'bf'))).status).toBe(403);
    expect((await call('GET', path, await bearerFor('supervisor', 'bf'))).status).toBe(200);
    expect((await call('GET', `${path}?card=purple`, await bearerFor('supervisor', 'bf'))).body.errors).toEqual([expect.objectContaining({ field: 'card' })]);
  });

  it('reads the org tree, a unit and a grid with its staff; 404 in both languages for an unknown one', async () => {
    const token = await bearerFor('operator', 'bf');
    const tree = await call('GET', '/api/v1/org/tree?depth=1', token);
    expect(tree.body).toMatchObject({ id: 'bf', name: '北丰市', kind: 'city' });
    expect(tree.body.children.filter((child: { kind: string }) => child.kind === 'district').map((child: { name: string }) => child.name)).toEqual(['丰泽区', '青城区', '河东区', '乌兰旗']);
    expect(tree.body.children.find((child: { id: string }) => child.id === 'dept-heating')).toMatchObject({ kind: 'department', departmentCode: 'heating', children: [] });

    const street = await call('GET', '/api/v1/org/units/bf-d04-s02', token);
    expect(street.body).toMatchObject({ id: 'bf-d04-s02', name: '巴音苏木', localForm: 'sumu', localFormName: '苏木', parentId: 'bf-d04' });
    expect(street.body.path.map((unit: { id: string }) => unit.id)).toEqual(['bf', 'bf-d04', 'bf-d04-s02']);
    expect(street.body.children.every((child: { localForm: string }) => child.localForm === 'gacha')).toBe(true);

    const grid = await call('GET', `/api/v1/grids/${URBAN_GRID}`, token);
    expect(grid.status).toBe(200);
    expect(grid.body.staff.find((member: { duty: string }) => member.duty === 'police')).toMatchObject({ staffId: 'bf-d01-s02-c03-police', title: '社区民警' });
    expect(grid.body.boundary.type).toBe('Polygon');

    expect(await call('GET', '/api/v1/org/units/bf-d09', token)).toMatchObject({ status: 404, body: { message: '组织单位 bf-d09 不存在 org unit not found' } });
    expect((await call('GET', '/api/v1/grids/bf-d01', token)).status).toBe(404);
  });

  it('switches to a newer import made by another process (as the CLI does), without a restart', async () => {
    // import only street bf-d01-s02 through a connection of its own
    const city = demoCity();
    const inSlice = (id: string) => id.startsWith('bf-d01-s02');
    const slice = {
      ...city,
      title: 'one street of 北丰市',
      units: city.units.filter((unit) => unit.kind === 'city' || unit.kind === 'department' || unit.id === 'bf-d01' || inSlice(unit.id)),
      grids: { type: 'FeatureCollection' as const, features: city.grids.features.filter((feature) => inSlice(feature.properties.id)) },
      households: city.households.filter((household) => inSlice(household.gridId)),
    };
    const connection = await mongoose.createConnection(env.MONGO_URL, { dbName: database }).asPromise();
    try {
      const record = await new ImportGridDatasetUseCase(new GridDatasetStore(gridModelsOn(connection))).execute(slice, 'test:one-street');
      expect(record.counts.grids).toBe(slice.grids.features.length);
    } finally {
      await connection.close();
    }

    // the running service rebuilds its index on its next refresh: the other district's grid is gone, ours stays
    await eventually(async () => {
      expect((await locate({ point: pointInside(OTHER_DISTRICT_GRID) })).body).toEqual({ matched: false, reason: 'outside-every-grid' });
      return true;
    }, { timeoutMs: 10_000, what: 'the service to route on the new import' });
    expect((await locate({ point: pointInside(URBAN_GRID) })).body).toMatchObject({ matched: true, gridId: URBAN_GRID });
    expect((await call('GET', '/api/v1/org/units/bf-d03', await bearerFor('operator', 'bf'))).status).toBe(404);
    // and says so, with the new dataset behind its routing endpoint
    const announced = await replies.waitForEvent(gridDatasetChangedV1.type, (event) => (event.data as { title?: string }).title === 'one street of 北丰市', 15_000);
    const served = await call('GET', '/api/v1/routing/dataset', await bearerFor('operator', 'bf'));
    expect(served.body).toMatchObject({ datasetId: (announced.data as { datasetId: string }).datasetId, title: 'one street of 北丰市' });
    expect(served.body.grids).toHaveLength(slice.grids.features.length);
  });
});
