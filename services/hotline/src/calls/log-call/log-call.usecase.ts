import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { Model } from 'mongoose';
import { Urgency } from '@civicflow/contracts';
import { MinorCategory, TaxonomyIndex } from '@civicflow/domain';
import { AuthUser, isDuplicateKey, PiiProtector } from '@civicflow/platform';
import { checkCategory } from '../../categories/check-category';
import { TAXONOMY } from '../../categories/taxonomy.provider';
import { KnowledgeArticleRepository } from '../../knowledge/knowledge-article.repository';
import { invalidField } from '../../shared/http-errors';
import { CALL_MODEL, CallDoc, DirectAnswer } from '../call.schema';
import { CALLER_CALLS_MODEL, CallerCallsDoc } from '../call-indexes.schema';
import { LogCallDto } from './log-call.dto';
import { HotlineOutbox } from '../../outbox/hotline-outbox';
import { TELEPHONY_CALL_MODEL, TelephonyCallDoc } from '../../telephony/telephony-call.schema';

export interface LoggedCall {
  callId: string;
  callerMasked: string;
  receivedAt: string;
  requestType: string;
  urgency: string;
  categoryCode?: string;
  answeredDirectly?: { articleId: string; titleZh: string };
  /** the call was logged before with the same idempotency key: this is that call, nothing new was logged */
  replayed?: boolean;
}

/**
 * Checks the category and the direct answer, stores the call, then announces it; intake turns the
 * announcement into a case (or, for a direct answer, a case closed at once). The call is stored with
 * `announcePending` (and remembered by the outbox) first: if Kafka is down the operator still gets 202 and the
 * outbox sends it later — answering 500 would make the operator log the call a second time.
 */
@Injectable()
export class LogCallUseCase {
  constructor(
    @InjectModel(CALL_MODEL) private readonly calls: Model<CallDoc>,
    @InjectModel(CALLER_CALLS_MODEL) private readonly callerCalls: Model<CallerCallsDoc>,
    private readonly protector: PiiProtector,
    private readonly articles: KnowledgeArticleRepository,
    @Inject(TAXONOMY) private readonly taxonomy: TaxonomyIndex,
    private readonly outbox: HotlineOutbox,
    @InjectModel(TELEPHONY_CALL_MODEL) private readonly telephony: Model<TelephonyCallDoc>,
  ) {}

  /**
   * `idempotencyKey` (the form's, one per call) makes a second send of the same form — a double Ctrl+Enter, a retry
   * after a lost answer — find the call it logged instead of logging it again: the key is the call's id (a lookup by
   * `_id`), and the same operator gets the same answer back. Another operator's key is refused (409).
   */
  async execute(call: LogCallDto, operator: AuthUser, idempotencyKey?: string): Promise<LoggedCall> {
    if (idempotencyKey) {
      const earlier = await this.calls.findById(callIdOf(idempotencyKey)).lean<CallDoc>();
      if (earlier) return this.replay(earlier, operator);
    }
    const direct = call.answeredWithArticleId ? await this.directAnswer(call.answeredWithArticleId) : undefined;
    const categoryCode = call.categoryCode ?? direct?.categoryCode;
    const category = categoryCode ? this.category(categoryCode, call) : undefined;
    const urgency: Urgency = call.urgency ?? category?.priority ?? 'normal';

    const caller = this.protector.protect('phone', call.callerNumber);
    const telephony = call.telephonyCallRef ? await this.telephony.findById(call.telephonyCallRef).lean<TelephonyCallDoc>() : null;
    const doc: CallDoc = {
      _id: idempotencyKey ? callIdOf(idempotencyKey) : randomUUID(),
      ...(idempotencyKey ? { idempotencyKey } : {}),
      receivedAt: new Date(),
      callerHash: caller.hash,
      callerEncrypted: caller.encrypted,
      callerMasked: caller.masked,
      content: call.content,
      requestType: call.requestType,
      urgency,
      categoryCode,
      address: call.address,
      location: call.location,
      operatorId: operator.userId,
      operatorRole: operator.role,
      operatorUnitId: operator.unitId,
      answeredDirectly: direct?.answer,
      ...(call.joinCaseNumber && !direct ? { joinCaseNumber: call.joinCaseNumber } : {}),
      // the telephony call at this operator: its recording goes with the call (one reported later is added then)
      ...(telephony && telephony.agentUserId === operator.userId ? { telephonyCallRef: telephony._id, ...(telephony.recordingRef ? { recordingRef: telephony.recordingRef } : {}) } : {}),
      announcePending: true,
      contactPending: call.notifyBySms !== false,
    };
    const item = `call:${doc._id}` as const;
    await this.outbox.remember(item);
    // the caller's history first: an id whose call never got stored is skipped by the lookup, a stored call missing from it would be lost to it
    await this.callerCalls.updateOne({ _id: doc.callerHash }, { $addToSet: { callIds: doc._id } }, { upsert: true }).exec();
    try {
      await this.calls.create(doc);
    } catch (error) {
      // the same form sent twice at once: the first one stored stands
      if (idempotencyKey && isDuplicateKey(error)) return this.replay((await this.calls.findById(doc._id).lean<CallDoc>())!, operator);
      throw error;
    }
    // the recording of the call centre's call goes with the logged call
    if (doc.telephonyCallRef) await this.telephony.updateOne({ _id: doc.telephonyCallRef }, { $set: { callId: doc._id } });
    // announces the call (the caller's contact goes to the notification directory beside it, not waited for); what fails is retried by the outbox
    await this.outbox.run(item);
    return loggedCallOf(doc, direct?.titleZh);
  }

