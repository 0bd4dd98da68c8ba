// The supervisor's figures at scale: 100,000 realistic case facts (BENCH_STATISTICS_CASES) (and the worklist documents of the same cases)
// seeded straight into a fresh casework database, then the statistics API of the real casework app (in this
// process, with a grid app for unit names) timed over HTTP: summary, ranking, trend, drill-down, breach board.
// "The console must stay fast with tens of thousands of cases": a supervisor's page wants < 1 s.
import { benchId, config, dropDatabases, platform, prng, require, sampleLatency, timed, withPeakRss } from './lib.mjs';

const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;

function pick(rand, weighted) {
  let r = rand() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted[weighted.length - 1][0];
}

const chinaDay = (ms) => new Date(ms + CHINA).toISOString().slice(0, 10);
const minutes = (n) => n * 60_000;

/**
 * `count` cases registered over the last `days` days in the demo city: busier communities and office hours,
 * categories of the 12345 taxonomy, and outcomes that depend on the case's age (old cases mostly resolved, called
 * back and closed; recent ones still in handling; a few stuck and overdue). Returns the case_facts documents and
 * the case_worklist (read model) documents of the same cases, in registration order.
 */
export function seedCases({ count = 20_000, days = 90, now = Date.now(), seed = 12345 } = {}) {
  const rand = prng(seed);
  const { demoCity } = require('@civicflow/grid');
  const { defaultTaxonomy } = require('@civicflow/domain');
  const city = demoCity();
  const parentOf = new Map(city.units.map((u) => [u.id, u.parentId]));
  const departments = city.units.filter((u) => u.kind === 'department').map((u) => u.id);
  const gridsOf = new Map();
  for (const f of city.grids.features) gridsOf.set(f.properties.communityId, [...(gridsOf.get(f.properties.communityId) ?? []), f.properties.id]);
  // some communities are much busier than others (old town, markets), so rankings have a spread
  const communities = city.units.filter((u) => u.kind === 'community').map((u, i) => [u.id, 1 / (1 + ((i * 7) % 11))]);
  const taxonomy = defaultTaxonomy();
  const majors = taxonomy.taxonomy.majors.map((m) => m.code);
  const minors = majors.flatMap((code) => taxonomy.minorsOf(code).map((m) => m.code));
  // a handful of categories (street lights, roads, noise, property, sanitation) carry most calls
  const categories = minors.map((code, i) => [code, i % 17 === 0 ? 12 : i % 5 === 0 ? 3 : 1]);

  const registered = Array.from({ length: count }, () => {
    const day = Math.floor(rand() * days);
    const hour = pick(rand, [[7, 1], [8, 4], [9, 8], [10, 9], [11, 8], [12, 4], [13, 5], [14, 8], [15, 8], [16, 7], [17, 5], [18, 3], [19, 2], [20, 2], [21, 1], [23, 0.5], [2, 0.3]]);
    const startOfDay = Math.floor((now + CHINA) / DAY) * DAY - CHINA - day * DAY;
    return Math.min(now - minutes(5), startOfDay + hour * 3_600_000 + Math.floor(rand() * 3_600_000));
  }).sort((a, b) => a - b);

  const perDay = new Map();
  const facts = [];
  const worklist = [];
  for (const at of registered) {
    const dayKey = chinaDay(at);
    const seq = (perDay.get(dayKey) ?? 0) + 1;
    perDay.set(dayKey, seq);
    const caseNumber = `${dayKey.replaceAll('-', '')}-${String(seq).padStart(6, '0')}`;
    const communityId = pick(rand, communities);
    const grids = gridsOf.get(communityId);
    const gridId = grids[Math.floor(rand() * grids.length)];
    const streetId = parentOf.get(communityId);
    const districtId = parentOf.get(streetId);
    const orgPath = ['bf', districtId, streetId, communityId, gridId];
    const ageH = (now - at) / 3_600_000;
    const registeredAt = new Date(at);
    const fact = {
      _id: caseNumber, revision: 1, lastSequence: 0, registeredAt,
      channel: pick(rand, [['hotline', 60], ['app', 25], ['patrol', 10], ['open311', 5]]),
      requestType: pick(rand, [['complaint', 45], ['help', 25], ['inquiry', 15], ['suggestion', 10], ['tip-off', 5]]),
      categoryCode: pick(rand, categories), priority: pick(rand, [['normal', 80], ['high', 12], ['urgent', 5], ['low', 3]]),
      districtId, streetId, communityId, gridId, orgPath: [...orgPath], stage: 'registered', level: null, currentUnit: null,
      dispatchedAt: null, acceptanceDeadline: null, acceptedAt: null, responded: false, respondedOnTime: false, resolved: false, resolvedAt: null,
      resolvedOnTime: false, closedAt: null, closureReason: null, everBreached: false, breachedWindows: [], handlingBreached: false, escalated: false,
      departmentIds: [], returnedCount: 0, reopenedCount: 0, callbackReached: null, satisfaction: null, merged: false, updatedAt: registeredAt,
    };
    let sla = null;
    let seqNo = 0;
    const event = () => ++seqNo;
    const r = rand();
    if (r < 0.03) {
      // a duplicate merged into its master: lives on in the master, left out of the figures
      Object.assign(fact, { stage: 'merged', merged: true, lastSequence: event() });
    } else if (r < 0.15 && fact.channel === 'hotline') {
      // 一次办结: answered by the operator at intake
      Object.assign(fact, { stage: 'closed', closedAt: registeredAt, closureReason: 'direct-answer', responded: true, respondedOnTime: true, acceptedAt: registeredAt, resolved: true, resolvedAt: registeredAt, resolvedOnTime: true });
    } else {
      const dispatchedAt = Math.min(now, at + minutes(5 + rand() * 55));
      const acceptanceDeadline = dispatchedAt + 2 * 3_600_000;
      Object.assign(fact, { stage: 'dispatched', level: 'community', currentUnit: communityId, dispatchedAt: new Date(dispatchedAt), acceptanceDeadline: new Date(acceptanceDeadline), lastSequence: event() });
      sla = { window: 'acceptance', startedAt: new Date(dispatchedAt).toISOString(), status: 'on-track', paused: false, deadline: new Date(acceptanceDeadline).toISOString(), warningAt: null };
      if (rand() < 0.05) {
        fact.returnedCount = 1;
        event();
      }
      const acceptedAt = dispatchedAt + minutes(rand() < 0.85 ? rand() * 110 : 120 + rand() * 600);
      if (acceptedAt < now && rand() < 0.97) {
        if (acceptedAt > acceptanceDeadline) {
          fact.everBreached = true;
          fact.breachedWindows.push('acceptance');
        }
        Object.assign(fact, { stage: 'in-handling', responded: true, respondedOnTime: acceptedAt <= acceptanceDeadline, acceptedAt: new Date(acceptedAt), lastSequence: event() });
        let deadline = acceptedAt + 3 * DAY;
        sla = { window: 'community-handling', startedAt: new Date(acceptedAt).toISOString(), status: 'on-track', paused: false, deadline: new Date(deadline).toISOString(), warningAt: null };
        if (rand() < 0.1) {
          // the community could not solve it: up to the street, sometimes the street summons departments (吹哨报到)
          fact.escalated = true;
          fact.level = 'street';
          fact.currentUnit = streetId;
          fact.orgPath.includes(streetId) || fact.orgPath.push(streetId);
          if (rand() < 0.4) {
            fact.everBreached = true;
            fact.handlingBreached = true;
            fact.breachedWindows.push('community-handling');
          }
          if (rand() < 0.5) {
            fact.level = 'department';
            fact.departmentIds.push(departments[Math.floor(rand() * departments.length)]);
          }
          deadline = acceptedAt + 8 * DAY;
          sla = { ...sla, window: 'street-handling', deadline: new Date(deadline).toISOString() };
          fact.lastSequence = event();
        }
        const pResolved = ageH > 240 ? 0.96 : ageH > 72 ? 0.8 : ageH > 24 ? 0.5 : 0.15;
        const resolvedAt = Math.min(now - minutes(1), acceptedAt + rand() * 2.5 * DAY);
        if (rand() < pResolved && resolvedAt > acceptedAt) {
          if (resolvedAt > deadline && !fact.handlingBreached) {
            fact.everBreached = true;
            fact.handlingBreached = true;
            fact.breachedWindows.push(sla.window);
          }
          Object.assign(fact, { stage: 'resolved', resolved: true, resolvedAt: new Date(resolvedAt), resolvedOnTime: !fact.handlingBreached, lastSequence: event() });
          sla = { window: 'callback', startedAt: new Date(resolvedAt).toISOString(), status: 'on-track', paused: false, deadline: new Date(resolvedAt + 2 * DAY).toISOString(), warningAt: null };
          if (now - resolvedAt > DAY && rand() < 0.92) {
            const satisfaction = pick(rand, [['satisfied', 78], ['basically-satisfied', 10], ['unsatisfied', 5], ['unreached', 7]]);
            Object.assign(fact, { stage: 'called-back', callbackReached: satisfaction !== 'unreached', satisfaction, lastSequence: event() });
            if (satisfaction === 'unsatisfied' && rand() < 0.5) {
              // 重办: back to handling, resolved again later (or still open)
              Object.assign(fact, { reopenedCount: 1, resolved: false, resolvedOnTime: false, stage: 'in-handling', lastSequence: event() });
              sla = { window: 'street-handling', startedAt: new Date(resolvedAt + DAY).toISOString(), status: 'on-track', paused: false, deadline: new Date(resolvedAt + 4 * DAY).toISOString(), warningAt: null };
            } else {
              Object.assign(fact, { stage: 'closed', closedAt: new Date(resolvedAt + DAY), closureReason: 'callback-completed', lastSequence: event() });
              sla = null;
            }
          }
        }
      }
      // a window still running that has run out: the workflow marked it breached
      if (sla && sla.window !== 'callback' && new Date(sla.deadline).getTime() < now && !['closed', 'resolved', 'called-back'].includes(fact.stage)) {
        fact.everBreached = true;
        sla = { ...sla, status: 'breached' };
        if (!fact.breachedWindows.includes(sla.window)) fact.breachedWindows.push(sla.window);
        if (sla.window !== 'acceptance' && !fact.resolved) fact.handlingBreached = true;
      }
    }
    fact.updatedAt = new Date(Math.min(now, at + seqNo * 3_600_000));
    facts.push(fact);
    const open = ['registered', 'awaiting-dispatch', 'dispatched', 'returned', 'in-handling', 'suspended'].includes(fact.stage);
    worklist.push({
      _id: caseNumber, revision: 1, lastSequence: fact.lastSequence, stage: fact.stage, level: fact.level, currentUnit: fact.currentUnit,
      streetId, communityId, orgPath: fact.orgPath, categoryCode: fact.categoryCode, priority: fact.priority, open,
      breached: fact.everBreached, awaitingCallback: fact.stage === 'resolved', sla,
      deadline: sla?.deadline && !sla.paused ? new Date(sla.deadline) : new Date('9999-12-31T00:00:00.000Z'),
      departments: fact.departmentIds, pendingDepartments: open ? fact.departmentIds : [],
      registeredAt: registeredAt.toISOString(), updatedAt: fact.updatedAt.toISOString(),
    });
  }
  return { facts, worklist };
}

