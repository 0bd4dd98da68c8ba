import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { TaxonomyIndex } from '@civicflow/domain';
import { PiiProtector } from '@civicflow/platform';
import { TAXONOMY } from '../../categories/taxonomy.provider';
import { CALL_MODEL, CallDoc } from '../../calls/call.schema';
import { CallerHistory } from './lookup-caller.dto';

const SUMMARY_LENGTH = 60;

type ListedCall = Omit<CallDoc, 'callerEncrypted'>;

/**
 * 来电历史: a repeat caller's earlier calls with the cases they became, newest first. The number is turned into its
 * keyed hash at once and never stored or logged; the query is an equality on the hash, served by the
 * { callerHash, receivedAt } index with the sort and limit in the query (FerretDB pushes only that down).
 */
@Injectable()
export class LookupCallerUseCase {
  constructor(
    @InjectModel(CALL_MODEL) private readonly calls: Model<CallDoc>,
    private readonly protector: PiiProtector,
    @Inject(TAXONOMY) private readonly taxonomy: TaxonomyIndex,
  ) {}

  async execute(number: string, limit: number): Promise<CallerHistory> {
    const callerHash = this.protector.hash('phone', number);
    const [count, calls] = await Promise.all([
      this.calls.countDocuments({ callerHash }).exec(),
      this.calls.find({ callerHash }, { callerEncrypted: 0 }).sort({ receivedAt: -1 }).limit(limit).lean<ListedCall[]>().exec(),
    ]);
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
