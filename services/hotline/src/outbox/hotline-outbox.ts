import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { callbackRecordedV1, callLoggedV1 } from '@civicflow/contracts';
import { CONFIG, DUE_WORK_MODEL, DueWork, DueWorkDoc, EventPublisher, MongoDueList } from '@civicflow/platform';
import { HotlineConfig } from '../config';
import { CALL_MODEL, CallDoc } from '../calls/call.schema';
import { callLoggedDraft } from '../calls/call-logged.event';
import { CALLBACK_TASK_MODEL, CallbackTaskDoc } from '../callbacks/callback-task.schema';
import { unpublishedAttemptDrafts } from '../callbacks/callback-recorded.event';
import { RegisterCallerContact } from '../calls/register-caller-contact/register-caller-contact';

/** Leave a stored call to the request that is announcing it right now before a sweep looks at it. */
const GRACE_MS = 10_000;
/** A caller contact the notification directory could not take is offered again after this long (the citizen's SMS waits for it). */
const CONTACT_RETRY_MS = 10_000;

/** What the outbox follows: a call (hotline.call-logged, and the hand-over of its contact) or a callback task's attempts. */
export type OutboxItem = `call:${string}` | `callback:${string}`;

/**
 * The hotline's outbox without transactions (FerretDB has none): a call or a callback attempt is stored with its
 * pending flags, and its item is remembered in the due list (`due_work`, by `_id`) just before; the request then
 * publishes the event itself, through `run`, and clears the flag. Whatever that left — Kafka away, the process killed
 * in between — comes back on a timer in this process and, in any replica, at the next sweep of the due list (every
 * HOTLINE_OUTBOX_SWEEP_MS). Event ids derive from the documents, so an event sent twice (a slow request and a sweep)
 * is deduplicated by every consumer. Nothing searches the calls or the callbacks for pending flags (a migration that
 * flags stored documents hands them over with `rememberFlagged`, which the first start on a database also runs).
 *
 * The caller's contact (短信告知) goes to the notification directory side by side with the announcement, never in
 * front of it: the call's item hands it to a queue of its own (`caller-contacts`, remembered before the call's item is
 * settled, so it is never lost) and publishes without waiting; a slow or absent notification service delays only the
 * contact, retried every CONTACT_RETRY_MS, and holds neither the operator's answer nor the call's publication slots.
 * The citizen's first SMS does not go out without it: a notification delivery that finds no number waits for the
 * contact and is sent the moment the directory takes it (notification's deliveries/send-deliveries/contact-waits.ts).
 * The number never rides on Kafka (it travels point to point, issue 12's rule), so it is not an event.
 */
