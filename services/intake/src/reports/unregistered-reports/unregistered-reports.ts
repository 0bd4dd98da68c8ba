import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { REPORT_MODEL, ReportDoc } from '../report.schema';
import { caseSummary } from '../register-report/case-workflow.starter';
import { UNREGISTERED_REPORT_MODEL, UnregisteredReportDoc } from './unregistered-report.schema';

const MAX_REASON = 2000;

/** The queue of stored reports that have not become cases, with why (written by registration, by `_id`). */
@Injectable()
export class UnregisteredReports {
  constructor(
    @InjectModel(UNREGISTERED_REPORT_MODEL) private readonly queue: Model<UnregisteredReportDoc>,
    @InjectModel(REPORT_MODEL) private readonly reports: Model<ReportDoc>,
  ) {}

  /** A registration attempt failed: the report waits in the queue with the reason. */
  async record(report: ReportDoc, error: unknown): Promise<void> {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, MAX_REASON);
    const at = new Date();
    await this.reports.updateOne({ _id: report._id }, { $set: { failure: { reason, at } } });
    await this.queue.updateOne(
      { _id: report._id },
      {
        $set: { reason, lastFailedAt: at },
        $inc: { attempts: 1 },
        $setOnInsert: { channel: report.channel, sourceRef: report.sourceRef, summary: caseSummary(report.content), firstFailedAt: at },
      },
      { upsert: true },
    );
  }

  /** The report became a case (or joined one) after all. */
  async resolve(report: ReportDoc): Promise<void> {
    await this.queue.deleteOne({ _id: report._id });
    await this.reports.updateOne({ _id: report._id }, { $unset: { failure: 1 } });
  }

  list(): Promise<UnregisteredReportDoc[]> {
    return this.queue.find({}).lean<UnregisteredReportDoc[]>().exec();
  }
}
