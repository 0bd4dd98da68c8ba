import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { committeeIdFor } from '../../committees/committee';
import { MediatorStore } from '../../committees/mediator.store';
import { pickMediator } from '../../committees/pick-mediator';
import { mediatorConflict } from '../../parties/mediator-conflict';
import { refused } from '../../shared/http-errors';
import { assignMediatorUpdate, MediationActor } from '../../workflow/mediation-contract';
import { MediationWorkflows, SYSTEM_ACTOR } from '../../workflow/mediation-workflows';
import { DisputeDoc } from '../dispute';
import { DisputeStore } from '../dispute.store';

/** How long one try may hold a dispute's assignment (an Update normally answers in well under a second). */
const CLAIM_MS = 60_000;

export type AssignOutcome = { assigned: true; mediatorId: string } | { assigned: false; reason: string };

/**
 * 指派调解员: a member of the committee that holds the dispute now (the community's 人民调解委员会, or after a
 * failure the street's 矛盾调解中心), chosen by workload — fewest open disputes — skipping anyone who is a party
 * (回避) or has already mediated it. Sent to the workflow as the assignMediator Update; on success the dispute
 * records the mediator. Safe to call again: a dispute no longer pending is left alone.
 */
@Injectable()
export class AssignMediatorUseCase {
  private readonly logger = new Logger(AssignMediatorUseCase.name);

  constructor(private readonly disputes: DisputeStore, private readonly mediators: MediatorStore, private readonly workflows: MediationWorkflows) {}

  async execute(disputeId: string, options: { preferredMediatorId?: string; actor?: MediationActor } = {}): Promise<AssignOutcome> {
    if (!(await this.disputes.claimAssignment(disputeId, new Date(), CLAIM_MS))) return { assigned: false, reason: 'not pending, or being assigned' };
    try {
      return await this.assign(disputeId, options);
    } finally {
      await this.disputes.releaseAssignment(disputeId);
    }
  }

  private async assign(disputeId: string, options: { preferredMediatorId?: string; actor?: MediationActor }): Promise<AssignOutcome> {
    const doc = await this.disputes.findById(disputeId);
    if (!doc || !doc.assignmentPending) return { assigned: false, reason: 'not pending' };
    const committeeId = committeeIdFor(doc.level, doc.level === 'community' ? doc.communityId : doc.streetId);
    const mediatorId = await this.choose(doc, committeeId, options.preferredMediatorId);
    if (!mediatorId) return this.stillPending(doc, `委员会 ${committeeId} 暂无可指派的调解员 no mediator of ${committeeId} is free of conflicts`);

    try {
      const view = await this.workflows.update(disputeId, assignMediatorUpdate,
        { actor: options.actor ?? SYSTEM_ACTOR, mediatorId, committeeId, level: doc.level }, `assign:${disputeId}:${doc.level}:${mediatorId}`);
      await this.record(disputeId, view.mediatorId ?? mediatorId, view.committeeId ?? committeeId, view.level);
      return { assigned: true, mediatorId: view.mediatorId ?? mediatorId };
    } catch (error) {
      if (error instanceof ConflictException) {
        // already assigned at this level (an earlier try got through before a restart): adopt what the workflow holds
        const view = await this.workflows.status(disputeId).catch(() => undefined);
        if (view?.mediatorId && view.level === doc.level && view.stage !== 'awaiting-mediator') {
          await this.record(disputeId, view.mediatorId, view.committeeId ?? committeeId, view.level);
          return { assigned: true, mediatorId: view.mediatorId };
        }
      }
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`指派调解员未成功，稍后重试 assignment of ${disputeId} failed, will retry: ${message}`);
      return this.stillPending(doc, message);
    }
  }

  private async choose(doc: DisputeDoc, committeeId: string, preferred?: string): Promise<string | undefined> {
    const members = await this.mediators.members(committeeId);
    const excluded = new Set(doc.pastMediatorIds);
    for (const m of members) if (mediatorConflict(m, doc.parties)) excluded.add(m._id);
    if (preferred) {
      const member = members.find((m) => m._id === preferred);
      if (!member) throw refused({ code: 'NOT_A_MEMBER', zh: `${preferred} 不是 ${committeeId} 的调解员`, en: `${preferred} is not a mediator of ${committeeId}` });
      const conflict = mediatorConflict(member, doc.parties);
      if (conflict) throw refused({ code: conflict.code, zh: conflict.zh, en: conflict.en });
      return preferred;
    }
    const loads = await Promise.all(members.filter((m) => !excluded.has(m._id)).map(async (m) => ({ mediatorId: m._id, openDisputes: await this.disputes.openCount(m._id) })));
    return pickMediator(loads, excluded);
  }

  private async record(disputeId: string, mediatorId: string, committeeId: string, level: DisputeDoc['level']): Promise<void> {
    const now = new Date();
    await this.disputes.mutate(disputeId, (doc) => (doc.mediatorId === mediatorId && !doc.assignmentPending ? undefined : {
      mediatorId, committeeId, level, assignmentPending: false, assignmentError: null,
      pastMediatorIds: doc.pastMediatorIds.includes(mediatorId) ? doc.pastMediatorIds : [...doc.pastMediatorIds, mediatorId],
      assignedAt: doc.assignedAt ?? now,
      ...(doc.stage === 'awaiting-mediator' ? { stage: 'mediating' as const, stageAt: now } : {}),
    }));
  }

  private async stillPending(doc: DisputeDoc, reason: string): Promise<AssignOutcome> {
    await this.disputes.mutate(doc._id, (d) => (d.assignmentError === reason ? undefined : { assignmentError: reason }));
    return { assigned: false, reason };
  }
}
