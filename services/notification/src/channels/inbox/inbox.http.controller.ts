import { Controller, Get, HttpCode, Inject, MessageEvent, NotFoundException, Param, Post, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { interval, map, merge, Observable } from 'rxjs';
import { z } from 'zod';
import { AuthUser, CurrentUser } from '@civicflow/platform';
import { CLOCK, Clock } from '../../clock/clock';
import { InboxFeed } from './inbox-feed';
import { toInboxItemView } from './inbox-item.schema';
import { InboxLists } from './inbox-lists';

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
    private readonly lists: InboxLists,
    private readonly feed: InboxFeed,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async list(@Query() query: InboxQuery, @CurrentUser() user: AuthUser) {
    const [items, unread] = await Promise.all([this.lists.newest(user.userId, query.limit, query.unreadOnly), this.lists.unreadCount(user.userId)]);
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
    return { marked: await this.lists.markAllRead(user.userId, this.clock.now()) };
  }

  @Post(':itemId/read')
  @HttpCode(200)
  async markRead(@Param('itemId') itemId: string, @CurrentUser() user: AuthUser) {
    // the first reading counts: marking an item read again keeps its readAt
    const item = await this.lists.markRead(user.userId, itemId, this.clock.now());
    if (!item) throw new NotFoundException({ message: `站内信 ${itemId} 不存在 inbox item not found` });
    return toInboxItemView(item);
  }
}
