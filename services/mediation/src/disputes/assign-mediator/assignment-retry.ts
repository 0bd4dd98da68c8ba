import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CONFIG } from '@civicflow/platform';
import { MediationConfig } from '../../config';
import { DisputeStore } from '../dispute.store';
import { AssignMediatorUseCase } from './assign-mediator.usecase';

/**
 * Disputes still waiting for a mediator — the worker was down, no member was free, the service restarted between
 * opening and assigning — are tried again on a timer. Mongo says which ones: nothing waits in memory.
 */
@Injectable()
export class AssignmentRetry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AssignmentRetry.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(private readonly disputes: DisputeStore, private readonly assign: AssignMediatorUseCase, @Inject(CONFIG) private readonly config: MediationConfig) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), this.config.MEDIATION_ASSIGN_RETRY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    let assigned = 0;
    try {
      for (const { _id } of await this.disputes.pendingAssignments(50, new Date(Date.now() - this.config.MEDIATION_ASSIGN_RETRY_MS))) {
        if ((await this.assign.execute(_id)).assigned) assigned += 1;
      }
    } catch (error) {
      this.logger.warn(`重试指派失败 assignment retry failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
    return assigned;
  }
}
