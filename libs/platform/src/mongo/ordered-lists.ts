import { Schema } from 'mongoose';
import type { Model } from 'mongoose';
import type { mongo } from 'mongoose';
import { MemberListWriter } from './member-list-writer';

/** A list document: `_id` is the list's key, `members` its members (strings). */
export interface MemberListDoc {
  _id: string;
  members: string[];
}

/** The schema of a service's collection of lists (`case_lists`, `callback_lists` …): read and written by `_id` only. */
export function memberListSchema(collection: string): Schema<MemberListDoc> {
  return new Schema<MemberListDoc>(
    { _id: { type: String, required: true }, members: { type: [String], default: [] } },
    { collection, versionKey: false },
  );
}

/**
 * A member of a list read in time order: `<time ISO>|<id>`, so members sorted as strings are in time order (then
 * by id).
 */
export function orderedMember(at: Date | string, id: string): string {
  return `${new Date(at).toISOString()}|${id}`;
}

/** The id of an `orderedMember`. */
export function idOfOrderedMember(member: string): string {
  return member.slice(member.indexOf('|') + 1);
}

/** Where a list in time order keeps a member (its day's document) and the directory of its days. */
export const orderedListKey = {
  day: (key: string, member: string) => `${key}@${member.slice(0, 10)}`,
  days: (key: string) => `${key}@days`,
};

/**
 * Lists in time order — what a reader asks for by something other than `_id` and wants a page of, soonest first
 * (the city's open cases by deadline, the callbacks due): FerretDB 1.24 reads by `_id` through its index and decodes
 * every stored document for any other filter, so such a list is kept by its writer. A list is one document per day
 * of its members' times (`<key>@<day>`) with a directory of its days (`<key>@days`): a reader reads the days from
 * the earliest and only the members of its page, and a write touches one day's document, not one that grows with
 * the city. A day whose members have all left stays in the directory, read as empty. Every read and write is by
 * `_id`.
 */
export class OrderedLists {
  /** `writer`: the writer of other lists in the same collection, if any (one batch per list document). */
  constructor(private readonly model: Model<MemberListDoc>, private readonly writer = new MemberListWriter(model)) {}

  /** Puts a member in its day's document and the day in the directory (every time: a directory is never assumed to hold it). */
  async enter(key: string, member: string): Promise<void> {
    await Promise.all([this.writer.add(orderedListKey.day(key, member), member), this.writer.add(orderedListKey.days(key), member.slice(0, 10))]);
  }

  async leave(key: string, member: string): Promise<void> {
    await this.writer.remove(orderedListKey.day(key, member), member);
  }

  /**
   * For a list whose days empty out for good (an inbox's unread items, read sooner or later): the member goes into its
   * day's document first, then the day into the directory — in that order, so `leaveAndPrune` never leaves a day
   * that holds a member out of the directory.
   */
  async enterInOrder(key: string, member: string): Promise<void> {
    await this.model.updateOne({ _id: orderedListKey.day(key, member) }, { $addToSet: { members: member } }, { upsert: true }).exec();
    await this.model.updateOne({ _id: orderedListKey.days(key) }, { $addToSet: { members: member.slice(0, 10) } }, { upsert: true }).exec();
  }

  /**
   * Takes members out (of any days); a day left empty is deleted and leaves the directory, so the list costs reads
   * for the days that hold members only. A member entered meanwhile (`enterInOrder`) keeps its day: the day's
   * document is read again after the directory lost it, and the day put back if it holds one.
   */
  async leaveAndPrune(key: string, members: readonly string[]): Promise<void> {
    const byDay = new Map<string, string[]>();
    for (const member of members) byDay.set(member.slice(0, 10), [...(byDay.get(member.slice(0, 10)) ?? []), member]);
    for (const [day, leaving] of byDay) {
      const id = orderedListKey.day(key, leaving[0]);
      const left = await this.model.findOneAndUpdate({ _id: id }, { $pullAll: { members: leaving } }, { new: true }).lean<MemberListDoc>().exec();
      if (!left || left.members.length > 0) continue;
      await this.model.updateOne({ _id: orderedListKey.days(key) }, { $pull: { members: day } }).exec();
      if ((await this.members(id)).length > 0) await this.model.updateOne({ _id: orderedListKey.days(key) }, { $addToSet: { members: day } }, { upsert: true }).exec();
      else await this.model.deleteOne({ _id: id, members: { $size: 0 } }).exec();
    }
  }

