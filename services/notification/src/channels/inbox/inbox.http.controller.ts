import { Controller, Get, HttpCode, Inject, MessageEvent, NotFoundException, Param, Post, Query, Sse } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Model } from 'mongoose';
import { createZodDto } from 'nestjs-zod';
import { interval, map, merge, Observable } from 'rxjs';
import { z } from 'zod';
import { AuthUser, CurrentUser } from '@civicflow/platform';
import { CLOCK, Clock } from '../../clock/clock';
import { InboxFeed } from './inbox-feed';
import { INBOX_ITEM_MODEL, InboxItemDoc, toInboxItemView } from './inbox-item.schema';

class InboxQuery extends createZodDto(
  z.object({
    unreadOnly: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
) {}

/** Keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

/** 站内信 the signed-in user's inbox: every role has one; nobody sees another user's items. */
@ApiTags('inbox 站内信')
@ApiBearerAuth()
@Controller('api/v1/inbox')
export class InboxHttpController {
  constructor(
    @InjectModel(INBOX_ITEM_MODEL) private readonly items: Model<InboxItemDoc>,
    private readonly feed: InboxFeed,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async list(@Query() query: InboxQuery, @CurrentUser() user: AuthUser) {
    const filter = { userId: user.userId, ...(query.unreadOnly ? { read: false } : {}) };
    const [items, unread] = await Promise.all([
      this.items.find(filter).sort({ createdAt: -1 }).limit(query.limit).lean<InboxItemDoc[]>(),
      this.items.countDocuments({ userId: user.userId, read: false }),
    ]);
    return { unread, items: items.map(toInboxItemView) };
  }

  /** Server-sent events: `inbox-item` for each new item, `ping` every 15 s. Read the backlog with GET first. */
  @Sse('stream')
  stream(@CurrentUser() user: AuthUser): Observable<MessageEvent> {
    return merge(
      this.feed.watch(user.userId).pipe(map((item): MessageEvent => ({ type: 'inbox-item', id: item.id, data: item }))),
      interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: '' }))),
    );
  }

  @Post('read-all')
  @HttpCode(200)
  async markAllRead(@CurrentUser() user: AuthUser) {
    const now = this.clock.now();
    const unread = await this.items.find({ userId: user.userId, read: false }, { _id: 1 }).limit(500).lean<{ _id: string }[]>();
    // one document at a time: FerretDB updates documents singly anyway, and this stays within one user's items
    for (const { _id } of unread) await this.items.updateOne({ _id, userId: user.userId }, { $set: { read: true, readAt: now } });
    return { marked: unread.length };
  }

  @Post(':itemId/read')
  @HttpCode(200)
  async markRead(@Param('itemId') itemId: string, @CurrentUser() user: AuthUser) {
    // the first reading counts: marking an item read again keeps its readAt
    const item =
      (await this.items
        .findOneAndUpdate({ _id: itemId, userId: user.userId, read: false }, { $set: { read: true, readAt: this.clock.now() } }, { new: true })
        .lean<InboxItemDoc>()) ?? (await this.items.findOne({ _id: itemId, userId: user.userId }).lean<InboxItemDoc>());
    if (!item) throw new NotFoundException({ message: `站内信 ${itemId} 不存在 inbox item not found` });
    return toInboxItemView(item);
  }
}
