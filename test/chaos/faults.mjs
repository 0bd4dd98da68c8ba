// The fault driver: one at a time, at random moments, SIGKILLs a process of the system (each service, the console,
// the worker — every replica) or a server (Kafka, Temporal, the MongoDB-protocol server), as a crash or a lost
// machine would, and brings it back: a process is started again by the system's supervisor, a server by the
// launcher. Every target is hit once before any is hit again, in a shuffled order.
//
// Or, for a run that must be the same every time (the one inside `npm test`): a fixed list of targets, the next one
// hit once the load has had `everyCalls` more calls accepted — bound by counts, never by the clock, so a slow machine
// gets the same faults at the same points of the load, only later.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SERVERS = ['kafka', 'temporal', 'ferretdb'];

export class FaultDriver {
  /** what was killed, when, and how long it took to come back */
  kills = [];

  constructor({ system, launcherScript, everyMs, random, log, readyUrlOf, schedule }) {
    /** { targets: string[], everyCalls: number, accepted: () => number } — the counted schedule, instead of `everyMs` */
    this.schedule = schedule;
    this.system = system;
    /** member → its readiness URL: a fault waits until the killed process serves again (one fault at a time) */
    this.readyUrlOf = readyUrlOf;
    this.launcherScript = launcherScript;
    this.everyMs = everyMs;
    this.random = random;
    this.log = log;
    this.running = false;
  }

  targets() {
    return [...this.system.members.map((m) => m.process.name), ...SERVERS];
  }

  async start() {
    this.running = true;
    if (this.schedule) {
      const { targets, everyCalls, accepted } = this.schedule;
      const unknown = targets.filter((t) => !this.targets().includes(t));
      if (unknown.length) throw new Error(`no such fault target: ${unknown.join(', ')} (known: ${this.targets().join(', ')})`);
      this.done = (async () => {
        for (const [i, target] of targets.entries()) {
          // the load over (stop()), the faults not yet due are hit one after another: every run hits them all
          while (this.running && accepted() < everyCalls * (i + 1)) await sleep(200);
          await this.hit(target);
        }
      })();
      return;
    }
    this.done = (async () => {
      let order = [];
      while (this.running) {
        await sleep(this.everyMs / 2 + this.random() * this.everyMs);
        if (!this.running) break;
        if (order.length === 0) order = shuffle(this.targets(), this.random);
        await this.hit(order.shift());
      }
    })();
  }

  async hit(target) {
    const started = Date.now();
    if (SERVERS.includes(target)) {
      await this.infra('kill', target);
      await sleep(1_000 + this.random() * 4_000);
      await this.infra('up', target);
    } else {
      const member = this.system.members.find((m) => m.process.name === target);
      const before = member.child;
      if (before.exitCode === null && before.signalCode === null) before.kill('SIGKILL');
      // the supervisor starts it again; wait for the new process, and for it to be ready, before the next fault
      while (member.child === before) await sleep(200);
      const url = this.readyUrlOf?.(member);
      for (const until = Date.now() + 300_000; url && Date.now() < until; await sleep(1_000)) {
        if (await fetch(url, { signal: AbortSignal.timeout(5_000) }).then((res) => res.ok, () => false)) break;
      }
    }
    this.kills.push({ target, at: new Date(started).toISOString(), backAfterMs: Date.now() - started });
    this.log(`chaos: killed ${target}, back after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  async infra(...args) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run(process.execPath, [this.launcherScript, ...args], { env: process.env, timeout: 300_000 });
      } catch (error) {
        if (attempt >= 5) throw error;
        this.log(`chaos: infra ${args.join(' ')} failed (${error.message.split('\n')[0]}), again`);
        await sleep(2_000);
      }
    }
  }

  /** Time-driven: stops after the fault in hand. Counted: waits until every scheduled fault was hit. */
  async stop() {
    this.running = false;
    await this.done;
  }
}

function shuffle(list, random) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
