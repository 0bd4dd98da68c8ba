import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { callbackRecordedV1, callLoggedV1 } from '@civicflow/contracts';
import { CONFIG, EventPublisher } from '@civicflow/platform';
import { HotlineConfig } from '../config';
import { CALL_MODEL, CallDoc } from '../calls/call.schema';
import { callLoggedDraft } from '../calls/call-logged.event';
import { CALLBACK_TASK_MODEL, CallbackTaskDoc } from '../callbacks/callback-task.schema';
import { unpublishedAttemptDrafts } from '../callbacks/callback-recorded.event';
import { markAttemptsPublished } from '../callbacks/record-callback/record-callback.usecase';
import { OutboxRelay, OutboxSource } from './outbox-relay';
import { RegisterCallerContact } from '../calls/register-caller-contact/register-caller-contact';

const GRACE_MS = 10_000;
const BATCH_SIZE = 100;

/**
 * Runs the outbox relay over the hotline's two pending flags — calls not yet announced (hotline.call-logged) and
 * callback attempts not yet published (hotline.callback-recorded) — every HOTLINE_OUTBOX_INTERVAL_MS, and registers
 * the caller contacts the notification directory could not take earlier.
 * Queries are equalities on the flag (indexed); age is checked in memory. Flags are cleared one document at a time.
 */
@Injectable()
export class HotlineOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HotlineOutbox.name);
  private readonly relay: OutboxRelay;
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @InjectModel(CALL_MODEL) calls: Model<CallDoc>,
    @InjectModel(CALLBACK_TASK_MODEL) tasks: Model<CallbackTaskDoc>,
    publisher: EventPublisher,
    @Inject(CONFIG) private readonly config: HotlineConfig,
    private readonly callerContact: RegisterCallerContact,
  ) {
    const callAnnouncements: OutboxSource = {
      name: 'call-logged',
      pending: async (storedBefore, limit) => {
        const docs = await calls.find({ announcePending: true }).limit(limit).lean<CallDoc[]>().exec();
        return docs
          .filter((d) => d.receivedAt < storedBefore)
          .map((d) => ({ docId: d._id, event: publisher.build(callLoggedV1, callLoggedDraft(d)) }));
      },
      markSent: async (ids) => {
        for (const _id of ids) await calls.updateOne({ _id }, { $set: { announcePending: false } }).exec();
      },
    };
    // one item per unpublished attempt, `<task id>#<attempt n>`: marking sent records how many are on Kafka
    const callbackAttempts: OutboxSource = {
      name: 'callback-recorded',
      pending: async (storedBefore, limit) => {
        const docs = await tasks.find({ attemptsPending: true }).limit(limit).lean<CallbackTaskDoc[]>().exec();
        return docs
          .filter((d) => d.attempts.length > 0 && d.attempts[d.attempts.length - 1].at < storedBefore)
          .flatMap((d) => unpublishedAttemptDrafts(d).map((draft) => ({ docId: `${d._id}#${draft.data.attempt}`, event: publisher.build(callbackRecordedV1, draft) })));
      },
      markSent: async (ids) => {
        const published = new Map<string, number>();
        for (const id of ids) {
          const at = id.lastIndexOf('#');
          const taskId = id.slice(0, at);
          published.set(taskId, Math.max(published.get(taskId) ?? 0, Number(id.slice(at + 1))));
        }
        for (const [taskId, count] of published) await markAttemptsPublished(tasks, taskId, count);
      },
    };
    this.relay = new OutboxRelay([callAnnouncements, callbackAttempts], publisher, { graceMs: GRACE_MS, batchSize: BATCH_SIZE });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.HOTLINE_OUTBOX_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  relayOnce(now?: Date): Promise<Record<string, number>> {
    return this.relay.relayOnce(now);
  }

  private tick(): void {
    if (this.running) return; // a slow round is still going
    this.running = this.relay
      .relayOnce()
      .then(async (sent) => ({ ...sent, 'caller-contact': await this.callerContact.retryPending(new Date(Date.now() - GRACE_MS)) }))
      .then((sent) => {
        const total = Object.values(sent).reduce((a, b) => a + b, 0);
        if (total > 0) this.logger.log(`补发事件 ${total} 条 relayed ${total} pending events: ${JSON.stringify(sent)}`);
      })
      .catch((error: unknown) => this.logger.warn(`补发失败,下轮重试 outbox relay failed, retrying next round: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.running = undefined));
  }
}
