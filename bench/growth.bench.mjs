// Per-case cost as the store grows (issue 16, bench part 2): the whole system (the processes of `npm start`, as in
// the load part) under a steady open-loop load through the hotline API — call → case → dispatched → notification —
// measured with 0 stored cases, then again after the store was grown to 10,000, 100,000 and 200,000 cases
// (BENCH_GROWTH_SIZES). Per size: p50/p99 call → dispatched and → first notification, CPU-seconds per case per process.
//
// The stored cases are the system's own documents: the cases of the first phase (0 stored), which went through
// every service, are read back from every database of the run and copied in bulk (insertMany) under new call ids
// and case numbers of past days, so every collection the hot path touches grows with documents of exactly the
// shape the services wrote — hotline's calls and indexes, intake's reports, numbers, case views and open-case
// cells, casework's worklist, facts and timeline, notification's case facts, deliveries, inbox and SMS, every
// service's processed events. A document that names several first-phase cases (a user's inbox list, a dedup cell,
// a caller's calls) is a list: the copies' entries are appended to it. Work lists of what waits now (due work) are
// not copied: the copies' work is done.
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { root } from '../scripts/lib/run.mjs';
import { benchKafka, CallProbe, openLoopPhase, stages, summarise } from './calls.mjs';
import { windows, writeLoadChart } from './chart.mjs';
import { benchId, dropDatabases, percentile, require, timed } from './lib.mjs';
import { cpuSeconds, login, rssMbOf, serverPids, startSystem } from './system.mjs';

const SIZES = (process.env.BENCH_GROWTH_SIZES ?? '0,10000,100000,200000').split(',').map(Number);
const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;
const CASES_PER_DAY = 2_500; // the copies are numbered as past days' cases, about a busy district's day each
/** Collections of work still to do (the copies have none), not of stored cases. */
const NOT_COPIED = new Set(['due_work', 'dispatch_queue', 'unregistered_reports']);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/**
 * The share of copies that are still open cases (BENCH_GROWTH_OPEN_SHARE; a city's store is mostly history: ~10 %
 * open, as the statistics part seeds). The first phase's cases are all open (dispatched), so a copy counts as
 * closed by staying out of what holds open cases only — casework's worklists and its open-case board, intake's
 * open-case cells; its own documents are copied as they are. 1 copies every case as open (the worst case).
 */
const OPEN_SHARE = Number(process.env.BENCH_GROWTH_OPEN_SHARE ?? 0.1);
const OPEN_ONLY = new Set(['casework.case_lists', 'casework.case_open', 'intake.open_case_cells']);
const service = (db) => db.slice(db.indexOf('_') + 1);

