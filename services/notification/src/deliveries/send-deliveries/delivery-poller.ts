import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CONFIG } from '@civicflow/platform';
import { NotificationConfig } from '../../config';
import { DeliveryOutcomePublisher } from '../publish-outcomes/delivery-outcome-publisher';
import { DeliverySender } from './delivery-sender';

/**
 * The scheduled sender: every NOTIFICATION_POLL_INTERVAL_MS it sends what is due (new SMS/WeChat/email
 * messages, retries, messages released at the end of quiet hours) and announces final statuses. Polls never
 * overlap; any number of instances may poll, since each delivery is claimed before it is sent.
 */
@Injectable()
export class DeliveryPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryPoller.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly sender: DeliverySender,
    private readonly outcomes: DeliveryOutcomePublisher,
    @Inject(CONFIG) private readonly config: NotificationConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One round: send what is due, then announce outcomes. */
  async pollOnce(): Promise<void> {
    try {
      await this.sender.sendDue();
      await this.outcomes.publishPending();
    } catch (error) {
      // Mongo or Kafka briefly away: the next round picks everything up again
      this.logger.warn(`通知轮询失败 poll failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pollOnce().finally(() => this.schedule());
    }, this.config.NOTIFICATION_POLL_INTERVAL_MS);
  }
}
