// Intake's database work per case as the store grows: the real registration use case (classify, open-case check,
// number claim, link, hand-over records) and the real case-event projection (one case's registered, dispatched,
// accepted, resolved and closed events) on the MongoDB-protocol server, measured with 0 and with 20,000 stored
// cases seeded into the same collections. Kafka and Temporal are stood in for (a started workflow, a sent event):
// this part measures the database, which is what grew with the store before (`find({dedupKey})` scans, an
// allocator on `$inc`). Counts every database command the driver sends per case, and its time.
//
//   node bench/intake-cost.bench.mjs            (MONGO_URL from the environment; the launcher's default otherwise)
//   npm run bench -- intake
import { benchId, config, dropDatabases, percentile, prng, require, timed } from './lib.mjs';

const SAMPLE = Number(process.env.BENCH_INTAKE_CASES ?? 200);
const STORED = Number(process.env.BENCH_INTAKE_STORED ?? 20_000);
const CATEGORIES = ['0201', '0202', '0204', '0205', '0208'];

export async function benchIntakeCost() {
  const mongoose = require('mongoose');
  const { demoCity, pointInside } = require('@civicflow/grid');
  const { GridMap, routeLocation } = require('@civicflow/grid-routing');
  const { defaultTaxonomy } = require('@civicflow/domain');
  const dist = (path) => require(`@civicflow/intake/dist/${path}`);
  const { reportSchema, REPORT_MODEL } = dist('reports/report.schema');
  const { caseNumberSchema, caseCounterSchema, CASE_NUMBER_MODEL, CASE_COUNTER_MODEL } = dist('cases/case-number/case-number.schema');
  const { openCaseCellSchema, OPEN_CASE_CELL_MODEL } = dist('cases/dedup/open-case.schema');
  const { caseViewSchema, CASE_VIEW_MODEL } = dist('cases/case-view/case-view.schema');
  const { dispatchQueueEntrySchema, DISPATCH_QUEUE_MODEL } = dist('cases/dispatch-queue/dispatch-queue.schema');
  const { unregisteredReportSchema, UNREGISTERED_REPORT_MODEL } = dist('reports/unregistered-reports/unregistered-report.schema');
  const { CaseNumbers } = dist('cases/case-number/case-numbers');
  const { OpenCases, openCaseCellsOf, openCaseEntry } = dist('cases/dedup/open-cases');
  const { CaseReports } = dist('cases/case-reports');
  const { UnregisteredReports } = dist('reports/unregistered-reports/unregistered-reports');
  const { RegisterReportUseCase } = dist('reports/register-report/register-report.usecase');
  const { ProjectCaseEventUseCase } = dist('cases/case-view/project-case-event.usecase');

  const prefix = benchId('benchintake');
  const { MONGO_URL } = config();
  const connection = await mongoose.createConnection(MONGO_URL, { dbName: `${prefix}_intake`, monitorCommands: true }).asPromise();
  const commands = { count: 0, ms: 0 };
  const started = new Map();
  const client = connection.getClient();
  client.on('commandStarted', (e) => started.set(e.requestId, process.hrtime.bigint()));
  client.on('commandSucceeded', (e) => {
    commands.count++;
    commands.ms += Number(process.hrtime.bigint() - (started.get(e.requestId) ?? process.hrtime.bigint())) / 1e6;
    started.delete(e.requestId);
  });
  const model = (name, schema) => connection.model(name, schema);
  const models = {
    reports: model(REPORT_MODEL, reportSchema),
    numbers: model(CASE_NUMBER_MODEL, caseNumberSchema),
    counters: model(CASE_COUNTER_MODEL, caseCounterSchema),
    cells: model(OPEN_CASE_CELL_MODEL, openCaseCellSchema),
    views: model(CASE_VIEW_MODEL, caseViewSchema),
    queue: model(DISPATCH_QUEUE_MODEL, dispatchQueueEntrySchema),
    unregistered: model(UNREGISTERED_REPORT_MODEL, unregisteredReportSchema),
  };
  await Promise.all(Object.values(models).map((m) => m.init()));

  const city = demoCity();
  const map = GridMap.build(city.units, city.grids.features.map((f) => ({ ...f.properties, boundary: f.geometry })));
  const routes = { locate: async (where) => routeLocation(map, where), orgPathOf: (id) => (map.unit(id) ? map.orgPathOf(id) : undefined), unitName: (id) => map.unit(id)?.name, cityUnitId: 'bf' };
  const intakeConfig = { INTAKE_DEDUP_RADIUS_METERS: 150, INTAKE_DEDUP_WINDOW_HOURS: 72 };
  const numbers = new CaseNumbers(models.numbers, models.counters);
  const openCases = new OpenCases(models.cells, intakeConfig);
  // the stand-ins: Temporal starts every workflow, Kafka takes every event
  const register = new RegisterReportUseCase(models.reports, defaultTaxonomy(), numbers, openCases, routes, { start: async () => ({ started: true }) },
    new UnregisteredReports(models.unregistered, models.reports), { publish: async () => undefined });
  const project = new ProjectCaseEventUseCase(models.views, models.queue, new CaseReports(numbers, models.reports), openCases, routes);

  const gridIds = city.grids.features.map((f) => f.properties.id);
  const rand = prng(20261207);
  const reportOf = (i) => ({
    channel: 'hotline', sourceRef: `${prefix}-call-${i}`, requestType: 'complaint', urgency: 'normal', categoryCode: CATEGORIES[Math.floor(rand() * CATEGORIES.length)],
    content: `路灯不亮 report ${i}`, location: pointInside(gridIds[Math.floor(rand() * gridIds.length)]), correlationId: `c-${i}`,
  });
  const eventsOf = (caseNumber, report, at) => {
    const env = (type, data) => ({ id: `${caseNumber}:${data.sequence ?? 0}:${type}`, type, version: 1, time: at, key: caseNumber, source: 'bench', correlationId: 'c', data });
    const t = (sequence, stage, extra = {}) => ({ caseNumber, sequence, occurredAt: at, stage, level: 'community', unitId: report.routing?.communityId ?? 'bf-d01-s01-c01', sla: null, ...extra });
    const route = { streetId: report.routing?.streetId ?? 'bf-d01-s01', communityId: report.routing?.communityId ?? 'bf-d01-s01-c01' };
    return [
      env('case.registered', { caseNumber, channel: 'hotline', sourceRef: report.sourceRef, requestType: 'complaint', urgency: 'normal', intakeStatus: report.routing ? 'routed' : 'manual-queue', orgPath: report.routing?.orgPath, registeredAt: at }),
      env('case.dispatched', t(1, 'dispatched', { route, assigneeUnitId: route.communityId, redispatch: false })),
      env('case.accepted', t(2, 'in-handling')),
      env('case.resolved', { caseNumber, resolvedAt: at, level: 'community', unitId: route.communityId, summary: 'done', callbackDueAt: at, sequence: 3, stage: 'resolved' }),
      env('case.closed', t(4, 'closed', { reason: 'callback-completed' })),
    ];
  };

  async function measure(label, from) {
    const register_ms = [];
    const project_ms = [];
    const before = { ...commands };
    let merged = 0;
    for (let i = from; i < from + SAMPLE; i++) {
      const intake = reportOf(i);
      const r = await timed(() => register.execute(intake));
      register_ms.push(r.seconds * 1000);
      if (r.value.merged) {
        merged++;
        continue;
      }
      const at = new Date().toISOString();
      const p = await timed(async () => {
        for (const event of eventsOf(r.value.caseNumber, r.value.report, at)) await project.execute(event);
      });
      project_ms.push(p.seconds * 1000);
    }
    const perCase = (commands.count - before.count) / SAMPLE;
    const dbMs = (commands.ms - before.ms) / SAMPLE;
    register_ms.sort((a, b) => a - b);
    project_ms.sort((a, b) => a - b);
    const mean = (xs) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
    console.log(`  ${label}: registration mean ${mean(register_ms).toFixed(1)} ms (p95 ${percentile(register_ms, 95).toFixed(1)}), projection of 5 events mean ${mean(project_ms).toFixed(1)} ms; ` +
      `${perCase.toFixed(1)} db commands / ${dbMs.toFixed(1)} ms of db time per case; ${merged} of ${SAMPLE} merged`);
    const seconds = (register_ms.reduce((s, x) => s + x, 0) + project_ms.reduce((s, x) => s + x, 0)) / 1000;
    return [
      { bench: `intake db per case, ${label}: registration`, count: SAMPLE, seconds: register_ms.reduce((s, x) => s + x, 0) / 1000, rate: SAMPLE / (register_ms.reduce((s, x) => s + x, 0) / 1000), unit: 'cases/s', p50: Math.round(percentile(register_ms, 50)), p95: Math.round(percentile(register_ms, 95)), rssMb: Math.round(process.memoryUsage().rss / 1048576) },
      { bench: `intake db per case, ${label}: projection of 5 case events`, count: project_ms.length, seconds: project_ms.reduce((s, x) => s + x, 0) / 1000, rate: project_ms.length / Math.max(0.001, project_ms.reduce((s, x) => s + x, 0) / 1000), unit: 'cases/s', p50: Math.round(percentile(project_ms, 50)), p95: Math.round(percentile(project_ms, 95)), rssMb: Math.round(process.memoryUsage().rss / 1048576) },
      { bench: `intake db per case, ${label}: ${perCase.toFixed(1)} db commands, ${dbMs.toFixed(1)} ms db time per case`, count: SAMPLE, seconds, rate: SAMPLE / seconds, unit: 'cases/s', rssMb: Math.round(process.memoryUsage().rss / 1048576) },
    ];
  }

  /** `count` stored cases of the new shape, a third of them still open (in the open-case index), written in chunks. */
  async function seed(count, from) {
    const CHUNK = 1000;
    const cells = new Map();
    for (let start = from; start < from + count; start += CHUNK) {
      const reports = [];
      const nums = [];
      const views = [];
      for (let i = start; i < Math.min(from + count, start + CHUNK); i++) {
        const intake = reportOf(i);
        const caseNumber = `20990101-${String(i + 1).padStart(6, '0')}`;
        const route = routeLocation(map, { point: intake.location });
        // older than the 72 h duplicate window: the measured reports read these cells like any, but merge into none
        // of them, so the 0 and 20,000 rows do the same work
        const receivedAt = new Date(Date.now() - (73 + Math.floor(rand() * 24 * 30)) * 3_600_000);
        const report = {
          _id: `hotline:${intake.sourceRef}`, channel: 'hotline', sourceRef: intake.sourceRef, requestType: 'complaint', urgency: 'normal', categoryCode: intake.categoryCode,
          priority: 'normal', slaProfile: 'standard', isDispute: false, content: intake.content, location: intake.location, photos: [], receivedAt, correlationId: intake.correlationId,
          ...(route.matched ? { routing: { method: 'point', gridId: route.gridId, gridName: route.gridName, communityId: route.communityId, communityName: route.communityName, streetId: route.streetId, streetName: route.streetName, districtId: route.districtId, orgPath: route.orgPath } } : {}),
          caseNumber, handedOverAt: receivedAt,
        };
        const open = i % 3 === 0;
        reports.push(report);
        nums.push({ _id: caseNumber, source: report._id, claimedAt: receivedAt, joined: [] });
        views.push({ _id: caseNumber, lastSequence: open ? 2 : 4, stage: open ? 'in-handling' : 'closed', level: 'community', unitId: route.communityId ?? null, route: null, visibleTo: route.orgPath ?? [], departments: [], updatedAt: receivedAt });
        if (open) for (const cell of openCaseCellsOf(report)) cells.set(cell, [...(cells.get(cell) ?? []), openCaseEntry(report, caseNumber)]);
      }
      await models.reports.collection.insertMany(reports, { ordered: false });
      await models.numbers.collection.insertMany(nums, { ordered: false });
      await models.views.collection.insertMany(views, { ordered: false });
    }
    // cells the measurement before already made get the seeded cases added; the rest are inserted in chunks
    const existing = new Set((await models.cells.collection.find({}, { projection: { _id: 1 } }).toArray()).map((c) => c._id));
    const cellDocs = [...cells].filter(([_id]) => !existing.has(_id)).map(([_id, cases]) => ({ _id, cases }));
    for (const [_id, cases] of cells) if (existing.has(_id)) await models.cells.collection.updateOne({ _id }, { $push: { cases: { $each: cases } } });
    for (let i = 0; i < cellDocs.length; i += CHUNK) await models.cells.collection.insertMany(cellDocs.slice(i, i + CHUNK), { ordered: false });
  }

  const rows = [];
  try {
    rows.push(...(await measure('0 stored', 1_000_000)));
    const seeded = await timed(() => seed(STORED, 0));
    console.log(`  seeded ${STORED} stored cases in ${seeded.seconds.toFixed(1)} s`);
    rows.push({ bench: `intake: seed ${STORED} stored cases (reports, numbers, views, open cells)`, count: STORED, seconds: seeded.seconds, rate: STORED / seeded.seconds, unit: 'cases/s', rssMb: Math.round(process.memoryUsage().rss / 1048576) });
    rows.push(...(await measure(`${STORED} stored`, 2_000_000)));
  } finally {
    await connection.close();
    await dropDatabases(MONGO_URL, prefix);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchIntakeCost();
  for (const r of rows) console.log([r.bench, r.count, r.seconds.toFixed(2), `${r.rate.toFixed(1)} ${r.unit}`, r.p50 ?? '', r.p95 ?? ''].join(' | '));
  process.exit(0);
}
