import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import type { MonthlyReport } from './monthly-report';

/** One document per month (`_id`: 'YYYY-MM'), as generated: read and written by `_id` only. */
export const MONTHLY_REPORT_COLLECTION = 'monthly_reports';
/** The months generated, one small document (`_id`: 'index'), so the list is a point read too. */
const INDEX_ID = 'index';

@Injectable()
export class MonthlyReportStore {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get reports() {
    return this.connection.collection<MonthlyReport>(MONTHLY_REPORT_COLLECTION);
  }

  private get index() {
    return this.connection.collection<{ _id: string; months: { month: string; generatedAt: string; policyVersion: number }[] }>(`${MONTHLY_REPORT_COLLECTION}_index`);
  }

  find(month: string): Promise<MonthlyReport | null> {
    return this.reports.findOne({ _id: month });
  }

  /** Stores the month's report unless one is there already (the first one generated stands); returns the stored one and whether it was this one. */
  async keepFirst(report: MonthlyReport): Promise<{ report: MonthlyReport; created: boolean }> {
    const created = await this.reports.insertOne(report).then(() => true, (error: { code?: number }) => {
      if (error.code === 11000) return false;
      throw error;
    });
    const stored = created ? report : (await this.find(report.month))!;
    // the index is written after the report: a crash in between is mended by the next call for the month
    await this.index.updateOne(
      { _id: INDEX_ID },
      { $addToSet: { months: { month: stored.month, generatedAt: stored.generatedAt, policyVersion: stored.policy.version } } },
      { upsert: true },
    );
    return { report: stored, created };
  }

  /** Supervisors were told of the month's report (the event is out). */
  async markAnnounced(month: string, at: Date): Promise<void> {
    await this.reports.updateOne({ _id: month }, { $set: { announcedAt: at.toISOString() } });
  }

  async months(): Promise<{ month: string; generatedAt: string; policyVersion: number }[]> {
    const doc = await this.index.findOne({ _id: INDEX_ID });
    return [...(doc?.months ?? [])].sort((a, b) => b.month.localeCompare(a.month));
  }
}
