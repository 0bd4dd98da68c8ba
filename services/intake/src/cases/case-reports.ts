import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { REPORT_MODEL, ReportDoc } from '../reports/report.schema';
import { CaseNumbers } from './case-number/case-numbers';
import type { CaseNumberDoc } from './case-number/case-number.schema';

export interface CaseReportsFound {
  number: CaseNumberDoc;
  /** the report the case was opened for */
  first: ReportDoc;
  /** reports that joined it at intake (合并), oldest first */
  joined: ReportDoc[];
}

/** A case's reports by its number: the number's document names them, each is read by `_id`. */
@Injectable()
export class CaseReports {
  constructor(private readonly numbers: CaseNumbers, @InjectModel(REPORT_MODEL) private readonly reports: Model<ReportDoc>) {}

  async first(caseNumber: string): Promise<ReportDoc | undefined> {
    const number = await this.numbers.find(caseNumber);
    if (!number || number.takenBy) return undefined;
    const first = await this.report(number.source);
    // a number claimed by a delivery that lost the race to link its report is no case
    return first?.caseNumber === caseNumber ? first : undefined;
  }

  async all(caseNumber: string): Promise<CaseReportsFound | undefined> {
    const number = await this.numbers.find(caseNumber);
    if (!number || number.takenBy) return undefined;
    const [first, ...joined] = await Promise.all([number.source, ...number.joined].map((source) => this.report(source)));
    if (first?.caseNumber !== caseNumber) return undefined;
    return { number, first, joined: joined.filter((r): r is ReportDoc => r?.caseNumber === caseNumber) };
  }

  report(source: string): Promise<ReportDoc | null> {
    return this.reports.findById(source).lean<ReportDoc>().exec();
  }
}