  private async replay(earlier: CallDoc, operator: AuthUser): Promise<LoggedCall> {
    if (earlier.operatorId !== operator.userId) {
      throw new ConflictException({ message: '该幂等键已被其他话务员的来电使用 this idempotency key belongs to another operator’s call; start a new call' });
    }
    const title = earlier.answeredDirectly ? (await this.articles.findById(earlier.answeredDirectly.articleId))?.titleZh : undefined;
    return { ...loggedCallOf(earlier, title), replayed: true };
  }

  private async directAnswer(articleId: string): Promise<{ answer: DirectAnswer; categoryCode: string; titleZh: string }> {
    const article = await this.articles.findById(articleId);
    if (!article) throw invalidField('answeredWithArticleId', `知识条目 ${articleId} 不存在`, `no article ${articleId}`);
    if (article.status !== 'published') throw invalidField('answeredWithArticleId', `知识条目 ${articleId} 已停用`, `article ${articleId} is retired`);
    return {
      answer: { articleId: article._id, answer: article.answer, articleVersion: article.version },
      categoryCode: article.categoryCode,
      titleZh: article.titleZh,
    };
  }

  private category(categoryCode: string, call: LogCallDto): MinorCategory {
    const check = checkCategory(this.taxonomy, categoryCode, call.requestType);
    if (!check.ok) {
      // a category taken from the article (none given) is reported on the article field
      const field = check.field === 'categoryCode' && call.categoryCode === undefined ? 'answeredWithArticleId' : check.field;
      throw invalidField(field, check.zh, check.en);
    }
    return check.minor;
  }
}

/** The call id a form's idempotency key stands for (one namespace, so a key can never name a call made without one). */
export function callIdOf(idempotencyKey: string): string {
  return `form-${idempotencyKey}`;
}

function loggedCallOf(doc: CallDoc, articleTitle: string | undefined): LoggedCall {
  return {
    callId: doc._id,
    callerMasked: doc.callerMasked,
    receivedAt: doc.receivedAt.toISOString(),
    requestType: doc.requestType,
    urgency: doc.urgency,
    ...(doc.categoryCode ? { categoryCode: doc.categoryCode } : {}),
    ...(doc.answeredDirectly ? { answeredDirectly: { articleId: doc.answeredDirectly.articleId, titleZh: articleTitle ?? doc.answeredDirectly.articleId } } : {}),
  };
}
