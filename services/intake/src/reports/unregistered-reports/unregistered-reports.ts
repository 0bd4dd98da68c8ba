import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { REPORT_MODEL, ReportDoc } from '../report.schema';
import { caseSummary } from '../register-report/case-workflow.starter';
import { UNREGISTERED_REPORT_MODEL, UnregisteredReportDoc } from './unregistered-report.schema';
import { waitingListKey, WaitingLists } from '../../shared/waiting-lists';

const MAX_REASON = 2000;

/** The queue of stored reports that have not become cases, with why (written by registration, by `_id`; listed oldest failure first). */
@Injectable()
export class UnregisteredReports {
  constructor(
    @InjectModel(UNREGISTERED_REPORT_MODEL) private readonly queue: Model<UnregisteredReportDoc>,
    @InjectModel(REPORT_MODEL) private readonly reports: Model<ReportDoc>,
    private readonly waiting: WaitingLists,
  ) {}

  /** A registration attempt failed: the report waits in the queue with the reason. */
  async record(report: ReportDoc, error: unknown): Promise<void> {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, MAX_REASON);
    const at = new Date();
    await this.reports.updateOne({ _id: report._id }, { $set: { failure: { reason, at } } });
    const stored = await this.queue.findById(report._id, { firstFailedAt: 1 }).lean<Pick<UnregisteredReportDoc, 'firstFailedAt'>>();
    const since = stored?.firstFailedAt ?? at;
    await this.waiting.put(waitingListKey.unregistered, report._id, since, stored?.firstFailedAt, () =>
      this.queue.updateOne(
        { _id: report._id },
        {
          $set: { reason, lastFailedAt: at },
          $inc: { attempts: 1 },
          $setOnInsert: { channel: report.channel, sourceRef: report.sourceRef, summary: caseSummary(report.content), firstFailedAt: since },
        },
        { upsert: true },
      ),
    );
  }

  /** The report became a case (or joined one) after all. */
  async resolve(report: ReportDoc): Promise<void> {
    const stored = await this.queue.findById(report._id, { firstFailedAt: 1 }).lean<Pick<UnregisteredReportDoc, 'firstFailedAt'>>();
    if (stored) await this.waiting.take(waitingListKey.unregistered, report._id, stored.firstFailedAt, () => this.queue.deleteOne({ _id: report._id }));
    await this.reports.updateOne({ _id: report._id }, { $unset: { failure: 1 } });
  }

  /** How many wait and the first `limit`, oldest failure first (by `_id`, through the waiting list). */
  list(limit: number): Promise<{ total: number; entries: UnregisteredReportDoc[] }> {
    return this.waiting.page(waitingListKey.unregistered, limit, (id) => this.queue.findById(id).lean<UnregisteredReportDoc>().exec(), (e) => e.firstFailedAt);
  }
}
