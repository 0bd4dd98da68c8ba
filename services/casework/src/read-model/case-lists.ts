import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { MemberListDoc, memberListSchema, MemberListWriter, OrderedLists, orderedMember } from '@civicflow/platform';
import type { CaseReadDoc } from './case-projection';

/**
 * What the console asks for by something other than a case number — a unit's worklist, a department's, a case's
 * timeline — as lists keyed by that thing (`_id` = `unit:<id>`, `department:<id>`, `timeline:<case number>`), kept by
 * the projection beside what it writes. FerretDB 1.24 reads by `_id` through its index and decodes every stored
 * document for any other filter, so a worklist filter cost grew with every case ever registered; the list is one
 * point read, then one point read per member. A member left behind (a crash between two writes) is harmless:
 * readers check each document against the list's meaning and skip the ones that no longer belong.
 */
export type CaseListDoc = MemberListDoc;

export const CASE_LIST_MODEL = 'CaseList';

export const caseListSchema = memberListSchema('case_lists');

export const caseListKey = {
  /** cases at a unit that are open or breached (its open and breached worklists) */
  unit: (unitId: string) => `unit:${unitId}`,
  /** cases in a grid that are open or breached, whichever unit holds them (its grid workers' worklists) */
  grid: (gridId: string) => `grid:${gridId}`,
  /** cases a department still owes a report-in or an answer (its liaison's worklist) */
  department: (departmentId: string) => `department:${departmentId}`,
  /** a case's timeline entries (event ids) */
  timeline: (caseNumber: string) => `timeline:${caseNumber}`,
  /** every open case of the city, in deadline order (an `OrderedLists` list: members are `orderedMember`s of the deadline) */
  cityOpen: 'city:open',
  /** every breached case of the city, in deadline order */
  cityBreached: 'city:breached',
  /** resolved cases awaiting the hotline's callback (回访) within a unit (any unit of the case's path, or `city`), in deadline order */
  awaitingCallback: (unitId: string) => `awaiting-callback:${unitId}`,
};

/** The worklists a case's worklist document puts it in. */
export function worklistKeysOf(doc: Pick<CaseReadDoc, 'currentUnit' | 'gridId' | 'open' | 'breached' | 'pendingDepartments'> | null): string[] {
  if (!doc) return [];
  return [
    ...(doc.currentUnit && (doc.open || doc.breached) ? [caseListKey.unit(doc.currentUnit)] : []),
    ...(doc.gridId && (doc.open || doc.breached) ? [caseListKey.grid(doc.gridId)] : []),
    ...doc.pendingDepartments.map(caseListKey.department),
  ];
}

/** A list a case belongs to, and the member it is there as; `ordered` lists are kept per deadline day. */
export interface ListEntry {
  key: string;
  member: string;
  ordered: boolean;
}

/** The city-wide and callback lists a case's worklist document puts it in (members in deadline order). */
export function orderedEntriesOf(doc: Pick<CaseReadDoc, '_id' | 'deadline' | 'open' | 'breached' | 'stage' | 'orgPath' | 'streetId' | 'communityId' | 'currentUnit'>): ListEntry[] {
  const member = orderedMember(doc.deadline, doc._id);
  const units = doc.stage === 'resolved' ? ['city', ...new Set([...doc.orgPath, doc.streetId, doc.communityId, doc.currentUnit].filter((u): u is string => !!u))] : [];
  return [
    ...(doc.open ? [caseListKey.cityOpen] : []),
    ...(doc.breached ? [caseListKey.cityBreached] : []),
    ...units.map(caseListKey.awaitingCallback),
  ].map((key) => ({ key, member, ordered: true }));
}

/** Every list a case's worklist document puts it in. */
export function listEntriesOf(doc: CaseReadDoc | null): ListEntry[] {
  if (!doc) return [];
  return [...worklistKeysOf(doc).map((key) => ({ key, member: doc._id, ordered: false })), ...orderedEntriesOf(doc)];
}

@Injectable()
export class CaseLists {
  private readonly ordered: OrderedLists;
  /** a unit's or a day's list is entered by every case event of it: the writes that meet go in one (MemberListWriter) */
  private readonly writer: MemberListWriter;

  constructor(@InjectModel(CASE_LIST_MODEL) private readonly lists: Model<CaseListDoc>) {
    this.writer = new MemberListWriter(lists);
    this.ordered = new OrderedLists(lists, this.writer);
  }

  add(key: string, member: string): Promise<void> {
    return this.writer.add(key, member);
  }

  remove(key: string, member: string): Promise<void> {
    return this.writer.remove(key, member);
  }

  async members(key: string): Promise<string[]> {
    return (await this.lists.findById(key).lean<CaseListDoc>().exec())?.members ?? [];
  }

  /** The first `limit` cases of a list in deadline order that `read` still finds in it. */
  firstInOrder<T>(key: string, limit: number, read: (member: string) => Promise<T | undefined>): Promise<T[]> {
    return this.ordered.first(key, limit, read);
  }

  private async enter(entry: ListEntry): Promise<void> {
    await (entry.ordered ? this.ordered.enter(entry.key, entry.member) : this.add(entry.key, entry.member));
  }

  private async leave(entry: ListEntry): Promise<void> {
    await (entry.ordered ? this.ordered.leave(entry.key, entry.member) : this.remove(entry.key, entry.member));
  }

  /** Moves a case from the lists of its document before to those of its document after (a new deadline moves it within an ordered list). Idempotent. */
  async follow(before: CaseReadDoc | null, after: CaseReadDoc): Promise<void> {
    const id = (e: ListEntry) => `${e.key}\u0000${e.member}`;
    const was = listEntriesOf(before);
    const now = listEntriesOf(after);
    const wasIds = new Set(was.map(id));
    const nowIds = new Set(now.map(id));
    await Promise.all([
      ...now.filter((e) => !wasIds.has(id(e))).map((e) => this.enter(e)),
      ...was.filter((e) => !nowIds.has(id(e))).map((e) => this.leave(e)),
    ]);
  }
}
