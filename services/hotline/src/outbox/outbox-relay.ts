import { EventEnvelope } from '@civicflow/contracts';

/** Documents whose event a request stored but may not have sent (Kafka was down, the process died in between). */
export interface OutboxSource {
  readonly name: string;
  /** Events of documents still marked pending and stored before `storedBefore`, built from the documents. */
  pending(storedBefore: Date, limit: number): Promise<Array<{ docId: string; event: EventEnvelope }>>;
  markSent(docIds: string[]): Promise<void>;
}

export interface OutboxPublisher {
  publishAll(events: EventEnvelope[]): Promise<void>;
}

export interface OutboxRelayOptions {
  /** Leave documents younger than this to the request that is sending them right now. */
  graceMs: number;
  batchSize: number;
}

/**
 * The sending half of a transactional outbox without transactions (FerretDB has none): a document is stored with a
 * pending flag, its request tries to send the event and clears the flag; this relay sends whatever is still flagged.
 * Event ids are derived from the documents, so an event sent twice (slow request + relay) is deduplicated by every
 * consumer. Sends are batched: one request per source per round.
 */
export class OutboxRelay {
  constructor(
    private readonly sources: readonly OutboxSource[],
    private readonly publisher: OutboxPublisher,
    private readonly options: OutboxRelayOptions,
  ) {}

  /** @returns how many events each source sent this round. */
  async relayOnce(now = new Date()): Promise<Record<string, number>> {
    const storedBefore = new Date(now.getTime() - this.options.graceMs);
    const sent: Record<string, number> = {};
    for (const source of this.sources) {
      const items = await source.pending(storedBefore, this.options.batchSize);
      sent[source.name] = items.length;
      if (items.length === 0) continue;
      await this.publisher.publishAll(items.map((item) => item.event));
      await source.markSent(items.map((item) => item.docId));
    }
    return sent;
  }
}