export async function benchStatistics({ cases = 100_000, days = 90, chunk = 2_000 } = {}) {
  const runId = benchId('benchstats');
  const env = {
    ...process.env, LOG_LEVEL: 'error', MONGO_DB_PREFIX: runId, CASEWORK_CONSUMER_GROUP: `casework-${runId}`, GRID_CONSUMER_GROUP: `grid-${runId}`,
    KAFKA_FROM_BEGINNING: 'false', GRID_SEED_DEMO: 'true', GRID_REFRESH_INTERVAL_MS: '0',
  };
  const base = config(env);
  const grid = require('@civicflow/grid');
  const casework = require('@civicflow/casework');
  const { bearerFor } = require('@civicflow/testing');
  const { MongoClient } = require('mongodb');
  const closing = [];
  const rows = [];
  try {
    // grid first (unit names over HTTP, as in production), then casework pointed at it; both on fresh databases
    const gridApp = await grid.createGridApp(grid.gridConfigSchema.parse(env));
    closing.push(() => gridApp.close());
    await gridApp.listen(0, '127.0.0.1');

    // seed a fresh casework database in chunks (FerretDB v1 is slow with big batches), as an upgraded deployment
    // finds it: the app then builds its statistics buckets from these facts when it starts (the backfill)
    const now = Date.now();
    const { facts, worklist } = seedCases({ count: cases, days, now });
    const mongo = await new MongoClient(base.MONGO_URL).connect();
    closing.push(() => mongo.close());
    const db = mongo.db(`${runId}_casework`);
    const { seconds: seedSeconds, peakMb: seedRss } = await withPeakRss(async () => (await timed(async () => {
      for (let i = 0; i < facts.length; i += chunk) {
        await db.collection('case_facts').insertMany(facts.slice(i, i + chunk), { ordered: false });
        await db.collection('case_worklist').insertMany(worklist.slice(i, i + chunk), { ordered: false });
      }
    })).seconds).then(({ value, peakMb }) => ({ seconds: value, peakMb }));
    const open = worklist.filter((w) => w.open).length;
    rows.push({ bench: `statistics: seed ${cases} case facts + worklist docs over ${days} days (${open} open)`, count: cases * 2, seconds: seedSeconds, rate: (cases * 2) / seedSeconds, unit: 'docs/s', rssMb: seedRss });

    const { value: started, peakMb: startRss } = await withPeakRss(() => timed(async () => {
      const app = await casework.createCaseworkApp(casework.caseworkConfigSchema.parse({ ...env, GRID_URL: await gridApp.getUrl() }));
      closing.push(() => app.close());
      await app.listen(0, '127.0.0.1');
      // the figures wait for the backfill: the first answer marks its end
      const token = await bearerFor('supervisor', 'bf', 'supervisor-bench');
      const res = await fetch(`${await app.getUrl()}/api/v1/statistics/summary?groupBy=street`, { headers: { authorization: token } });
      if (res.status !== 200) throw new Error(`first summary after the backfill: ${res.status} ${(await res.text()).slice(0, 300)}`);
      return app;
    }));
    const caseworkApp = started.value;
    const url = await caseworkApp.getUrl();
    rows.push({ bench: `statistics: casework start with the one-time backfill of ${cases} facts`, count: cases, seconds: started.seconds, rate: cases / started.seconds, unit: 'facts/s', rssMb: startRss });

    const authorization = await bearerFor('supervisor', 'bf', 'supervisor-bench');
    const streetUser = await bearerFor('street-coordinator', 'bf-d01-s01', 'street-bench');
    const today = chinaDay(now);
    const from = (n) => chinaDay(now - (n - 1) * DAY);
    const get = (token) => async (path) => {
      const res = await fetch(`${url}/api/v1/statistics/${path}`, { headers: { authorization: token } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 300)}`);
      return JSON.parse(body);
    };
    const asSupervisor = get(authorization);
    // the seven pages of the supervisor's console; on FerretDB v1 each request scans whole collections (seconds),
    // so a slow endpoint gets one sample (the table's count says how many) and the part stays around two minutes
    const endpoints = [
      ['summary by street, 30 days', `summary?from=${from(30)}&to=${today}&groupBy=street`],
      ['summary by street, 90 days', `summary?from=${from(90)}&to=${today}&groupBy=street`],
      ['ranking of streets by resolution rate, 30 days', `ranking?from=${from(30)}&to=${today}&groupBy=street&metric=resolutionRate`],
      // 考核: the composite under the scoring policy, with 环比 (reads the period before too)
      ['ranking of streets by the composite, 30 days', `ranking?from=${from(30)}&to=${today}&groupBy=street&metric=composite`],
      ['ranking of communities by the composite, 30 days', `ranking?from=${from(30)}&to=${today}&groupBy=community&metric=composite`],
      ['ranking of departments by 报到率, 30 days', `ranking?from=${from(30)}&to=${today}&groupBy=department&metric=respondedOnTimeRate`],
      ['trend by day, 90 days', `trend?from=${from(90)}&to=${today}&interval=day`],
      ['drill-down, 30 days, page 1 of 20', `cases?from=${from(30)}&to=${today}&metric=cases&page=1&pageSize=20`],
      ['drill-down, 30 days, page 50 of 20', `cases?from=${from(30)}&to=${today}&metric=cases&page=50&pageSize=20`],
      ['breach board (open cases past their deadline)', 'breaches'],
    ];
    if (process.env.BENCH_STATISTICS_STREET_USER === '1') {
      endpoints.push(['summary by community, 30 days, street user (orgPath scope)', `summary?from=${from(30)}&to=${today}&groupBy=community`, get(streetUser)]);
    }
    for (const [name, path, as = asSupervisor] of endpoints) {
      let last;
      const row = await sampleLatency(`statistics: ${name}`, async () => (last = await as(path)), { samples: 20, minSamples: 1, budgetMs: 5_000, warmup: 0 });
      const what = last?.total?.cases !== undefined ? `${last.total.cases} cases, ${last.groups.length} groups`
        : Array.isArray(last) ? `${last.length} points` : last?.items ? `${last.items.length} of ${last.total} rows` : last ? Object.keys(last).join(', ') : '';
      console.log(`    ${name}: p50 ${row.p50} ms, p95 ${row.p95} ms (${row.count} requests; ${what})`);
      rows.push(row);
    }
    // where the time goes: the store's plan for the period filter, and what a point read by _id costs
    const plan = await db.command({ explain: { find: 'case_facts', filter: { merged: false, registeredAt: { $gte: new Date(now - 30 * DAY), $lt: new Date(now) } } } });
    console.log(`    store plan of the period filter: ${JSON.stringify(plan.queryPlanner?.Plan ?? plan.queryPlanner?.winningPlan ?? plan.queryPlanner)}${'filterPushdown' in plan ? `, filterPushdown ${plan.filterPushdown}` : ''}`);
    const sampleIds = facts.filter((_, i) => i % 997 === 0).map((f) => f._id);
    let k = 0;
    rows.push(await sampleLatency('statistics: store read of one case fact by _id (for comparison)', () => db.collection('case_facts').findOne({ _id: sampleIds[k++ % sampleIds.length] }), { samples: 20, budgetMs: 3_000 }));
    return rows;
  } finally {
    for (const close of closing.reverse()) await close().catch((e) => console.warn(`  (closing: ${e?.message})`));
    await dropDatabases(base.MONGO_URL, runId).catch((e) => console.warn(`  (could not drop the bench databases: ${e?.message})`));
  }
}
