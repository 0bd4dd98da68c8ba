import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CONFIG, DueList, DueWork } from '@civicflow/platform';
import { CLOCK, Clock } from '../../clock/clock';
import { NotificationConfig } from '../../config';
import { Delivery, DELIVERY_STORE, DeliveryStore } from '../delivery';
import { DELIVERY_DUE_LIST } from '../mongo-delivery-store';
import { DeliveryOutcomePublisher } from '../publish-outcomes/delivery-outcome-publisher';
import { DeliverySender } from './delivery-sender';
import { MongoContactWaits } from './contact-waits';

/**
 * The sender's queue: a planned delivery is sent in this process right after it is stored (the inbox before the
 * event's handler returns, SMS/WeChat/email beside it, so a slow provider never holds a partition), its retry and
 * its release after quiet hours come back on a timer, and its final status is announced at once. The store
 * remembers every delivery in the due list (`due_work`, by `_id`) before writing it; a sweep every
 * NOTIFICATION_SWEEP_MS hands back whatever a stopped process left — nothing scans the deliveries collection, so an
 * idle service does one point read per sweep. Any number of instances may run: each delivery is claimed with one
 * atomic update before it is sent.
 */
@Injectable()
export class DeliveryQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryQueue.name);
  private readonly work: DueWork;
  private outcomes?: { deliveries: Delivery[]; sent: Promise<unknown> };

  constructor(
    private readonly sender: DeliverySender,
    private readonly publisher: DeliveryOutcomePublisher,
    private readonly contactWaits: MongoContactWaits,
    @Inject(DELIVERY_STORE) private readonly store: DeliveryStore,
    @Inject(DELIVERY_DUE_LIST) list: DueList,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) config: NotificationConfig,
  ) {
    this.work = new DueWork({
      name: 'deliveries',
      list,
      handle: (id) => this.deliver(id),
      sweepMs: config.NOTIFICATION_SWEEP_MS,
      concurrency: 8,
      now: () => clock.now(),
      backfill: () => store.unfinished(clock.now()),
      logger: this.logger,
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.work.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.work.stop();
  }

  /** Sends these (already stored) deliveries now; resolves when each was attempted. */
  async send(ids: readonly string[]): Promise<void> {
    await this.work.run(ids);
  }

  /**
   * A citizen's contact has just been written: the deliveries that waited for it are due now and go out in this
   * process at once (not awaited). If the process stops first, they keep their retry time in the due list.
   */
  async contactArrived(citizenRef: string): Promise<void> {
    const ids = await this.contactWaits.take(citizenRef);
    const now = this.clock.now();
    const due = (await Promise.all(ids.map(async (id) => ((await this.store.dueNow(id, now)) ? id : undefined)))).filter((id): id is string => id !== undefined);
    if (due.length > 0) void this.work.run(due);
  }

  /** One sweep of the due list (what a stopped process left); returns how many deliveries were looked at. */
  sweepOnce(): Promise<number> {
    return this.work.sweepOnce();
  }

  private async deliver(id: string): Promise<Date | undefined> {
    const step = await this.sender.deliver(id);
    if (step.settled) await this.announce(step.settled);
    return step.again;
  }

  /** Outcomes settled at the same moment leave in one batch. */
  private announce(delivery: Delivery): Promise<unknown> {
    if (!this.outcomes) {
      const batch = { deliveries: [] as Delivery[], sent: Promise.resolve() as Promise<unknown> };
      batch.sent = new Promise((resolve) => setImmediate(resolve)).then(() => {
        this.outcomes = undefined;
        return this.publisher.publish(batch.deliveries);
      });
      this.outcomes = batch;
    }
    this.outcomes.deliveries.push(delivery);
    return this.outcomes.sent;
  }
}
