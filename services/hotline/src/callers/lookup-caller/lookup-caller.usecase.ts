import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { TaxonomyIndex } from '@civicflow/domain';
import { PiiProtector } from '@civicflow/platform';
import { TAXONOMY } from '../../categories/taxonomy.provider';
import { CALL_MODEL, CallDoc } from '../../calls/call.schema';
import { CALLER_CALLS_MODEL, CallerCallsDoc } from '../../calls/call-indexes.schema';
import { CallerHistory } from './lookup-caller.dto';

const SUMMARY_LENGTH = 60;

type ListedCall = Omit<CallDoc, 'callerEncrypted'>;

/**
 * 来电历史: a repeat caller's earlier calls with the cases they became, newest first. The number is turned into its
 * keyed hash at once and never stored or logged. The caller's list of calls is one document keyed by that hash, and
 * the page's calls are read by id: point reads however many calls are stored.
 */
@Injectable()
export class LookupCallerUseCase {
  constructor(
    @InjectModel(CALL_MODEL) private readonly calls: Model<CallDoc>,
    @InjectModel(CALLER_CALLS_MODEL) private readonly callerCalls: Model<CallerCallsDoc>,
    private readonly protector: PiiProtector,
    @Inject(TAXONOMY) private readonly taxonomy: TaxonomyIndex,
  ) {}

  async execute(number: string, limit: number): Promise<CallerHistory> {
    const callerHash = this.protector.hash('phone', number);
    const ids = (await this.callerCalls.findById(callerHash).lean<CallerCallsDoc>().exec())?.callIds ?? [];
    // newest last in the list; an id whose call was never stored (its request failed) is skipped
    const found = await Promise.all(ids.slice(-limit).map((id) => this.calls.findById(id, { callerEncrypted: 0 }).lean<ListedCall>().exec()));
    const calls = found.filter((call): call is ListedCall => !!call).sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime());
    const count = ids.length - (found.length - calls.length);
    return { callerMasked: this.protector.mask('phone', number), count, calls: calls.map((call) => this.toEntry(call)) };
  }

  private toEntry(call: ListedCall): CallerHistory['calls'][number] {
    const minor = call.categoryCode ? this.taxonomy.minorByCode(call.categoryCode) : undefined;
    return {
      callId: call._id,
      receivedAt: call.receivedAt.toISOString(),
      requestType: call.requestType,
      urgency: call.urgency,
      ...(call.categoryCode ? { categoryCode: call.categoryCode } : {}),
      ...(minor ? { category: { zh: minor.zh, en: minor.en } } : {}),
      summary: call.content.length > SUMMARY_LENGTH ? `${call.content.slice(0, SUMMARY_LENGTH)}…` : call.content,
      ...(call.caseLink ? { caseNumber: call.caseLink.caseNumber, caseLink: call.caseLink.kind } : {}),
      ...(call.answeredDirectly ? { answeredDirectly: { articleId: call.answeredDirectly.articleId } } : {}),
    };
  }
}
