import { randomUUID } from 'node:crypto';
import { Actor, EventContract, EventData, EventEnvelope, validateEvent } from '@civicflow/contracts';
import { currentTraceparent } from '../telemetry/telemetry';

export interface EventDraft<C extends EventContract> {
  key: string;
  data: EventData<C>;
  correlationId: string;
  causationId?: string;
  actor?: Actor;
  /** Give a deterministic id where a retry must not make a second event (e.g. workflow activities). */
  id?: string;
  time?: Date;
  traceparent?: string;
}

export class InvalidEventError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InvalidEventError';
  }
}

/** Wraps data in the envelope and validates it against its contract: nothing invalid is ever produced. */
export function buildEvent<C extends EventContract>(contract: C, source: string, draft: EventDraft<C>): EventEnvelope<EventData<C>> {
  const envelope = {
    id: draft.id ?? randomUUID(),
    type: contract.type,
    version: contract.version,
    time: (draft.time ?? new Date()).toISOString(),
    key: draft.key,
    source,
    correlationId: draft.correlationId,
    causationId: draft.causationId,
    actor: draft.actor,
    traceparent: draft.traceparent ?? currentTraceparent(),
    data: draft.data,
  };
  const checked = validateEvent(envelope);
  if (!checked.ok) throw new InvalidEventError(checked.reason);
  return checked.event as EventEnvelope<EventData<C>>;
}
