import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import { deadLetterTopicName, eventCatalog, EventEnvelope, findContract, replyContractFor, validateEvent } from '@civicflow/contracts';
import { withTraceparent } from '../telemetry/telemetry';
import { EventPublisher } from './event-publisher';
import { ProcessedEventStore } from './processed-events';
import { ensureTopics } from './topics';
import { isTransientError } from './transient-error';

export interface KafkaEventServerOptions {
  kafka: Kafka;
  groupId: string;
  /** Producer used for the dead-letter topic. */
  publisher: EventPublisher;
  processed?: ProcessedEventStore;
  /** Attempts per message before it goes to the dead-letter topic (a server being away does not count: see isTransientError). */
  maxAttempts?: number;
  retryBackoffMs?: number;
  /** Longest pause between tries while a server the handler needs is away. */
  transientBackoffMaxMs?: number;
  /**
   * How long a message may wait for a server that is away (or a race it lost) before its batch lets it go for this
   * fetch (default 10 s): it stays uncommitted and comes again in the next fetch, its key's later messages after it.
   * kafkajs fetches again only once every batch of a fetch is done, so one key waiting would hold every partition.
   */
  holdForTransientMs?: number;
  /** Partitions handled in parallel (default 16); order per key still holds because a key lives in one partition. */
  partitionsConsumedConcurrently?: number;
  /** Keys of one partition's batch handled in parallel (default 8); each key's messages one after another, in order. */
  keysConsumedConcurrently?: number;
  /** A new consumer group starts at the oldest message (nothing accepted is lost) unless this is false. */
  fromBeginning?: boolean;
  /** Awaited before subscribing, e.g. the service's indexes (a handler must not write before they exist). */
  beforeConsume?: () => Promise<void>;
}

/** Headers a dead-lettered message carries, so an operator can see why and replay it. */
export const DLT_HEADERS = {
  reason: 'dlt-reason',
  group: 'dlt-consumer-group',
  topic: 'dlt-original-topic',
  partition: 'dlt-original-partition',
  offset: 'dlt-original-offset',
  failedAt: 'dlt-failed-at',
} as const;

/**
 * Thrown by a handler whose event can never succeed as it stands — the receiver refused the fact (a case workflow
 * that does not take a callback in its state), not a passing fault. The transport does not retry it: it goes to
 * `<topic>.dlt` at once with `refused: <reason>`, visible and replayable (`npm run dlt -- replay`) once the cause
 * is dealt with. Never acknowledged silently.
 */
export class RefusedEventError extends Error {
  /** Marks the error across copies of this module (instanceof fails across bundles). */
  readonly refusedEvent = true;

  constructor(readonly reason: string) {
    super(reason);
    this.name = 'RefusedEventError';
  }
}

export function isRefusedEvent(error: unknown): error is RefusedEventError {
  return error instanceof RefusedEventError || (error as { refusedEvent?: unknown } | null)?.refusedEvent === true;
}

export interface KafkaEventContext {
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
}

