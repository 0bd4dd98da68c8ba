import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { CaseEventEnvelope } from '@civicflow/contracts';
import { caseNumberOf } from '../read-model/case-projection';
import { applyFactEvent, CaseFactDoc } from './case-fact';
import { CaseFactDays } from './case-fact-days.store';
import { CASE_FACT_MODEL } from './case-fact.schema';
import { StatisticsBackfill } from './statistics-backfill';
import { ConcurrentChangeError, isDuplicateKey } from '@civicflow/platform';


/**
 * Writes the case facts and their rows in the day buckets. Called by the casework message controller for every
 * case event (one consumer group feeds both projections). Idempotent: a fact only moves forward by sequence
 * (case.registered applies once), written with one single-document update guarded by its revision — a
 * concurrent writer throws, and the transport retries the event. The day row follows the fact as written (or
 * as it stands, when the event changes nothing: a retry after a failed day write completes it).
 */
@Injectable()
export class CaseFactsProjector {
  constructor(
    @InjectModel(CASE_FACT_MODEL) private readonly facts: Model<CaseFactDoc>,
    private readonly days: CaseFactDays,
    private readonly backfill: StatisticsBackfill,
  ) {}

  async project(event: CaseEventEnvelope): Promise<void> {
    await this.backfill.ready();
    const caseNumber = caseNumberOf(event);
    const current = await this.facts.findById(caseNumber).lean<CaseFactDoc>();
    const next = applyFactEvent(current, event);
    if (!next) {
      if (current) await this.days.record(current);
      return;
    }
    if (!current) {
      try {
        await this.facts.collection.insertOne({ ...next, revision: 1 } as never);
      } catch (error) {
        if (isDuplicateKey(error)) throw new ConcurrentChangeError(`case fact ${caseNumber} was created concurrently`);
        throw error;
      }
      await this.days.record({ ...next, revision: 1 });
      return;
    }
    const { _id, ...fields } = next;
    const revision = current.revision + 1;
    const result = await this.facts.collection.updateOne({ _id: _id as never, revision: current.revision }, { $set: { ...fields, revision } });
    if (result.matchedCount === 0) throw new ConcurrentChangeError(`case fact ${caseNumber} changed concurrently`);
    await this.days.record({ ...next, revision });
  }
}
