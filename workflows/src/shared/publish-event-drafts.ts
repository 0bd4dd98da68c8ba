import { ApplicationFailure } from '@temporalio/activity';
import { findContract } from '@civicflow/contracts';
import type { EventPublisher } from '@civicflow/platform';

/** An event as a workflow hands it to its publishing activity: plain data, its id deterministic. */
export interface EventDraft {
  id: string;
  type: string;
  key: string;
  correlationId: string;
  causationId?: string;
  actor: { userId: string; role: string; unitId?: string };
  /** When it happened (workflow time), ISO. */
  time: string;
  traceparent?: string;
  data: unknown;
}

/**
 * Activity side of every workflow's events: builds each draft into an envelope validated against its contract
 * and sends them in one Kafka batch, in order. A draft without a contract is a bug (non-retryable); an envelope
 * that breaks its contract fails the call, which Temporal retries until a fixed worker publishes it — nothing
 * invalid reaches Kafka and the events keep their order. The deterministic ids make a retried call harmless.
 */
export async function publishEventDrafts(publisher: Pick<EventPublisher, 'build' | 'publishAll'>, drafts: readonly EventDraft[]): Promise<number> {
  const events = drafts.map((draft) => {
    const contract = findContract(draft.type, 1);
    if (!contract) throw ApplicationFailure.nonRetryable(`no contract for ${draft.type} v1`, 'UnknownEventType');
    return publisher.build(contract, {
      id: draft.id,
      key: draft.key,
      correlationId: draft.correlationId,
      causationId: draft.causationId,
      actor: draft.actor,
      time: new Date(draft.time),
      traceparent: draft.traceparent,
      data: draft.data,
    });
  });
  await publisher.publishAll(events);
  return events.length;
}
