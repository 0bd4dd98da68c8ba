import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CASE_EVENT_TYPES, CaseEventEnvelope, caseProjectedV1 } from '@civicflow/contracts';
import { EventPublisher } from '@civicflow/platform';
import { applyCaseEvent, caseNumberOf, CaseReadDoc, TimelineDoc, toTimelineEntry } from './case-projection';
import { CASE_READ_MODEL, TIMELINE_MODEL } from './read-model.schema';
import { caseListKey, CaseLists } from './case-lists';
import { CaseFactsProjector } from '../statistics/case-facts.projector';
import { OpenCases } from '../statistics/open-cases';
import { ConcurrentChangeError, isDuplicateKey } from '@civicflow/platform';


/**
 * Projects the case events into the read model. Idempotent by event id: the timeline entry's `_id` is the
 * event id (a redelivery hits the unique key), and the case document only moves forward by sequence, written
 * with one single-document update guarded by its revision (a concurrent writer makes the transport retry).
 */
@Controller()
export class CaseEventsMessageController {
  private readonly logger = new Logger(CaseEventsMessageController.name);

  constructor(
    @InjectModel(CASE_READ_MODEL) private readonly cases: Model<CaseReadDoc>,
    @InjectModel(TIMELINE_MODEL) private readonly timeline: Model<TimelineDoc>,
    private readonly facts: CaseFactsProjector,
    private readonly openCases: OpenCases,
    private readonly lists: CaseLists,
    private readonly publisher: EventPublisher,
  ) {}

  // every case-lifecycle event; the transport validated it against its contract, so it arrives parsed and typed
  @EventPattern(CASE_EVENT_TYPES)
  async onCaseEvent(@Payload() event: CaseEventEnvelope): Promise<void> {
    await this.recordTimeline(event);
    // the statistics' case facts: idempotent by sequence, so a retry of this handler re-applies nothing
    await this.facts.project(event);
    const caseNumber = caseNumberOf(event);
    const current = await this.cases.findById(caseNumber).lean<CaseReadDoc>();
    const next = applyCaseEvent(current, event);
    if (!next) {
      // already applied: a retry after a failed index write completes it (a list it should have left is cleaned by its reader)
      if (current) await Promise.all([this.openCases.sync(current), this.lists.follow(null, current)]);
      return;
    }
    if (!current) {
      try {
        await this.cases.collection.insertOne({ ...next, revision: 1 } as never);
      } catch (error) {
        if (isDuplicateKey(error)) throw new ConcurrentChangeError(`case ${caseNumber} was created concurrently`);
        throw error;
      }
      await Promise.all([this.openCases.sync({ ...next, revision: 1 }), this.lists.follow(null, next)]);
      await this.announce(event, next);
      return;
    }
    const { _id, ...fields } = next;
    const revision = current.revision + 1;
    const result = await this.cases.collection.updateOne({ _id: _id as never, revision: current.revision }, { $set: { ...fields, revision } });
    if (result.matchedCount === 0) throw new ConcurrentChangeError(`case ${caseNumber} changed concurrently`);
    // the breach board's open-case index and the worklists follow the worklist document
    await Promise.all([this.openCases.sync({ ...next, revision }), this.lists.follow(current, next)]);
    this.logger.debug?.(`${event.type} → ${caseNumber} ${next.stage}@${next.currentUnit}`);
    await this.announce(event, next);
  }

  /**
   * Live screens hear of the case now that its worklist line and timeline show the event (the console relays this,
   * not the case event, so a list reloaded on it has the case). Best effort: a screen that misses one still polls.
   */
  private async announce(event: CaseEventEnvelope, shown: CaseReadDoc): Promise<void> {
    const units = [...new Set([...shown.orgPath, shown.gridId, shown.communityId, shown.streetId, shown.currentUnit, ...shown.departments].filter((u): u is string => !!u))];
    try {
      await this.publisher.publish(caseProjectedV1, {
        id: `${event.id}:projected`,
        key: shown._id,
        correlationId: event.correlationId,
        data: { caseNumber: shown._id, eventType: event.type, sequence: shown.lastSequence, stage: shown.stage, unitId: shown.currentUnit, units },
      });
    } catch (error) {
      this.logger.warn(`案件 ${shown._id} 视图更新未能通知 could not announce the projection: ${(error as Error).message}`);
    }
  }

  private async recordTimeline(event: CaseEventEnvelope): Promise<void> {
    const entry = toTimelineEntry(event);
    // the case's list first: an id whose entry never got written is skipped by the reader
    await this.lists.add(caseListKey.timeline(entry.caseNumber), entry._id);
    try {
      await this.timeline.collection.insertOne(entry as never);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
