import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CONFIG } from '@civicflow/platform';
import type { GridConfig } from '../config';
import { CalendarStore } from './calendar.store';
import { EnterYearArrangementUseCase } from './enter-year-arrangement/enter-year-arrangement.usecase';
import { importOverridesFile } from './import-overrides-file/import-overrides-file';
import { CalendarOutbox } from './publish-calendar-changes/calendar-outbox';
import { CalendarCoverageWatch } from './warn-calendar-coverage/calendar-coverage.watch';

/** The calendar's background work: the override file's migration at start, the outbox, the daily warning. */
@Injectable()
export class CalendarJobs implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CalendarJobs.name);
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly store: CalendarStore,
    private readonly enter: EnterYearArrangementUseCase,
    private readonly outbox: CalendarOutbox,
    private readonly watch: CalendarCoverageWatch,
    @Inject(CONFIG) private readonly config: GridConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.store.read();
    if (this.config.CALENDAR_OVERRIDES_FILE) await importOverridesFile(this.config.CALENDAR_OVERRIDES_FILE, this.store, this.enter, this.logger);
    void this.outbox.flush();
    this.every(this.config.CALENDAR_OUTBOX_INTERVAL_MS, () => this.outbox.flush());
    if (this.config.CALENDAR_COVERAGE_CHECK_MS > 0) {
      void this.watch.check();
      this.every(this.config.CALENDAR_COVERAGE_CHECK_MS, () => this.watch.check());
    }
  }

  onModuleDestroy(): void {
    this.timers.forEach(clearInterval);
  }

  private every(ms: number, job: () => Promise<unknown>): void {
    if (ms <= 0) return;
    const timer = setInterval(() => void job(), ms);
    timer.unref();
    this.timers.push(timer);
  }
}
