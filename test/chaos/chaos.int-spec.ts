// The small chaos run inside `npm test`: `npm run chaos` (the whole system, compiled, as processes, on the real
// servers) at a scale this suite affords, with a fixed kill set — a service, the case worker, Kafka, Temporal and
// FerretDB, each SIGKILLed once and brought back under load — and the same reconciliation as the full run: any call
// without its case, any case twice, any event doubled or skipped, any projection or notification off, any dead
// letter fails it. Deterministic by counts: the k-th fault comes once k·N calls were accepted (never at a moment on
// the clock), the run waits until every case has its outcome, and it is judged on counts alone.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownsInfrastructure } from '@civicflow/testing';

const ROOT = join(__dirname, '../..');
/** each kind of fault once: a service (the hotline: its API, its outbox), the worker, and every server */
const FAULTS = ['hotline', 'case-worker', 'kafka', 'temporal', 'ferretdb'];
const CALLS = 30;
const FAULT_EVERY_CALLS = 5;

interface ChaosReport {
  counts: Record<string, number>;
  failed: string[];
  problems: unknown[];
  deadLetterReasons: Record<string, number>;
  refusals: Record<string, number>;
  run: { kills: { target: string }[]; minutes: number; load: { accepted: number; commands: number; refused: number } };
}

/** Runs `npm run chaos` with these options; resolves with its exit code, its report and the tail of its output. */
function runChaos(args: string[]): Promise<{ code: number | null; report?: ChaosReport; output: string }> {
  const json = join(mkdtempSync(join(tmpdir(), 'civicflow-chaos-test-')), 'report.json');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'test/chaos/chaos.mjs'), ...args, '--json', json], { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('exit', (code) => {
      let report: ChaosReport | undefined;
      try {
        report = JSON.parse(readFileSync(json, 'utf8')) as ChaosReport;
      } catch {
        // no report: the run failed before reconciling (its output says why)
      }
      resolve({ code, report, output });
    });
  });
}

(ownsInfrastructure ? describe : describe.skip)('npm run chaos, small: every kind of fault once under load', () => {
  it('loses nothing and doubles nothing while a service, the worker, Kafka, Temporal and FerretDB are each killed', async () => {
    const { code, report, output } = await runChaos([
      '--calls', String(CALLS), '--rate', '1', '--replicas', '1',
      '--faults', FAULTS.join(','), '--fault-every-calls', String(FAULT_EVERY_CALLS),
      '--acceptance-minutes', '1', '--settle-minutes', '4', '--seed', '17',
    ]);
    if (!report) throw new Error(`the chaos run ended (${code}) without a report:\n${output}`);
    console.log(`chaos in npm test: ${report.run.minutes} min, ${JSON.stringify(report.run.load)}, faults ${report.run.kills.map((k) => k.target).join(', ')}\n${JSON.stringify(report.counts)}\nrefused: ${JSON.stringify(report.refusals)}`);
    // every fault of the set happened, in its order
    expect(report.run.kills.map((k) => k.target)).toEqual(FAULTS);
    expect({ failed: report.failed, problems: report.problems }).toEqual({ failed: [], problems: [] });
    expect(report.counts).toMatchObject({
      accepted: CALLS, cases: CALLS, missing: 0, duplicated: 0, workflows: CALLS, workflowsMissing: 0, wrongState: 0,
      eventGaps: 0, eventsDoubled: 0, appliedTwiceOrMissed: 0, smsDoubled: 0, smsMissing: 0, inboxDoubled: 0, inboxMissing: 0,
      // a dead letter in a run of good input and faults alone is a message the system gave up on
      deadLettered: 0, deadLetteredTwice: 0,
    });
    expect(code).toBe(0);
  }, 10 * 60_000);
});
