import type { EventEnvelope } from '../envelope/event-envelope';
import type { EventContract, EventData } from './define-event';

/**
 * An event as its consumer receives it: the envelope, its `type` narrowed to the contract's, and `data` as the
 * contract's schema parsed it. The Kafka transport validates every message against the catalog before a handler
 * sees it, so a handler subscribed to a contract's type may take this type as it is.
 */
export type EventOf<C extends EventContract> = Omit<EventEnvelope<EventData<C>>, 'type'> & { readonly type: C['type'] };

/** The union of EventOf over a list of contracts: switch on `type` and `data` follows. */
export type EventsOf<C> = C extends EventContract ? EventOf<C> : never;

/** The same union without the envelope: what a producer builds before the envelope is added. */
export type WireEventsOf<C> = C extends EventContract ? { type: C['type']; data: EventData<C> } : never;

/** The types of a list of contracts, once each. */
export function typesOf(contracts: readonly EventContract[]): string[] {
  return [...new Set(contracts.map((contract) => contract.type))];
}