export async function benchGrowth({ namespace, kafkaStatus, sizes = SIZES, rate = Number(process.env.BENCH_GROWTH_RATE ?? 1), seconds = Number(process.env.BENCH_GROWTH_SECONDS ?? 120), drainSeconds = 120 } = {}) {
  const runId = benchId('benchgrowth');
  const home = process.env.CIVICFLOW_HOME ?? join(root, '.civicflow');
  const logFile = join(home, 'logs', `${runId}.log`);
  mkdirSync(dirname(logFile), { recursive: true });
  console.log(`    the system's log: ${logFile}`);
  const system = await startSystem({ runId, namespace, env: { NOTIFICATION_QUIET_HOURS: 'off' }, log: (line) => appendFileSync(logFile, `${line}\n`) });
  const probe = await new CallProbe(benchKafka(`bench-growth-${runId}`), `bench-growth-probe-${runId}`).start();
  const { MongoClient } = require('mongodb');
  const mongo = await new MongoClient(process.env.MONGO_URL).connect();
  const rows = [];
  let next = 0;
  let stored = 0;
  let templates;
  try {
    const processes = [...system.processes, ...(await serverPids({ kafkaStatus }))];
    // a few calls first, unmeasured: connections, consumer groups and the JIT warm up (they stay, as stored cases)
    const warmup = await openLoopPhase({ urls: system.urls, token: await login(system.urls, 'operator'), probe, processes, cpuSeconds, rate, seconds: 15, drainSeconds, first: next });
    next += warmup.count;
    for (const size of sizes) {
      if (size > stored) {
        templates ??= await readTemplates(mongo, runId, probe);
        const { seconds: took, value: docs } = await timed(() => copyCases(mongo, templates, stored, size - stored));
        console.log(`    stored ${size} cases: ${size - stored} copied in ${took.toFixed(1)} s (${docs} documents, ${(docs / took).toFixed(0)} docs/s)`);
        rows.push({ bench: `growth: store grown from ${stored} to ${size} cases (${docs} documents in every service's collections)`, count: docs, seconds: took, rate: docs / took, unit: 'docs/s' });
        stored = size;
        await new Promise((r) => setTimeout(r, 10_000)); // let the server settle after the bulk writes
      }
      const load = () => require('node:os').loadavg().map((l) => l.toFixed(1)).join(' ');
      const loadBefore = load();
      const token = await login(system.urls, 'operator');
      const phase = await openLoopPhase({ urls: system.urls, token, probe, processes, cpuSeconds, rate, seconds, drainSeconds, first: next });
      next += phase.count;
      const { dispatched, notified, lastDone, cpuTotal, top } = summarise(phase);
      const perCase = cpuTotal / Math.max(1, dispatched.length);
      const byProcess = top(20).map((p) => `${p.name} ${(p.cpu / Math.max(1, dispatched.length)).toFixed(3)}`).join(', ');
      const label = `${size} stored (${size ? `${Math.round(OPEN_SHARE * 100)} % open` : 'none'}), ${rate} call/s × ${seconds} s (${dispatched.length} of ${phase.count} dispatched; load ${loadBefore} → ${load()})`;
      console.log(`    ${label}: call → dispatched p50 ${percentile(dispatched, 50)} p99 ${percentile(dispatched, 99)} ms, → notified p50 ${percentile(notified, 50)} p99 ${percentile(notified, 99)} ms; ${perCase.toFixed(3)} CPU-s per case (${byProcess})`);
      for (const s of stages(phase.calls, percentile)) console.log(`      ${s.name}: ${s.count} calls, p50 ${s.p50} p95 ${s.p95} p99 ${s.p99} max ${s.max} ms`);
      rows.push({
        bench: `growth ${label}: call → case.dispatched; ${perCase.toFixed(3)} CPU-s per case (${byProcess})`,
        count: dispatched.length, seconds: (lastDone - phase.startedAt) / 1000, rate: dispatched.length / ((lastDone - phase.startedAt) / 1000), unit: 'cases/s',
        p50: percentile(dispatched, 50), p95: percentile(dispatched, 95), p99: percentile(dispatched, 99), rssMb: processes.reduce((s, p) => s + (rssMbOf(p.pid) || 0), 0),
      });
      rows.push({
        bench: `growth ${size} stored: call → first notification delivered (${notified.length} of ${phase.count})`,
        count: notified.length, seconds: phase.wall, rate: notified.length / phase.wall, unit: 'notified/s',
        p50: percentile(notified, 50), p95: percentile(notified, 95), p99: percentile(notified, 99),
      });
      const png = join(home, 'reports', `${runId}-${size}.png`);
      mkdirSync(dirname(png), { recursive: true });
      writeLoadChart(png, windows(phase.calls, phase.startedAt), { title: `${rate} call/s through the hotline API with ${size.toLocaleString('en')} stored cases (load ${loadBefore})` });
      console.log(`    picture: ${png}`);
    }
    return rows;
  } finally {
    await mongo.close().catch(() => {});
    await probe.stop().catch(() => {});
    await system.stop();
    await dropDatabases(process.env.MONGO_URL, runId).catch((e) => console.warn(`  (could not drop the bench databases: ${e?.message})`));
  }
}

/**
 * The first phase's cases as the services stored them, from every database of the run: documents of one case
 * (copied whole, its keys replaced), entries of lists that name several (appended), and processed events.
 */
async function readTemplates(mongo, runId, probe) {
  const { EJSON } = require('mongodb').BSON;
  const cases = [...probe.calls.entries()].filter(([, c]) => c.caseNumber).map(([callId, c]) => ({ callId, caseNumber: c.caseNumber }));
  const perCase = []; // { db, collection, template, text }
  const lists = []; // { db, collection, _id, field, template, text }
  const processed = []; // { db, doc }
  const { databases } = await mongo.db('admin').admin().listDatabases({ nameOnly: true });
  for (const { name } of databases.filter((d) => d.name.startsWith(`${runId}_`))) {
    const db = mongo.db(name);
    for (const { name: collection } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      if (NOT_COPIED.has(collection) || collection.startsWith('system.')) continue;
      for (const doc of await db.collection(collection).find({}).toArray()) {
        const text = EJSON.stringify(doc, { relaxed: false });
        const named = cases.map((c, i) => (text.includes(c.caseNumber) || text.includes(c.callId) ? i : -1)).filter((i) => i >= 0);
        // a consumer's receipt of an event that names no case (a call's event, by its own id): copied per case below
        if (collection === 'processed_events' && named.length === 0) processed.push({ db: name, doc });
        if (named.length === 0) continue;
        const id = typeof doc._id === 'string' ? doc._id : '';
        const ownId = named.length === 1 && (typeof doc._id !== 'string' || UUID.test(id) || id.includes(cases[named[0]].caseNumber) || id.includes(cases[named[0]].callId));
        if (ownId) {
          perCase.push({ db: name, collection, template: named[0], text });
          continue;
        }
        for (const [field, value] of Object.entries(doc)) {
          if (!Array.isArray(value)) continue;
          for (const element of value) {
            const elementText = EJSON.stringify(element, { relaxed: false });
            const template = cases.findIndex((c) => elementText.includes(c.caseNumber) || elementText.includes(c.callId));
            if (template >= 0) lists.push({ db: name, collection, _id: doc._id, field, template, text: elementText });
          }
        }
      }
    }
  }
  const kinds = new Set(perCase.map((d) => `${d.db.slice(runId.length + 1)}.${d.collection}`));
  const listKinds = new Set(lists.map((d) => `${d.db.slice(runId.length + 1)}.${d.collection}.${d.field}`));
  console.log(`    templates: ${cases.length} cases; ${perCase.length} documents of one case (${[...kinds].sort().join(', ')}); ${lists.length} list entries (${[...listKinds].sort().join(', ')}); ${processed.length} processed events`);
  return { cases, perCase, lists, processed };
}

