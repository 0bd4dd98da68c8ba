import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CASE_COUNTER_MODEL, CaseCounterDoc } from './case.schema';
import { caseNumberDay, formatCaseNumber } from './case-number';

/** Unique under concurrency: one atomic $inc on the day's counter document (works on FerretDB and MongoDB). */
@Injectable()
export class CaseNumberAllocator {
  constructor(@InjectModel(CASE_COUNTER_MODEL) private readonly counters: Model<CaseCounterDoc>) {}

  async next(at: Date): Promise<string> {
    const day = caseNumberDay(at);
    const counter = await this.counters.findOneAndUpdate({ _id: day }, { $inc: { seq: 1 } }, { upsert: true, new: true }).lean();
    return formatCaseNumber(day, counter.seq);
  }
}
