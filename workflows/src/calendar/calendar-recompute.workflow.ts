import { proxyActivities, sleep } from '@temporalio/workflow';
import type { CalendarRecomputeActivities } from './calendar-recompute.activities';
import type { CalendarRecomputeInput, CalendarRecomputeResult } from './calendar-recompute.contract';

const { signalCasesUsingYear } = proxyActivities<CalendarRecomputeActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  // signals are idempotent (a case ignores a version it has), so a retried pass only repeats harmless work
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

/** Twice the worker's calendar refresh interval (60 s): by then every worker has the new version. */
const DEFAULT_SECOND_PASS_MS = 2 * 60_000;

/**
 * 时限重算 fan-out, one per calendar version (id calendar-recompute-v<version>): tells every running case whose
 * clocks use the changed year to recompute (calendarChanged signal), found by a visibility query on their
 * CalendarYears search attribute. A durable workflow rather than a loop in a consumer, so a crash halfway through
 * thousands of cases resumes where it was. A second pass a little later catches a case that started while a
 * worker still held the previous version (it read the calendar before the change reached it).
 */
export async function calendarRecomputeWorkflow(input: CalendarRecomputeInput): Promise<CalendarRecomputeResult> {
  const change = { year: input.year, version: input.version };
  const first = await signalCasesUsingYear(change);
  await sleep(input.secondPassAfterMs ?? DEFAULT_SECOND_PASS_MS);
  const second = await signalCasesUsingYear(change);
  return { ...change, signalled: [first, second] };
}
