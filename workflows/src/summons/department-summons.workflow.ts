import { condition, getExternalWorkflowHandle, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { CaseLevelKey, CaseStageKey, CurrentUnitKey, SlaDeadlineKey, StreetIdKey } from '../case/case-search-attributes';
import {
  type DepartmentSummonsInput,
  type DepartmentSummonsResult,
  type SummonsChange,
  summonsChangedSignal,
  summonsSlaReachedSignal,
  type SummonsSlaReport,
  type SummonsState,
  summonsStatusQuery,
} from './department-summons.contract';

const ENDED = new Set(['answered', 'released', 'withdrawn']);

/**
 * One department's summons (吹哨/报到), a child of the case workflow with id `<caseNumber>:summons:<dept>:<n>`.
 *
 * The case workflow owns the decisions: department commands (reportIn, refuse, answer) are Updates on the
 * CASE workflow, validated against the whole case (a suspended case refuses them), and the case workflow
 * tells this one what changed (`summonsChanged`). This workflow owns the department's timers: it sleeps until
 * the warning and breach instants of the department's running window (report-in, then answer) and reports
 * each to the case workflow (`summonsSlaReached`), which publishes the event and issues 督办 on a breach. It
 * also makes the summons visible on its own (CurrentUnit = the department, CaseLevel = department), so a
 * department's liaison can list what it owes. It ends when the department has answered, was released, or
 * the case ended. Started with ParentClosePolicy ABANDON so the case's continue-as-new does not end it; it
 * signals the case by workflow id (the latest run).
 */
export async function departmentSummonsWorkflow(input: DepartmentSummonsInput): Promise<DepartmentSummonsResult> {
  const caseWorkflowId = workflowInfo().parent?.workflowId ?? input.caseNumber;
  let current: SummonsChange = { status: input.status, clock: input.clock };
  let version = 0;
  const reported = new Set<string>();

  setHandler(summonsChangedSignal, (change) => {
    current = change;
    version++;
  });
  setHandler(summonsStatusQuery, (): SummonsState => ({
    summonsId: input.summonsId,
    caseNumber: input.caseNumber,
    departmentId: input.departmentId,
    n: input.n,
    status: current.status,
    clock: current.clock,
    reported: [...reported],
  }));

  let shownDeadline: number | null | undefined;
  let shownStatus: string | undefined;
  const show = () => {
    const deadline = current.clock && !current.clock.paused ? current.clock.breachAt : null;
    if (shownStatus === current.status && shownDeadline === deadline) return;
    upsertSearchAttributes([
      ...(shownStatus === undefined
        ? [
            { key: CaseLevelKey, value: 'department' },
            { key: CurrentUnitKey, value: input.departmentId },
            { key: StreetIdKey, value: input.streetId ?? null },
          ]
        : []),
      { key: CaseStageKey, value: current.status },
      { key: SlaDeadlineKey, value: deadline === null ? null : new Date(deadline) },
    ]);
    shownStatus = current.status;
    shownDeadline = deadline;
  };

  while (!ENDED.has(current.status)) {
    show();
    const next = nextInstant(current, reported);
    const now = Date.now();
    if (next && next.at <= now) {
      reported.add(reportKey(next));
      const delivered = await report({ departmentId: input.departmentId, n: input.n, identity: next.identity, kind: next.kind, at: now });
      if (!delivered) current = { status: 'withdrawn', clock: null }; // the case is gone
      continue;
    }
    const seen = version;
    if (next) await condition(() => version !== seen, next.at - now);
    else await condition(() => version !== seen);
  }
  show();
  return { summonsId: input.summonsId, departmentId: input.departmentId, outcome: current.status as DepartmentSummonsResult['outcome'], endedAt: new Date(Date.now()).toISOString() };

  async function report(payload: SummonsSlaReport): Promise<boolean> {
    try {
      await getExternalWorkflowHandle(caseWorkflowId).signal(summonsSlaReachedSignal, payload);
      return true;
    } catch {
      return false;
    }
  }
}

interface Instant {
  at: number;
  kind: 'warning' | 'breach';
  identity: string;
}

/** An instant is reported once; if the case moves it (the calendar changed), the new one is reported again. */
const reportKey = (instant: Instant) => `${instant.identity}:${instant.kind}@${instant.at}`;

function nextInstant(current: SummonsChange, reported: ReadonlySet<string>): Instant | undefined {
  const clock = current.clock;
  if (!clock) return undefined;
  const warning: Instant | undefined = clock.warningAt !== null ? { at: clock.warningAt, kind: 'warning', identity: clock.identity } : undefined;
  if (warning && !reported.has(reportKey(warning))) return warning;
  const breach: Instant | undefined = clock.breachAt !== null ? { at: clock.breachAt, kind: 'breach', identity: clock.identity } : undefined;
  if (breach && !reported.has(reportKey(breach))) return breach;
  return undefined;
}