@Injectable()
export class HotlineOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HotlineOutbox.name);
  private readonly work: DueWork;
  /** The callers' contacts on their way to the notification directory, by call id. */
  private readonly contacts: DueWork;

  constructor(
    @InjectModel(CALL_MODEL) private readonly calls: Model<CallDoc>,
    @InjectModel(CALLBACK_TASK_MODEL) private readonly tasks: Model<CallbackTaskDoc>,
    @InjectModel(DUE_WORK_MODEL) due: Model<DueWorkDoc>,
    private readonly publisher: EventPublisher,
    private readonly callerContact: RegisterCallerContact,
    @Inject(CONFIG) config: HotlineConfig,
  ) {
    this.work = new DueWork({
      name: 'hotline outbox',
      list: new MongoDueList(due, { queue: 'outbox', sweepMs: config.HOTLINE_OUTBOX_SWEEP_MS }),
      handle: (item) => this.handle(item as OutboxItem),
      sweepMs: config.HOTLINE_OUTBOX_SWEEP_MS,
      concurrency: 16,
      backfill: () => this.flagged(),
      logger: this.logger,
    });
    this.contacts = new DueWork({
      name: 'hotline caller contacts',
      list: new MongoDueList(due, { queue: 'caller-contacts', sweepMs: config.HOTLINE_OUTBOX_SWEEP_MS }),
      handle: (callId) => this.registerContact(callId),
      sweepMs: config.HOTLINE_OUTBOX_SWEEP_MS,
      concurrency: 16,
      backfill: () => this.contactsPending(),
      logger: this.logger,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([this.work.start(), this.contacts.start()]);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.work.stop(), this.contacts.stop()]);
  }

  /** Before the write that makes the item pending: the sweep finds it if nothing else finishes it. */
  remember(item: OutboxItem): Promise<void> {
    return this.work.remember([item], new Date(Date.now() + GRACE_MS));
  }

  /** Does the item's pending work now (a failure is retried later, never thrown at the request). */
  async run(item: OutboxItem): Promise<void> {
    await this.work.run([item]);
  }

  /** One sweep of the due list; returns how many items were looked at. */
  sweepOnce(now?: Date): Promise<number> {
    return this.work.sweepOnce(now);
  }

  /** One sweep of the contacts' due list; returns how many calls were looked at. */
  sweepContactsOnce(now?: Date): Promise<number> {
    return this.contacts.sweepOnce(now);
  }

  private async handle(item: OutboxItem): Promise<Date | undefined> {
    const [kind, id] = [item.slice(0, item.indexOf(':')), item.slice(item.indexOf(':') + 1)];
    if (kind === 'call') return this.finishCall(id);
    if (kind === 'callback') await this.finishCallback(id);
    return undefined;
  }

  /**
   * The contact is handed to its own queue (a point write; its registration starts here and is not waited for),
   * then the event goes out. A call item left by an earlier version (contact and event in one) is finished the same way.
   */
  private async finishCall(callId: string): Promise<Date | undefined> {
    const call = await this.calls.findById(callId).lean<CallDoc>().exec();
    if (!call) return undefined;
    if (call.contactPending) await this.contacts.schedule([callId], new Date());
    if (call.announcePending) {
      await this.publisher.publish(callLoggedV1, callLoggedDraft(call));
      await this.calls.updateOne({ _id: callId }, { $set: { announcePending: false } }).exec();
    }
    return undefined;
  }

  private async registerContact(callId: string): Promise<Date | undefined> {
    const call = await this.calls.findById(callId).lean<CallDoc>().exec();
    if (!call?.contactPending) return undefined;
    return (await this.callerContact.register(call)) ? undefined : new Date(Date.now() + CONTACT_RETRY_MS);
  }

  /** Every attempt not yet on Kafka, in order; the flag clears unless an attempt was added meanwhile (its own item). */
  private async finishCallback(callbackId: string): Promise<void> {
    const task = await this.tasks.findById(callbackId).lean<CallbackTaskDoc>().exec();
    if (!task?.attemptsPending) return;
    const drafts = unpublishedAttemptDrafts(task);
    await this.publisher.publishAll(drafts.map((draft) => this.publisher.build(callbackRecordedV1, draft)));
    await markAttemptsPublished(this.tasks, callbackId, task.attempts.length);
  }

  /** Remembers every call and callback task flagged in the store (a scan): what a migration flagged, or the first start found. */
  async rememberFlagged(): Promise<number> {
    const flagged = await this.flagged();
    await this.work.remember(flagged.map((f) => f.id));
    return flagged.length;
  }

  /** The calls whose contact the directory has not taken yet (a scan, once per database: the contacts' queue is new). */
  private async contactsPending(): Promise<Array<{ id: string; dueAt: Date }>> {
    const now = new Date();
    const calls = await this.calls.find({ contactPending: true }, { _id: 1 }).lean<{ _id: string }[]>().exec();
    return calls.map((c) => ({ id: c._id, dueAt: now }));
  }

  private async flagged(): Promise<Array<{ id: string; dueAt: Date }>> {
    const now = new Date();
    const calls = await this.calls.find({ $or: [{ announcePending: true }, { contactPending: true }] }, { _id: 1 }).lean<{ _id: string }[]>().exec();
    const tasks = await this.tasks.find({ attemptsPending: true }, { _id: 1 }).lean<{ _id: string }[]>().exec();
    return [...calls.map((c) => ({ id: `call:${c._id}`, dueAt: now })), ...tasks.map((t) => ({ id: `callback:${t._id}`, dueAt: now }))];
  }
}

/**
 * The first `count` attempts are on Kafka: the pending flag clears only if no attempt was added meanwhile (that
 * one is still to send), and the published count never goes back.
 */
async function markAttemptsPublished(tasks: Model<CallbackTaskDoc>, callbackId: string, count: number): Promise<void> {
  const settled = await tasks.updateOne({ _id: callbackId, attemptCount: count }, { $set: { publishedAttempts: count, attemptsPending: false } }).exec();
  if (settled.matchedCount === 0) await tasks.updateOne({ _id: callbackId, publishedAttempts: { $lt: count } }, { $set: { publishedAttempts: count } }).exec();
}