/** A past day's case number for the k-th copy (never today's, so the live counter never meets one). */
function copyNumber(k) {
  const day = new Date(Math.floor((Date.now() + CHINA) / DAY) * DAY - (1 + Math.floor(k / CASES_PER_DAY)) * DAY).toISOString().slice(0, 10).replaceAll('-', '');
  return `${day}-${String((k % CASES_PER_DAY) + 1).padStart(6, '0')}`;
}

/** Copies `count` cases (the k-th copies template k mod T), in chunks, with insertMany; returns the documents written. */
async function copyCases(mongo, templates, from, count, chunk = 2_000) {
  const { EJSON, ObjectId } = require('mongodb').BSON;
  const { cases, perCase, lists, processed } = templates;
  const groupBy = (items) => items.reduce((m, d) => m.set(d.template, [...(m.get(d.template) ?? []), d]), new Map());
  const byTemplate = groupBy(perCase);
  const listsByTemplate = groupBy(lists);
  const perRound = processed.length / Math.max(1, cases.length); // processed events per case
  let written = 0;
  let failed = 0;
  let firstError;
  for (let start = from; start < from + count; start += chunk) {
    const batches = new Map(); // `${db}\u0000${collection}` → docs
    const pushes = new Map(); // `${db}\u0000${collection}\u0000${_id as EJSON}\u0000${field}` → elements
    const add = (map, key, value) => (map.get(key) ?? map.set(key, []).get(key)).push(value);
    for (let k = start; k < Math.min(from + count, start + chunk); k++) {
      const template = cases[k % cases.length];
      const callId = randomUUID();
      const caseNumber = copyNumber(k);
      const renamed = (text) => text.replaceAll(template.caseNumber, caseNumber).replaceAll(template.callId, callId);
      const open = (k % 1000) < OPEN_SHARE * 1000;
      // a closed copy keeps its own documents (in case_lists: its timeline) and stays out of the open-case lists
      const copied = (d) => open || !OPEN_ONLY.has(`${service(d.db)}.${d.collection}`) || (d._id === undefined && d.collection === 'case_lists');
      for (const d of (byTemplate.get(k % cases.length) ?? []).filter(copied)) {
        const copy = EJSON.parse(renamed(d.text), { relaxed: false });
        if (EJSON.stringify(copy._id) === EJSON.stringify(EJSON.parse(d.text, { relaxed: false })._id)) {
          copy._id = typeof copy._id === 'string' ? copy._id.replace(UUID, () => randomUUID()) : new ObjectId();
        }
        add(batches, `${d.db}\u0000${d.collection}`, copy);
      }
      for (const e of (listsByTemplate.get(k % cases.length) ?? []).filter(copied)) {
        add(pushes, `${e.db}\u0000${e.collection}\u0000${EJSON.stringify(e._id, { relaxed: false })}\u0000${e.field}`, EJSON.parse(renamed(e.text), { relaxed: false }));
      }
      // this case's share of processed events (an event id per consumer and event)
      for (let p = Math.floor(k * perRound); p < Math.floor((k + 1) * perRound); p++) {
        const { db, doc } = processed[p % processed.length];
        const id = String(doc._id);
        add(batches, `${db}\u0000processed_events`, { ...doc, _id: UUID.test(id) ? id.replace(UUID, () => randomUUID()) : `${id}~${k}` });
      }
    }
    // one writer per database at a time, the databases side by side (each is a file of its own on FerretDB/SQLite)
    const byDb = [...batches].reduce((m, [key, docs]) => m.set(key.split('\u0000')[0], [...(m.get(key.split('\u0000')[0]) ?? []), [key.split('\u0000')[1], docs]]), new Map());
    await Promise.all([...byDb].map(async ([db, collections]) => {
      for (const [collection, docs] of collections) {
        try {
          written += (await mongo.db(db).collection(collection).insertMany(docs, { ordered: false })).insertedCount;
        } catch (error) {
          written += error.result?.insertedCount ?? 0;
          failed += docs.length - (error.result?.insertedCount ?? 0);
          firstError ??= `${collection}: ${error.message}`;
        }
      }
    }));
    for (const [key, elements] of pushes) {
      const [db, collection, id, field] = key.split('\u0000');
      await mongo.db(db).collection(collection).updateOne({ _id: EJSON.parse(id, { relaxed: false }) }, { $push: { [field]: { $each: elements } } });
      written += elements.length;
    }
  }
  if (failed) console.log(`    (${failed} copies refused; first: ${firstError})`);
  return written;
}
