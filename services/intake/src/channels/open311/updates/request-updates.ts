import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { caseMergedV1, EventData } from '@civicflow/contracts';
import { KeyedLock } from '@civicflow/platform';
import { CaseViewChanged, CaseViewSubscribers } from '../../../cases/case-view/case-view-subscribers';
import { DayBucketDoc, DayBuckets } from '../listing/day-buckets';
import { OPEN311_REQUEST_MODEL, Open311RequestDoc } from '../open311-request.schema';
import { effectiveCase } from '../open311-request.view';
import { Open311Requests } from '../open311-requests';
import { WebhookDeliveries } from '../webhooks/webhook-deliveries';
import { OPEN311_CASE_MODEL, Open311CaseDoc, Open311Update, OPEN311_UPDATE_DAY_MODEL, UpdateEntry } from './open311-update.schema';

/**
 * 进展 — each change of an Open311 request's status or notes, as it happens: recorded by day for FixMyStreet's
 * servicerequestupdates, and handed to the app's webhooks. Driven by the case events (after intake projected
 * them): the event's case names, by `_id`, the requests on it and the cases merged into it, whose status follows
 * it. A change is measured against the request's last update, so a redelivered event records nothing twice.
 */
@Injectable()
export class RequestUpdates implements OnModuleInit {
  private readonly days: DayBuckets<UpdateEntry>;
  private readonly logger = new Logger(RequestUpdates.name);
  /** one request's changes are measured one at a time (its link and its case's event may arrive together) */
  private readonly lock = new KeyedLock();

  constructor(
    @InjectModel(OPEN311_REQUEST_MODEL) private readonly requests: Model<Open311RequestDoc>,
    @InjectModel(OPEN311_CASE_MODEL) private readonly cases: Model<Open311CaseDoc>,
    @InjectModel(OPEN311_UPDATE_DAY_MODEL) days: Model<DayBucketDoc<UpdateEntry>>,
    private readonly open311: Open311Requests,
    private readonly webhooks: WebhookDeliveries,
    private readonly subscribers: CaseViewSubscribers,
  ) {
    this.days = new DayBuckets(days.collection, 'update_id');
  }

  onModuleInit(): void {
    this.subscribers.subscribe((change) => this.onCaseChanged(change));
  }

  /**
   * A request's report is on this case now: later events of the case reach it. Its state so far becomes its first
   * update without holding up the client's POST (if that fails, the case's next event records the change).
   */
  async link(request: Open311RequestDoc & { caseNumber: string }): Promise<void> {
    await this.cases.updateOne({ _id: request.caseNumber }, { $addToSet: { tokens: request._id } }, { upsert: true });
    this.record(request._id).catch((error: unknown) => this.logger.warn(`Open311 request ${request._id}: first update not recorded: ${error instanceof Error ? error.message : String(error)}`));
  }

  async onCaseChanged({ caseNumber, event }: CaseViewChanged): Promise<void> {
    const kase = await this.cases.findById(caseNumber).lean<Open311CaseDoc>();
    if (!kase) return;
    if (event.type === 'case.merged') {
      const { masterCaseNumber } = event.data as EventData<typeof caseMergedV1>;
      await this.cases.updateOne({ _id: masterCaseNumber }, { $addToSet: { followers: caseNumber } }, { upsert: true });
    }
    const followers = await Promise.all((kase.followers ?? []).map((f) => this.cases.findById(f).lean<Open311CaseDoc>()));
    for (const token of [...(kase.tokens ?? []), ...followers.flatMap((f) => f?.tokens ?? [])]) await this.record(token);
  }

  /** Records the request's change since its last update, if any, and hands it to its app's webhooks. */
  record(token: string): Promise<void> {
    return this.lock.run(token, () => this.recordNow(token));
  }

  private async recordNow(token: string): Promise<void> {
    const request = await this.open311.byToken(token);
    if (!request?.serviceRequestId) return;
    const cases = await this.open311.casesOf(request);
    const shown = await this.open311.show(request, { app: request.app });
    const last = request.lastUpdate;
    const at = new Date(shown.updated_datetime);
    if (last && (new Date(last.at) > at || (last.status === shown.status && last.notes === shown.status_notes))) return;
    const stage = effectiveCase(cases)?.stage ?? 'registered';
    const update: Open311Update = {
      update_id: `${request.serviceRequestId}:${at.getTime()}:${stage}`,
      service_request_id: request.serviceRequestId,
      status: shown.status,
      description: shown.status_notes,
      updated_datetime: shown.updated_datetime,
      external_status_code: stage,
      media_url: '',
    };
    // the same change seen twice at once (the request's link and its case's event) is recorded, and sent, once
    const added = await this.days.add(at, { ...update, app: request.app, at });
    await this.requests.updateOne({ _id: token }, { $set: { lastUpdate: { status: shown.status, notes: shown.status_notes, at } } });
    if (added) await this.webhooks.enqueue(request.app, update, shown);
  }

  /** The updates between two instants, oldest first. */
  async between(start: Date, end: Date): Promise<Open311Update[]> {
    const seen = new Set<string>();
    // two intake processes may record one change at once: it is shown once
    const entries = (await this.days.between(start, end)).filter((e) => new Date(e.at) >= start && new Date(e.at) <= end && !seen.has(e.update_id) && seen.add(e.update_id));
    return entries
      .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
      .map(({ app: _app, at: _at, ...update }) => update);
  }
}
