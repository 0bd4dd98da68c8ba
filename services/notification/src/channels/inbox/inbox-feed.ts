import { Inject, Injectable } from '@nestjs/common';
import { filter, from, interval, map, merge, mergeMap, Observable, Subject, exhaustMap } from 'rxjs';
import { CONFIG, orderedMember } from '@civicflow/platform';
import { CLOCK, Clock } from '../../clock/clock';
import { NotificationConfig } from '../../config';
import { InboxItemDoc, InboxItemView, toInboxItemView } from './inbox-item.schema';
import { InboxLists } from './inbox-lists';

const MAX_REMEMBERED = 1000;

/**
 * New inbox items as they arrive, per user. Items this instance delivers are pushed at once; a poll of the
 * user's inbox picks up those another instance delivered (each instance consumes only some partitions), so
 * the stream works with any number of replicas and on FerretDB, which has no change streams. The poll reads the
 * user's list by `_id` (its directory of days and the day it is at), never a filter over every user's items.
 */
@Injectable()
export class InboxFeed {
  private readonly delivered = new Subject<InboxItemDoc>();

  constructor(
    private readonly lists: InboxLists,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: NotificationConfig,
  ) {}

  published(item: InboxItemDoc): void {
    this.delivered.next(item);
  }

  /** Items for the user created from now on, each once. */
  watch(userId: string): Observable<InboxItemView> {
    let cursor = this.clock.now();
    const seen = new Set<string>();
    const local = this.delivered.pipe(filter((item) => item.userId === userId));
    const polled = interval(this.config.NOTIFICATION_STREAM_POLL_MS).pipe(
      // from the cursor's moment on (`<time>|` sorts before every member of that moment); what was seen is skipped below
      exhaustMap(() => from(this.lists.after(userId, orderedMember(cursor, ''), 100))),
      mergeMap((found) => from(found)),
    );
    return merge(local, polled).pipe(
      filter((item) => {
        if (seen.has(item._id)) return false;
        if (seen.size >= MAX_REMEMBERED) seen.clear(); // the cursor still keeps old items out
        seen.add(item._id);
        if (item.createdAt > cursor) cursor = new Date(item.createdAt);
        return true;
      }),
      map(toInboxItemView),
    );
  }
}
