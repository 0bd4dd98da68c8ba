import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CaseFacts, CaseFactsRecorder } from './case-facts';
import { CASE_FACTS_MODEL, CaseFactsDoc, REPORT_SOURCE_MODEL, ReportSourceDoc } from './case-facts.schema';

/**
 * Case facts in the service's own database. Every write is one upsert by _id that commutes with the others
 * ($set of the same values, $addToSet), so the events may arrive in any order and any number of times.
 */
@Injectable()
export class MongoCaseFacts implements CaseFactsRecorder {
  constructor(
    @InjectModel(CASE_FACTS_MODEL) private readonly cases: Model<CaseFactsDoc>,
    @InjectModel(REPORT_SOURCE_MODEL) private readonly sources: Model<ReportSourceDoc>,
  ) {}

  async get(caseNumber: string): Promise<CaseFacts | undefined> {
    const found = await this.cases.findById(caseNumber).lean();
    return found ? { caseNumber, reporterRefs: found.reporterRefs ?? [], categoryCode: found.categoryCode, orgPath: found.orgPath, streetId: found.streetId } : undefined;
  }

  async reporterOfSource(channel: string, sourceRef: string): Promise<string | undefined> {
    return (await this.sources.findById(`${channel}:${sourceRef}`).lean())?.reporterRef;
  }

  async recordSource(channel: string, sourceRef: string, reporterRef: string, at: Date): Promise<void> {
    await this.sources.updateOne({ _id: `${channel}:${sourceRef}` }, { $setOnInsert: { reporterRef, at } }, { upsert: true });
  }

  async recordCase(caseNumber: string, facts: { categoryCode?: string; orgPath?: string[]; urgency?: string; streetId?: string }, at: Date): Promise<void> {
    const defined = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
    await this.cases.updateOne(
      { _id: caseNumber },
      { $set: { ...defined, updatedAt: at }, $setOnInsert: { reporterRefs: [] } },
      { upsert: true },
    );
  }

  async addReporter(caseNumber: string, reporterRef: string, at: Date): Promise<void> {
    await this.cases.updateOne({ _id: caseNumber }, { $addToSet: { reporterRefs: reporterRef }, $set: { updatedAt: at } }, { upsert: true });
  }
}
