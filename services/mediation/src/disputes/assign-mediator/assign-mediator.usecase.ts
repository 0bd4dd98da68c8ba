import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { committeeIdFor } from '../../committees/committee';
import { MediatorStore } from '../../committees/mediator.store';
import { pickMediator } from '../../committees/pick-mediator';
import { mediatorConflict } from '../../parties/mediator-conflict';
import { PartyRegister } from '../../parties/party-register';
import { refused } from '../../shared/http-errors';
import { assignMediatorUpdate, MediationActor } from '../../workflow/mediation-contract';
import { MediationWorkflows, SYSTEM_ACTOR } from '../../workflow/mediation-workflows';
import { DisputeDoc } from '../dispute';
import { DisputeStore } from '../dispute.store';
import { AssignmentClaims } from './assignment-claims';

/** How long one try may hold a dispute's assignment (an Update normally answers in well under a second). */
const CLAIM_MS = 60_000;

export type AssignOutcome = { assigned: true; mediatorId: string; lastSequence: number } | { assigned: false; reason: string };

/** What choosing a mediator needs to know of the dispute: where it is held, and who has held it. */
export type AssignmentFacts = Pick<DisputeDoc, 'level' | 'communityId' | 'streetId' | 'pastMediatorIds'>;

/**
 * 指派调解员: a member of the committee that holds the dispute now (the community's 人民调解委员会, or after a
 * failure the street's 矛盾调解中心), chosen by workload — fewest open disputes — skipping anyone who is a party
 * (回避) or has already mediated it. Sent to the workflow as the assignMediator Update; the workflow's
 * mediation.mediator-assigned puts the mediator on the stored dispute (nothing here writes the dispute). Safe to
 * call again: the workflow refuses a dispute that is not awaiting a mediator.
 * The facts come from the projection, or from the opener (a dispute just opened is not projected yet).
 */
@Injectable()
export class AssignMediatorUseCase {
  private readonly logger = new Logger(AssignMediatorUseCase.name);

  constructor(
    private readonly disputes: DisputeStore,
    private readonly parties: PartyRegister,
    private readonly mediators: MediatorStore,
    private readonly workflows: MediationWorkflows,
    private readonly claims: AssignmentClaims,
  ) {}

  async execute(disputeId: string, options: { preferredMediatorId?: string; actor?: MediationActor; facts?: AssignmentFacts } = {}): Promise<AssignOutcome> {
    if (!(await this.claims.claim(disputeId, new Date(), CLAIM_MS))) return { assigned: false, reason: 'being assigned' };
    let outcome: AssignOutcome = { assigned: false, reason: 'not pending' };
    try {
      outcome = await this.assign(disputeId, options);
      return outcome;
    } finally {
      await this.claims.release(disputeId, outcome.assigned ? null : outcome.reason);
    }
  }

  private async assign(disputeId: string, options: { preferredMediatorId?: string; actor?: MediationActor; facts?: AssignmentFacts }): Promise<AssignOutcome> {
    const facts = options.facts ?? (await this.pendingFacts(disputeId));
    if (!facts) return { assigned: false, reason: 'not pending' };
    const committeeId = committeeIdFor(facts.level, facts.level === 'community' ? facts.communityId : facts.streetId);
    const mediatorId = await this.choose(disputeId, facts, committeeId, options.preferredMediatorId);
    if (!mediatorId) return { assigned: false, reason: `委员会 ${committeeId} 暂无可指派的调解员 no mediator of ${committeeId} is free of conflicts` };

    try {
      const view = await this.workflows.update(disputeId, assignMediatorUpdate,
        { actor: options.actor ?? SYSTEM_ACTOR, mediatorId, committeeId, level: facts.level }, `assign:${disputeId}:${facts.level}:${mediatorId}`);
      return { assigned: true, mediatorId: view.mediatorId ?? mediatorId, lastSequence: view.lastSequence };
    } catch (error) {
      if (error instanceof ConflictException) {
        // already assigned at this level (an earlier try got through before a restart): the workflow holds it
        const view = await this.workflows.status(disputeId).catch(() => undefined);
        if (view?.mediatorId && view.level === facts.level && view.stage !== 'awaiting-mediator') return { assigned: true, mediatorId: view.mediatorId, lastSequence: view.lastSequence };
      }
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`指派调解员未成功，稍后重试 assignment of ${disputeId} failed, will retry: ${message}`);
      return { assigned: false, reason: message };
    }
  }

  private async pendingFacts(disputeId: string): Promise<AssignmentFacts | undefined> {
    const doc = await this.disputes.findById(disputeId);
    return doc?.assignmentPending ? doc : undefined;
  }

  private async choose(disputeId: string, facts: AssignmentFacts, committeeId: string, preferred?: string): Promise<string | undefined> {
    const [members, parties] = await Promise.all([this.mediators.members(committeeId), this.parties.partiesOf(disputeId)]);
    const excluded = new Set(facts.pastMediatorIds);
    for (const m of members) if (mediatorConflict(m, parties)) excluded.add(m._id);
    if (preferred) {
      const member = members.find((m) => m._id === preferred);
      if (!member) throw refused({ code: 'NOT_A_MEMBER', zh: `${preferred} 不是 ${committeeId} 的调解员`, en: `${preferred} is not a mediator of ${committeeId}` });
      const conflict = mediatorConflict(member, parties);
      if (conflict) throw refused({ code: conflict.code, zh: conflict.zh, en: conflict.en });
      return preferred;
    }
    const loads = await Promise.all(members.filter((m) => !excluded.has(m._id)).map(async (m) => ({ mediatorId: m._id, openDisputes: await this.disputes.openCount(m._id) })));
    return pickMediator(loads, excluded);
  }
}
