import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import { Model } from 'mongoose';
import { callLoggedV1, Urgency } from '@civicflow/contracts';
import { MinorCategory, TaxonomyIndex } from '@civicflow/domain';
import { AuthUser, EventPublisher, PiiProtector } from '@civicflow/platform';
import { checkCategory } from '../../categories/check-category';
import { TAXONOMY } from '../../categories/taxonomy.provider';
import { KnowledgeArticleRepository } from '../../knowledge/knowledge-article.repository';
import { invalidField } from '../../shared/http-errors';
import { CALL_MODEL, CallDoc, DirectAnswer } from '../call.schema';
import { callLoggedDraft } from '../call-logged.event';
import { LogCallDto } from './log-call.dto';
import { RegisterCallerContact } from '../register-caller-contact/register-caller-contact';

export interface LoggedCall {
  callId: string;
  callerMasked: string;
  receivedAt: string;
  requestType: string;
  urgency: string;
  categoryCode?: string;
  answeredDirectly?: { articleId: string; titleZh: string };
}

/**
 * Checks the category and the direct answer, stores the call, then announces it; intake turns the
 * announcement into a case (or, for a direct answer, a case closed at once). The call is stored with
 * `announcePending` first: if Kafka is down the operator still gets 202 and the outbox relay sends it later —
 * answering 500 would make the operator log the call a second time.
 */
@Injectable()
export class LogCallUseCase {
  private readonly logger = new Logger(LogCallUseCase.name);

  constructor(
    @InjectModel(CALL_MODEL) private readonly calls: Model<CallDoc>,
    private readonly publisher: EventPublisher,
    private readonly protector: PiiProtector,
    private readonly articles: KnowledgeArticleRepository,
    @Inject(TAXONOMY) private readonly taxonomy: TaxonomyIndex,
    private readonly callerContact: RegisterCallerContact,
  ) {}

  async execute(call: LogCallDto, operator: AuthUser): Promise<LoggedCall> {
    const direct = call.answeredWithArticleId ? await this.directAnswer(call.answeredWithArticleId) : undefined;
    const categoryCode = call.categoryCode ?? direct?.categoryCode;
    const category = categoryCode ? this.category(categoryCode, call) : undefined;
    const urgency: Urgency = call.urgency ?? category?.priority ?? 'normal';

    const caller = this.protector.protect('phone', call.callerNumber);
    const doc: CallDoc = {
      _id: randomUUID(),
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
      announcePending: true,
      contactPending: call.notifyBySms !== false,
    };
    await this.calls.create(doc);
    // the contact first: notification sends "case taken on" when intake's case.registered arrives
    if (doc.contactPending) await this.callerContact.register(doc);
    await this.announce(doc);
    return {
      callId: doc._id,
      callerMasked: doc.callerMasked,
      receivedAt: doc.receivedAt.toISOString(),
      requestType: doc.requestType,
      urgency,
      ...(categoryCode ? { categoryCode } : {}),
      ...(direct ? { answeredDirectly: { articleId: direct.answer.articleId, titleZh: direct.titleZh } } : {}),
    };
  }

  private async announce(doc: CallDoc): Promise<void> {
    try {
      await this.publisher.publish(callLoggedV1, callLoggedDraft(doc));
      await this.calls.updateOne({ _id: doc._id }, { $set: { announcePending: false } });
    } catch (error) {
      this.logger.warn(`来电 ${doc._id} 暂未发布,稍后重试 call-logged not sent yet, the outbox relay retries: ${error instanceof Error ? error.message : String(error)}`);
    }
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