  /**
   * The first `limit` members of a list whose item `read` still finds in it (it returns undefined for one that left:
   * a crash between writes can leave a member behind, and one whose time moved is briefly there twice), soonest
   * first: day by day from the earliest, each day's members in order, read `limit` at a time.
   */
  first<T>(key: string, limit: number, read: (member: string) => Promise<T | undefined>): Promise<T[]> {
    return this.walk(key, limit, read, { newestFirst: false });
  }

  /** The last `limit` members, latest first (an inbox, newest on top); as `first` otherwise. */
  last<T>(key: string, limit: number, read: (member: string) => Promise<T | undefined>): Promise<T[]> {
    return this.walk(key, limit, read, { newestFirst: true });
  }

  /**
   * The first `limit` members that sort after `member`, soonest first: what came since a reader last looked (a live
   * stream's poll) — the directory and the days from `member`'s on, usually two point reads.
   */
  after<T>(key: string, member: string, limit: number, read: (member: string) => Promise<T | undefined>): Promise<T[]> {
    return this.walk(key, limit, read, { newestFirst: false, after: member });
  }

  /** How many members the list holds (its directory and every day's document; a member left behind by a crash counts). */
  async size(key: string): Promise<number> {
    const days = await this.members(orderedListKey.days(key));
    return (await Promise.all(days.map(async (day) => (await this.members(orderedListKey.day(key, day))).length))).reduce((a, b) => a + b, 0);
  }

  private async walk<T>(key: string, limit: number, read: (member: string) => Promise<T | undefined>, order: { newestFirst: boolean; after?: string }): Promise<T[]> {
    const found: T[] = [];
    const { newestFirst, after } = order;
    const inOrder = (values: string[]) => (newestFirst ? values.sort().reverse() : values.sort());
    const days = inOrder(await this.members(orderedListKey.days(key))).filter((day) => !after || day >= after.slice(0, 10));
    for (const day of days) {
      const members = inOrder(await this.members(orderedListKey.day(key, day))).filter((m) => !after || m > after);
      for (let i = 0; i < members.length && found.length < limit;) {
        const page = members.slice(i, i + limit - found.length);
        i += page.length;
        found.push(...(await Promise.all(page.map(read))).filter((item): item is Awaited<T> => item !== undefined));
      }
      if (found.length >= limit) break;
    }
    return found;
  }

  private async members(id: string): Promise<string[]> {
    return (await this.model.findById(id).lean<MemberListDoc>().exec())?.members ?? [];
  }
}

/**
 * Files members under their lists at once (a migration, on the driver's collection): one write per list document.
 * Idempotent ($addToSet). Returns how many list documents it wrote.
 */
export async function fileMembers(collection: mongo.Collection<MemberListDoc>, entries: Iterable<{ key: string; member: string }>): Promise<number> {
  const lists = new Map<string, Set<string>>();
  for (const { key, member } of entries) lists.set(key, (lists.get(key) ?? new Set<string>()).add(member));
  for (const [id, values] of lists) await collection.updateOne({ _id: id }, { $addToSet: { members: { $each: [...values] } } }, { upsert: true });
  return lists.size;
}

/** As `fileMembers`, for lists in time order: each member in its day's document and its day in the directory. */
export function fileOrderedMembers(collection: mongo.Collection<MemberListDoc>, entries: Iterable<{ key: string; member: string }>): Promise<number> {
  return fileMembers(collection, [...entries].flatMap(({ key, member }) => [
    { key: orderedListKey.day(key, member), member },
    { key: orderedListKey.days(key), member: member.slice(0, 10) },
  ]));
}
