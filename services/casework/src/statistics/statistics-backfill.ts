import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import type { CaseReadDoc } from '../read-model/case-projection';
import { CASE_READ_MODEL } from '../read-model/read-model.schema';
import type { CaseFactDoc } from './case-fact';
import { dayKeyOf, FactRow, ROW_SOURCE_FIELDS, rowOf, RowSource } from './case-fact-days';
import { CaseFactDays } from './case-fact-days.store';
import { CASE_FACT_MODEL } from './case-fact.schema';
import { OpenCases } from './open-cases';

/** Documents read per step of a rebuild. */
export const BACKFILL_CHUNK = 1000;
/** Which rebuilds have run, by name (`case_fact_days`, `case_open`). */
export const BACKFILL_COLLECTION = 'statistics_backfills';

/**
 * Builds the day buckets and the open-case index once from what a deployment already holds (case_facts and the
 * worklist of a version before them), then records that it did. Runs at start; the projector and the figures
 * wait for it (`ready`), so no event is projected while a rebuild runs in this process. A rebuild that fails is
 * tried again by the next caller; one that is cut short runs again at the next start (writes are idempotent).
 */
@Injectable()
export class StatisticsBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger(StatisticsBackfill.name);
  private running?: Promise<void>;

  constructor(
    @InjectModel(CASE_FACT_MODEL) private readonly facts: Model<CaseFactDoc>,
    @InjectModel(CASE_READ_MODEL) private readonly cases: Model<CaseReadDoc>,
    @InjectConnection() private readonly connection: Connection,
    private readonly days: CaseFactDays,
    private readonly openCases: OpenCases,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ready().catch((error: unknown) => this.logger.error(`statistics backfill failed (retried on the next request): ${error instanceof Error ? error.message : String(error)}`));
  }

  ready(): Promise<void> {
    this.running ??= this.run().catch((error: unknown) => {
      this.running = undefined;
      throw error;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    await this.once('case_fact_days', () => this.rebuildDays());
    await this.once('case_open', () => this.rebuildOpenCases());
  }

  private async once(name: string, rebuild: () => Promise<number>): Promise<void> {
    const done = this.connection.collection<{ _id: string; completedAt: Date; documents: number }>(BACKFILL_COLLECTION);
    if (await done.findOne({ _id: name })) return;
    const started = Date.now();
    this.logger.log(`${name}: building from the existing cases (once, after an upgrade)`);
    const documents = await rebuild();
    await done.updateOne({ _id: name }, { $set: { completedAt: new Date(), documents } }, { upsert: true });
    this.logger.log(`${name}: built from ${documents} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }

  /** Every fact's row into its day, a chunk at a time (one cursor over case_facts, the row fields only). */
  private async rebuildDays(): Promise<number> {
    const projection = Object.fromEntries(ROW_SOURCE_FIELDS.map((field) => [field, 1]));
    let seen = 0;
    let chunk: FactRow[] = [];
    const flush = async () => {
      const byDay = new Map<string, FactRow[]>();
      for (const row of chunk) {
        const dayKey = dayKeyOf(row.registeredAt);
        byDay.set(dayKey, [...(byDay.get(dayKey) ?? []), row]);
      }
      for (const [dayKey, rows] of byDay) await this.days.merge(dayKey, rows);
      chunk = [];
      this.logger.log(`case_fact_days: ${seen} facts done`);
    };
    for await (const fact of this.facts.collection.find({}, { projection, batchSize: BACKFILL_CHUNK })) {
      seen += 1;
      const row = rowOf(fact as unknown as RowSource);
      if (row) chunk.push(row);
      if (seen % BACKFILL_CHUNK === 0) await flush();
    }
    await flush();
    return seen;
  }

  /** Every open worklist document into the open-case index, a chunk at a time. */
  private async rebuildOpenCases(): Promise<number> {
    await this.openCases.clear();
    let seen = 0;
    let chunk: CaseReadDoc[] = [];
    const flush = async () => {
      await this.openCases.addAll(chunk);
      chunk = [];
      this.logger.log(`case_open: ${seen} open cases done`);
    };
    for await (const doc of this.cases.collection.find({ open: true }, { batchSize: BACKFILL_CHUNK })) {
      seen += 1;
      chunk.push(doc as unknown as CaseReadDoc);
      if (chunk.length === BACKFILL_CHUNK) await flush();
    }
    await flush();
    return seen;
  }
}