/**
 * A NestJS transport for CivicFlow events: handlers declare `@EventPattern('case.registered')` with an event type.
 * Each message is validated against its contract, deduplicated by event id, retried a bounded number of
 * times and then dead-lettered with its reason — a poison message never blocks its partition.
 *
 * Not one message at a time across all topics (NestJS's Kafka transport, a trap for a city's load): partitions are
 * consumed side by side, and within a partition's batch the messages of different keys too — each key's messages
 * strictly in offset order, so per-case order holds (a key lives in one partition). Offsets are committed up to
 * the last message before which everything is done; a restart redelivers the rest, which dedup makes harmless.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private consumer?: Consumer;
  private closing = false;
  /** The group is rebalancing or no longer knows this member: every batch lets go, so kafkajs can rejoin at once. */
  private rejoinError?: Error;
  /** Offsets this process finished past a batch's watermark (a message before them let go): skipped when fetched again. */
  private readonly doneAhead = new Map<string, Set<string>>();
  private readonly maxAttempts: number;
  private readonly retryBackoffMs: number;

  constructor(private readonly options: KafkaEventServerOptions) {
    super();
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retryBackoffMs = options.retryBackoffMs ?? 200;
  }

  /** Topics that carry the event types this server has handlers for. */
  subscribedTopics(): string[] {
    const types = new Set(this.getHandlers().keys());
    return [...new Set(eventCatalog.filter((c) => types.has(c.type)).map((c) => c.topic))];
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.options.beforeConsume?.();
      const topics = this.subscribedTopics();
      await ensureTopics(this.options.kafka, topics.flatMap((t) => [t, deadLetterTopicName(t)]));
      this.consumer = this.options.kafka.consumer({ groupId: this.options.groupId, allowAutoTopicCreation: false });
      await this.consumer.connect();
      await this.consumer.subscribe({ topics, fromBeginning: this.options.fromBeginning ?? true });
      const joined = new Promise<void>((resolve) => this.consumer?.on(this.consumer.events.GROUP_JOIN, () => resolve()));
      this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        this.rejoinError = undefined;
      });
      await this.consumer.run({
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 16,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.handleBatch(payload),
      });
      // Ready means partitions are assigned: a caller may produce right after and expect us to see it.
      await joined;
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    this.closing = true; // a handler waiting for a server gives up: its message stays uncommitted for the next owner
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  on(): never {
    throw new Error('KafkaEventServer does not emit status events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  /**
   * One partition's batch: one chain per key (in offset order), chains side by side, offsets resolved as they
   * complete. A chain whose message waits too long for a server, or a group that needs this member to rejoin, ends
   * the chain for this fetch: what is done is committed, the rest comes again (issue 17: casework's projection
   * stopped for minutes behind one callback waiting on Temporal, and the member fell out of its group).
   */
  private async handleBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, uncommittedOffsets, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition, messages } = batch;
    const partitionKey = `${topic}|${partition}`;
    const finishedBefore = this.doneAhead.get(partitionKey) ?? new Set<string>();
    const finished = new Set<string>();
    const chains = new Map<string, KafkaMessage[]>();
    // a message without a key has no order to keep: a chain of its own
    for (const message of messages) {
      const key = message.key ? `k:${message.key.toString('base64')}` : `o:${message.offset}`;
      const chain = chains.get(key);
      if (chain) chain.push(message);
      else chains.set(key, [message]);
    }
    const done = new Set<string>();
    let next = 0;
    const completed = (offset: string) => {
      done.add(offset);
      while (next < messages.length && done.has(messages[next].offset)) resolveOffset(messages[next++].offset);
    };
    const stopped = () => !isRunning() || isStale() || this.rejoinError !== undefined;
    const beat = async () => {
      try {
        await heartbeat();
      } catch (error) {
        if (!isRejoinError(error)) throw error;
        this.rejoinError = error as Error; // kafkajs sends one heartbeat per interval: the other batches learn it here
      }
    };
    const queue = [...chains.values()];
    const errors: unknown[] = [];
    const worker = async () => {
      for (let chain = queue.shift(); chain && errors.length === 0; chain = queue.shift()) {
        for (const message of chain) {
          if (stopped()) return;
          if (finishedBefore.has(message.offset)) {
            finished.add(message.offset);
            completed(message.offset);
            continue;
          }
          try {
            await this.handleMessage(topic, partition, message, beat, stopped);
          } catch (error) {
            if (error instanceof LetGoError) break; // this key waits for the next fetch; the other keys go on
            errors.push(error); // the store or the dead-letter topic is away: this key stops here, kafkajs retries
            return;
          }
          finished.add(message.offset);
          completed(message.offset);
          await beat();
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(queue.length, this.options.keysConsumedConcurrently ?? 8) }, worker));
    } finally {
      // what was finished past the watermark is not handled again when the rest comes back
      const ahead = [...finished].filter((offset) => next < messages.length && BigInt(offset) > BigInt(messages[next].offset));
      if (ahead.length > 0) this.doneAhead.set(partitionKey, new Set(ahead));
      else this.doneAhead.delete(partitionKey);
    }
    if (errors.length > 0) throw errors[0];
    if (this.rejoinError !== undefined) {
      await commitOffsetsIfNecessary(uncommittedOffsets()).catch(() => undefined); // still ours while rebalancing
      throw this.rejoinError; // kafkajs's runner joins again on it
    }
    // what is done is committed now, not on kafkajs's 5 s interval: a consumer stopped by SIGTERM leaves the group
    // without a last commit, and the next owner would be handed again everything since the last one
    if (!isStale()) await commitOffsetsIfNecessary(uncommittedOffsets());
  }

  private async handleMessage(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>, letGo: () => boolean): Promise<void> {
    const raw = message.value?.toString('utf8') ?? '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return this.deadLetter(topic, partition, message.offset, message.key, message.value, message.headers, 'message is not valid JSON');
    }
    const checked = validateEvent(parsed);
    if (!checked.ok) {
      return this.deadLetter(topic, partition, message.offset, message.key, message.value, message.headers, checked.reason);
    }
    const event = checked.event;
    const handler = this.getHandlerByPattern(event.type);
    if (!handler) return; // another consumer's event on a shared topic
    const { groupId, processed } = this.options;
    if (processed && (await processed.has(groupId, event.id))) return;

    let lastError: unknown;
    let waits = 0;
    let waitingSince = 0;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      try {
        const result = await withTraceparent(event.traceparent, () => this.invoke(handler, event, { topic, partition, offset: message.offset, attempt }));
        await this.replyIfRequest(event, result);
        await processed?.mark(groupId, event.id, event.type);
        return;
      } catch (error) {
        if (isRefusedEvent(error)) {
          return this.deadLetter(topic, partition, message.offset, message.key, message.value, message.headers, `refused: ${error.message}`);
        }
        if (isTransientError(error)) {
          // a server is away or another writer won a race: not the message's fault, so it waits (its partition with
          // it) instead of being dead-lettered; the pause is jittered so contending replicas fall out of step
          if (this.closing) throw error;
          waitingSince ||= Date.now();
          if (letGo() || Date.now() - waitingSince > (this.options.holdForTransientMs ?? 10_000)) throw new LetGoError(error);
          if (waits++ % 10 === 0) this.logger.warn?.(`handler for ${event.type} tries again (${describe(error)})`);
          await sleep(Math.random() * Math.min(this.options.transientBackoffMaxMs ?? 5_000, this.retryBackoffMs * 2 ** Math.min(waits, 10)));
          await heartbeat().catch(() => undefined);
          attempt -= 1;
          continue;
        }
        lastError = error;
        this.logger.warn?.(`handler for ${event.type} failed (attempt ${attempt}/${this.maxAttempts}): ${describe(error)}`);
        if (attempt < this.maxAttempts) await sleep(this.retryBackoffMs * 2 ** (attempt - 1));
      }
    }
    await this.deadLetter(topic, partition, message.offset, message.key, message.value, message.headers,
      `handler failed after ${this.maxAttempts} attempts: ${describe(lastError)}`);
  }

  private async invoke(handler: (data: unknown, ctx: unknown) => unknown, event: EventEnvelope, ctx: KafkaEventContext): Promise<unknown> {
    const result = await handler(event, ctx);
    return isObservable(result) ? lastValueFrom(result, { defaultValue: undefined }) : result;
  }

  /** A request's handler returns the reply's data; it goes to the replies topic, caused by the request. */
  private async replyIfRequest(event: EventEnvelope, result: unknown): Promise<void> {
    const contract = findContract(event.type, event.version);
    const reply = contract && replyContractFor(contract);
    if (!reply) return;
    await this.options.publisher.publish(reply, {
      id: `${event.id}:reply`,
      key: event.key,
      correlationId: event.correlationId,
      causationId: event.id,
      data: result,
    });
  }

  private async deadLetter(topic: string, partition: number, offset: string, key: Buffer | null, value: Buffer | null,
    headers: IHeaders | undefined, reason: string): Promise<void> {
    this.logger.error(`dead-lettering ${topic}[${partition}]@${offset}: ${reason}`);
    await this.options.publisher.sendRaw(deadLetterTopicName(topic), [{
      key,
      value,
      headers: {
        ...headers,
        [DLT_HEADERS.reason]: reason.slice(0, 2000),
        [DLT_HEADERS.group]: this.options.groupId,
        [DLT_HEADERS.topic]: topic,
        [DLT_HEADERS.partition]: String(partition),
        [DLT_HEADERS.offset]: offset,
        [DLT_HEADERS.failedAt]: new Date().toISOString(),
      },
    }]);
  }
}

/** A message let go for this fetch (see holdForTransientMs): not a failure, it comes again. */
class LetGoError extends Error {
  constructor(override readonly cause: unknown) {
    super(`let go for this fetch: ${describe(cause)}`);
  }
}

/** kafkajs's answer when the group needs this member to join again (rebalancing, or it no longer knows the member). */
function isRejoinError(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return type === 'REBALANCE_IN_PROGRESS' || type === 'UNKNOWN_MEMBER_ID' || type === 'ILLEGAL_GENERATION' || type === 'NOT_COORDINATOR_FOR_GROUP';
}

function describe(error: unknown): string {
  // a wrapper's message alone ("Workflow Update failed") hides what failed: name its cause too
  const cause = error instanceof Error ? (error.cause as { message?: unknown } | undefined) : undefined;
  if (error instanceof Error && cause && typeof cause.message === 'string') return `${error.message} (${cause.message})`;
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown })?.message;
  return typeof message === 'string' ? message : JSON.stringify(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
