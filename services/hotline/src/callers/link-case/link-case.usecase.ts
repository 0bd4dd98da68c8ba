import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CALL_MODEL, CallDoc, CaseLink } from '../../calls/call.schema';
import { CASE_CALLS_MODEL, CaseCallsDoc } from '../../calls/call-indexes.schema';
import { CaseLinkDecision, decideCaseLink } from './decide-case-link';

export type CaseLinkResult = CaseLinkDecision | 'unknown-call';

/** The hotline's read model of which case each call became, so a repeat caller's earlier cases show at a glance. */
@Injectable()
export class LinkCaseUseCase {
  private readonly logger = new Logger(LinkCaseUseCase.name);

  constructor(
    @InjectModel(CALL_MODEL) private readonly calls: Model<CallDoc>,
    @InjectModel(CASE_CALLS_MODEL) private readonly caseCalls: Model<CaseCallsDoc>,
  ) {}

  async execute(callId: string, link: CaseLink): Promise<CaseLinkResult> {
    const call = await this.calls.findById(callId, { caseLink: 1 }).lean<Pick<CallDoc, '_id' | 'caseLink'>>().exec();
    if (!call) {
      // a case from a call this deployment never took (another hotline, or a test sharing the topic): not ours
      this.logger.debug(`case ${link.caseNumber} names call ${callId}, which is not in this hotline's database`);
      return 'unknown-call';
    }
    const decision = decideCaseLink(call.caseLink, link);
    if (decision !== 'conflict') {
      // the case's side first (idempotent), so a retry after a failure between the two writes completes both
      const call = link.kind === 'registered' ? { $set: { registered: callId } } : { $addToSet: { merged: callId } };
      await this.caseCalls.updateOne({ _id: link.caseNumber }, call, { upsert: true }).exec();
    }
    if (decision === 'link') {
      // the condition makes a concurrent second link a no-op instead of an overwrite
      const { matchedCount } = await this.calls.updateOne({ _id: callId, caseLink: { $exists: false } }, { $set: { caseLink: link } }).exec();
      if (matchedCount === 0) return this.execute(callId, link);
    } else if (decision === 'conflict') {
      this.logger.warn(`来电 ${callId} 已关联案件 ${call.caseLink?.caseNumber},忽略 ${link.caseNumber} call already linked to another case; keeping the first`);
    }
    return decision;
  }
}
