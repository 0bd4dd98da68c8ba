import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { BSON } from 'mongodb';
import { Connection } from 'mongoose';
import type { MonthlyReport, MonthlyReportCase } from './monthly-report';

/**
 * One header per month (`_id`: 'YYYY-MM') — the report without its drill-down — and the drill-down in parts of at
 * most PART_BYTES (`_id`: '<month>:<generation>:<n>', named in the header's `caseParts`): a big city's month (300
 * streets, 60 departments, 100,000 cases: 32 MB) passes MongoDB's 16 MB document limit as one document. Everything
 * is read and written by `_id` only. Reports stored whole before the split (with `cases`, no `caseParts`) read as
 * they are.
 */
export const MONTHLY_REPORT_COLLECTION = 'monthly_reports';
export const MONTHLY_REPORT_PARTS_COLLECTION = 'monthly_report_parts';
/** The months generated, one small document (`_id`: 'index'), so the list is a point read too. */
const INDEX_ID = 'index';
/** A quarter of the document limit: room for the part's own fields, and no single write of more than a few MB. */
export const PART_BYTES = 4 * 1024 * 1024;

/** The stored report without its drill-down, and who stored it (a scheduled run's workflow id, a request's own id). */
export type StoredMonthlyReport = Omit<MonthlyReport, 'cases'> & { writer?: string };
type MonthlyReportHeader = StoredMonthlyReport & { caseParts?: string[]; cases?: MonthlyReportCase[] };
interface MonthlyReportPart {
  _id: string;
  month: string;
  cases: MonthlyReportCase[];
}

/** The report as a header and its drill-down in parts of at most `partBytes` (BSON), in order; `generation` keeps two generators' parts apart. */
export function splitMonthlyReport(report: MonthlyReport, generation: string, partBytes = PART_BYTES): { header: MonthlyReportHeader; parts: MonthlyReportPart[] } {
  const { cases, ...rest } = report;
  const parts: MonthlyReportPart[] = [];
  let current: MonthlyReportCase[] = [];
  let bytes = 0;
  const close = () => {
    parts.push({ _id: `${report.month}:${generation}:${parts.length}`, month: report.month, cases: current });
    current = [];
    bytes = 0;
  };
  for (const item of cases) {
    const size = BSON.calculateObjectSize(item) + 16; // the array index and element type beside it
    if (current.length > 0 && bytes + size > partBytes) close();
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) close();
  return { header: { ...rest, caseParts: parts.map((p) => p._id) }, parts };
}

function withoutCases(header: MonthlyReportHeader): StoredMonthlyReport {
  const { caseParts: _parts, cases: _cases, ...rest } = header;
  return rest;
}

@Injectable()
export class MonthlyReportStore {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get reports() {
    return this.connection.collection<MonthlyReportHeader>(MONTHLY_REPORT_COLLECTION);
  }

  private get parts() {
    return this.connection.collection<MonthlyReportPart>(MONTHLY_REPORT_PARTS_COLLECTION);
  }

  private get index() {
    return this.connection.collection<{ _id: string; months: { month: string; generatedAt: string; policyVersion: number }[] }>(`${MONTHLY_REPORT_COLLECTION}_index`);
  }

  /** The month's report without its drill-down (what is needed to tell supervisors and to list it). */
  async header(month: string): Promise<StoredMonthlyReport | null> {
    const header = await this.reports.findOne({ _id: month });
    return header && withoutCases(header);
  }

  /** The whole report, its drill-down put together from its parts. */
  async find(month: string): Promise<MonthlyReport | null> {
    const header = await this.reports.findOne({ _id: month });
    if (!header) return null;
    const { caseParts, cases, writer: _writer, ...rest } = header;
    if (!caseParts) return { ...rest, cases: cases ?? [] };
    const parts = await Promise.all(caseParts.map(async (id) => {
      const part = await this.parts.findOne({ _id: id });
      // parts are written before their header: a missing one was deleted by hand
      if (!part) throw new Error(`月度考核报告 ${month} 缺少分片 the report's part ${id} is missing`);
      return part.cases;
    }));
    return { ...rest, cases: parts.flat() };
  }

  /**
   * Stores the month's report, written by `writer`, unless one is there already (the first one generated stands);
   * returns the stored one (without its drill-down) and whether it was this one. The parts go first, the header last:
   * a header is never without its parts, and a generator that lost the race removes its own parts.
   */
  async keepFirst(report: MonthlyReport, writer: string): Promise<{ report: StoredMonthlyReport; created: boolean }> {
    const split = splitMonthlyReport(report, randomUUID().slice(0, 8));
    const { parts } = split;
    const header = { ...split.header, writer };
    for (const part of parts) await this.parts.insertOne(part);
    const created = await this.reports.insertOne(header).then(() => true, (error: { code?: number }) => {
      if (error.code === 11000) return false;
      throw error;
    });
    if (!created) for (const part of parts) await this.parts.deleteOne({ _id: part._id });
    const stored = created ? withoutCases(header) : (await this.header(report.month))!;
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
