import { Logger } from '@nestjs/common';
import { calendarYearPublishedV1 } from '@civicflow/contracts';
import type { EventPublisher } from '@civicflow/platform';
import { CalendarStore } from '../calendar.store';

/**
 * Publishes the calendar's queued events (grid.calendar-year-published) and takes each out of the outbox once
 * Kafka has it. Run after every save and on a timer, so an event whose first send failed (Kafka away, the
 * process killed between the save and the send) still goes out; the event id makes a repeat harmless.
 */
export class CalendarOutbox {
  private readonly logger = new Logger(CalendarOutbox.name);
  private flushing?: Promise<void>;

  constructor(
    private readonly store: CalendarStore,
    private readonly publisher: Pick<EventPublisher, 'publish'>,
  ) {}

  /** Starts a flush without waiting for it (after a save: the HTTP answer does not wait for Kafka). */
  flushSoon(): void {
    void this.flush();
  }

  flush(): Promise<void> {
    this.flushing ??= this.publishPending().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async publishPending(): Promise<void> {
    try {
      const { outbox } = await this.store.read();
      for (const entry of [...outbox].sort((a, b) => a.data.calendarVersion - b.data.calendarVersion)) {
        await this.publisher.publish(calendarYearPublishedV1, { id: entry.id, key: `calendar-${entry.data.year}`, correlationId: entry.id, actor: { userId: entry.data.enteredBy, role: 'admin' }, data: entry.data });
        await this.store.published(entry.id);
      }
    } catch (error) {
      this.logger.warn(`放假安排事件未能发布，稍后重试 calendar events not published yet, retrying: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
