import { Context } from '@temporalio/activity';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { type CalendarChange, calendarChangedSignal } from '../case/case.contract';
import { casesUsingYearQuery } from './calendar-recompute.contract';

/** Signals sent at once; the dev server's single SQLite writer prefers a steady trickle to a burst. */
const PARALLEL_SIGNALS = 16;

export function createCalendarRecomputeActivities({ client }: { client: () => Promise<Client> }) {
  return {
    /** Lists the running cases whose clocks use the year and sends each the change; returns how many were told. */
    async signalCasesUsingYear(change: CalendarChange): Promise<number> {
      const temporal = await client();
      let told = 0;
      let batch: Array<Promise<void>> = [];
      const flush = async () => {
        await Promise.all(batch);
        batch = [];
        Context.current().heartbeat(told);
      };
      for await (const execution of temporal.workflow.list({ query: casesUsingYearQuery(change.year) })) {
        batch.push(
          temporal.workflow
            .getHandle(execution.workflowId)
            .signal(calendarChangedSignal, change)
            .then(
              () => void told++,
              (error: unknown) => {
                if (!(error instanceof WorkflowNotFoundError)) throw error; // ended since it was listed
              },
            ),
        );
        if (batch.length >= PARALLEL_SIGNALS) await flush();
      }
      await flush();
      return told;
    },
  };
}

export type CalendarRecomputeActivities = ReturnType<typeof createCalendarRecomputeActivities>;
