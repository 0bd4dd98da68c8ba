import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { isDuplicateKey } from '@civicflow/platform';
import { CASE_COUNTER_MODEL, CASE_NUMBER_MODEL, CaseCounterDoc, CaseNumberDoc } from './case-number.schema';
import { caseNumberDay, formatCaseNumber } from './case-number';

/** Numbers tried before giving up. */
const MAX_CLAIM_ATTEMPTS = 64;
/** After each collision in a row the counter jumps twice as far (1, 2, 4 … 4096): a counter restored far behind the claimed numbers catches up in a few tries. */
const MAX_STEP = 4096;

/**
 * Hands out case numbers. The day counter (`$inc`) proposes the next number; inserting the number's own document
 * claims it, and the unique `_id` refuses a number another report holds — then the counter proposes the next. So two
 * reports never share a number even where `$inc` is not atomic (the day counter of FerretDB 1.24 lost increments
 * under concurrency) or after the counter was restored behind the claimed numbers. Every call is a point operation.
 */
@Injectable()
export class CaseNumbers {
  constructor(
    @InjectModel(CASE_NUMBER_MODEL) private readonly numbers: Model<CaseNumberDoc>,
    @InjectModel(CASE_COUNTER_MODEL) private readonly counters: Model<CaseCounterDoc>,
  ) {}

  /**
   * A number of `at`'s day (China time) claimed for the report `source`. `firstStep` > 1 makes the counter jump at
   * once: the caller met numbers held by other reports' workflows, which the counter knows nothing of.
   */
  async claim(source: string, at: Date, firstStep = 1): Promise<string> {
    const day = caseNumberDay(at);
    for (let attempt = 0, step = Math.min(firstStep, MAX_STEP); attempt < MAX_CLAIM_ATTEMPTS; attempt++, step = Math.min(step * 2, MAX_STEP)) {
      const caseNumber = formatCaseNumber(day, await this.nextHint(day, step));
      try {
        await this.numbers.collection.insertOne({ _id: caseNumber as never, source, claimedAt: at, joined: [] });
        return caseNumber;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // taken: by another report (try the next), or by this one in an attempt whose answer was lost
        const holder = await this.numbers.findById(caseNumber).lean();
        if (holder?.source === source && !holder.takenBy) return caseNumber;
      }
    }
    throw new Error(`no free case number for ${day} after ${MAX_CLAIM_ATTEMPTS} tries`);
  }

  /** Gives back a number claimed for `source` that its report did not take (a concurrent delivery linked another). */
  async release(caseNumber: string, source: string): Promise<void> {
    await this.numbers.deleteOne({ _id: caseNumber, source, takenBy: { $exists: false } });
  }

  /** The number belongs to another report's workflow: it stays claimed, so it is never handed out again. */
  async markTaken(caseNumber: string, owner: string): Promise<void> {
    await this.numbers.updateOne({ _id: caseNumber }, { $set: { takenBy: owner } });
  }

  /** A report merged into the case at intake (合并); idempotent. */
  async join(caseNumber: string, source: string): Promise<void> {
    await this.numbers.updateOne({ _id: caseNumber }, { $addToSet: { joined: source } });
  }

  find(caseNumber: string): Promise<CaseNumberDoc | null> {
    return this.numbers.findById(caseNumber).lean<CaseNumberDoc>().exec();
  }

  private async nextHint(day: string, step: number): Promise<number> {
    try {
      const counter = await this.counters.findOneAndUpdate({ _id: day }, { $inc: { seq: step } }, { upsert: true, new: true }).lean();
      return counter.seq;
    } catch (error) {
      // two first claims of a day upserted at once (MongoDB): the counter exists now
      if (!isDuplicateKey(error)) throw error;
      return (await this.counters.findOneAndUpdate({ _id: day }, { $inc: { seq: step } }, { new: true }).lean())!.seq;
    }
  }
}
