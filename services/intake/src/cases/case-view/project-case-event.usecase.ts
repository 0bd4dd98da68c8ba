import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { EventEnvelope } from '@civicflow/contracts';
import { isDuplicateKey } from '@civicflow/platform';
import { CaseReports } from '../case-reports';
import { openCaseCellsOf, openCaseEntry, OpenCases } from '../dedup/open-cases';
import { DISPATCH_QUEUE_MODEL, DispatchQueueEntryDoc } from '../dispatch-queue/dispatch-queue.schema';
import { waitingListKey, WaitingLists } from '../../shared/waiting-lists';
import { GridRoutes } from '../routing/grid-routes';
import { CaseViewChange, caseViewChangeOf, CaseViewEffect, RegistrationChange, TransitionChange } from './case-view.projection';
import { CASE_VIEW_MODEL, CaseViewDoc } from './case-view.schema';
import { CaseViewSubscribers } from './case-view-subscribers';

/** What the view records of the effects it leads to, so a later event knows what to undo without reading more. */
function membership(effects: readonly CaseViewEffect[]): Pick<CaseViewDoc, 'queued' | 'indexed'> {
  const flags: Pick<CaseViewDoc, 'queued' | 'indexed'> = {};
  for (const effect of effects) {
    if (effect.type === 'enter-dispatch-queue') flags.queued = true;
    if (effect.type === 'leave-dispatch-queue') flags.queued = false;
    if (effect.type === 'enter-open-index') flags.indexed = true;
    if (effect.type === 'leave-open-index') flags.indexed = false;
  }
  return flags;
}

/**
 * Projects a case event into intake: the case's view (one conditional write by `_id`, forward by sequence only),
 * then what follows from it — the dispatch queue and the open-case index. A redelivered event finds the view at its
 * sequence and carries out its effects again (idempotent), an older one changes nothing. The view remembers whether
 * the case is queued or indexed (and under which cells), so an effect that would change nothing costs no write.
 */
@Injectable()
export class ProjectCaseEventUseCase {
  constructor(
    @InjectModel(CASE_VIEW_MODEL) private readonly views: Model<CaseViewDoc>,
    @InjectModel(DISPATCH_QUEUE_MODEL) private readonly queue: Model<DispatchQueueEntryDoc>,
    private readonly caseReports: CaseReports,
    private readonly openCases: OpenCases,
    private readonly routes: GridRoutes,
    private readonly subscribers: CaseViewSubscribers,
    private readonly waiting: WaitingLists,
  ) {}

  async execute(event: EventEnvelope): Promise<void> {
    const change = caseViewChangeOf(event);
    if (!change) return;
    await this.apply(change);
    await this.subscribers.notify({ caseNumber: change.caseNumber, event });
  }

  /** Applies one change (from an event, or from a reading of a running case). */
  async apply(change: CaseViewChange): Promise<void> {
    if (change.kind === 'registered') return this.register(change);
    const before = await this.advance(change);
    if (before === 'stale') return;
    await this.carryOut(change.caseNumber, change.effects, change.set.updatedAt ?? new Date(), before);
  }

  /** The registration starts the view (with the cells its report is filed under); seen again later, it changes nothing more. */
  private async register(change: RegistrationChange): Promise<void> {
    const report = await this.caseReports.first(change.caseNumber);
    const cells = report ? openCaseCellsOf(report) : [];
    const filing = report && cells.length > 0 ? { openCells: cells, openEntry: openCaseEntry(report, change.caseNumber) } : {};
    const view = (await this.views.collection.findOneAndUpdate(
      { _id: change.caseNumber as never },
      { $set: { ...change.facts, ...filing }, $setOnInsert: { ...change.initial, queued: false, indexed: false, ...membership(change.effects) } },
      { upsert: true, returnDocument: 'after' },
    )) as CaseViewDoc | null;
    if ((view?.lastSequence ?? 0) !== 0) return;
    // intake filed a case it handed over itself; a replay of the events (a rebuilt database) files it here
    const effects = report?.handedOverAt ? change.effects.filter((effect) => effect.type !== 'enter-open-index') : change.effects;
    await this.carryOut(change.caseNumber, effects, change.initial.updatedAt, view);
  }

