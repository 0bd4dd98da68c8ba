import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CONFIG, DueWork } from '@civicflow/platform';
import { MediationConfig } from '../../config';
import { FOLLOW_UPS, FollowUps } from '../../shared/follow-ups';
import { DisputeStore } from '../dispute.store';
import { AssignMediatorUseCase } from './assign-mediator.usecase';

/**
 * Disputes still waiting for a mediator — the worker was down, no member was free, the service restarted between
 * opening and assigning — are tried again every MEDIATION_ASSIGN_RETRY_MS. The disputes projection remembers a
 * dispute in the assignments due list before the write that leaves it waiting, so the retry reads that list (by `_id`), never
 * the disputes; an idle service does one point read per sweep. Two replicas may retry the same dispute: the use
 * case claims the assignment (assignment_claims) with one atomic update first.
 */
@Injectable()
export class AssignmentRetry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AssignmentRetry.name);
  private readonly work: DueWork;

  constructor(
    private readonly disputes: DisputeStore,
    private readonly assign: AssignMediatorUseCase,
    @Inject(FOLLOW_UPS) followUps: FollowUps,
    @Inject(CONFIG) config: MediationConfig,
  ) {
    const retryMs = config.MEDIATION_ASSIGN_RETRY_MS;
    this.work = new DueWork({
      name: 'mediator assignment',
      list: followUps.assignments,
      sweepMs: retryMs,
      handle: async (disputeId) => {
        if ((await this.assign.execute(disputeId)).assigned) return undefined;
        // not assigned: no one free yet, or another try holds it right now — look again unless it is settled
        return (await this.disputes.findById(disputeId))?.assignmentPending ? new Date(Date.now() + retryMs) : undefined;
      },
      backfill: async () => {
        const waiting = await this.disputes.model.find({ assignmentPending: true }, { _id: 1 }).lean<{ _id: string }[]>().exec();
        return waiting.map(({ _id }) => ({ id: _id, dueAt: new Date() }));
      },
      logger: this.logger,
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.work.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.work.stop();
  }

  /** One sweep of the assignments due list; returns how many disputes were looked at. */
  sweepOnce(now?: Date): Promise<number> {
    return this.work.sweepOnce(now);
  }
}