  /** Writes the transition if the view is not past it: the view as it was before (null if new), or 'stale'. */
  private async advance(change: TransitionChange): Promise<CaseViewDoc | null | 'stale'> {
    const set: Partial<CaseViewDoc> = { ...change.set, ...membership(change.effects), lastSequence: change.sequence };
    if (change.set.route) set.visibleTo = this.visibleTo(change.set.route);
    try {
      return (await this.views.collection.findOneAndUpdate(
        { _id: change.caseNumber as never, lastSequence: { $lte: change.sequence } },
        { $set: set, ...(change.addDepartments.length > 0 ? { $addToSet: { departments: { $each: change.addDepartments } } } : {}) },
        { upsert: true, returnDocument: 'before' },
      )) as CaseViewDoc | null;
    } catch (error) {
      // the view is at a later sequence: the upsert met its _id
      if (isDuplicateKey(error)) return 'stale';
      throw error;
    }
  }

  /**
   * Whose users may read a case dispatched to this route: the org path of the route's most specific unit, or — with
   * no grid data at hand — the city and the route's own units.
   */
  private visibleTo(route: NonNullable<CaseViewDoc['route']>): string[] {
    const unit = route.gridId ?? route.communityId ?? route.streetId;
    return this.routes.orgPathOf(unit) ?? [this.routes.cityUnitId, route.streetId, route.communityId, route.gridId].filter((id): id is string => !!id);
  }

  /** `before`: the view before this change (null: unknown), to skip what would change nothing. */
  private async carryOut(caseNumber: string, effects: readonly CaseViewEffect[], at: Date, before: CaseViewDoc | null): Promise<void> {
    for (const effect of effects) {
      switch (effect.type) {
        case 'leave-dispatch-queue':
          if (before?.queued !== false) await this.dequeue(caseNumber);
          break;
        case 'enter-dispatch-queue':
          await this.enqueue(caseNumber, effect, at);
          break;
        case 'enter-open-index':
        case 'leave-open-index': {
          if (effect.type === 'leave-open-index' && before?.indexed === false) break;
          const filing = before?.openCells && before.openEntry ? { cells: before.openCells, entry: before.openEntry } : await this.filingOf(caseNumber);
          if (effect.type === 'enter-open-index') await this.openCases.file(filing.cells, filing.entry);
          else await this.openCases.unfile(filing.cells, filing.entry);
          break;
        }
      }
    }
  }

  /** The cells and entry of a case whose view does not hold them (one that began before its registration was seen). */
  private async filingOf(caseNumber: string): Promise<{ cells: string[]; entry: ReturnType<typeof openCaseEntry> }> {
    const report = await this.caseReports.first(caseNumber);
    if (!report) return { cells: [], entry: { caseNumber, at: new Date(0) } };
    return { cells: openCaseCellsOf(report), entry: openCaseEntry(report, caseNumber) };
  }

  private async enqueue(caseNumber: string, effect: Extract<CaseViewEffect, { type: 'enter-dispatch-queue' }>, at: Date): Promise<void> {
    const report = await this.caseReports.first(caseNumber);
    if (!report) return; // not a case intake registered
    const fields: Omit<DispatchQueueEntryDoc, '_id'> = {
      reason: effect.reason === 'returned' ? 'returned' : (report.unroutedReason ?? 'no-location'),
      ...(effect.returnedBy ? { returnedBy: effect.returnedBy } : {}),
      ...(effect.returnReason ? { returnReason: effect.returnReason } : {}),
      since: at,
      registeredAt: report.receivedAt,
      channel: report.channel,
      requestType: report.requestType,
      ...(report.categoryCode ? { categoryCode: report.categoryCode } : {}),
      content: report.content,
      ...(report.address ? { address: report.address } : {}),
      ...(report.location ? { location: report.location } : {}),
    };
    const stored = await this.queue.findById(caseNumber, { since: 1 }).lean<Pick<DispatchQueueEntryDoc, 'since'>>();
    await this.waiting.put(waitingListKey.dispatch, caseNumber, at, stored?.since, () =>
      this.queue.collection.updateOne({ _id: caseNumber as never }, { $set: fields }, { upsert: true }),
    );
  }

  private async dequeue(caseNumber: string): Promise<void> {
    const stored = await this.queue.findById(caseNumber, { since: 1 }).lean<Pick<DispatchQueueEntryDoc, 'since'>>();
    if (stored) await this.waiting.take(waitingListKey.dispatch, caseNumber, stored.since, () => this.queue.deleteOne({ _id: caseNumber }));
  }
}
