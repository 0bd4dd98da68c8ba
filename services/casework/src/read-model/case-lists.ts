import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Schema } from 'mongoose';
import type { CaseReadDoc } from './case-projection';

/**
 * What the console asks for by something other than a case number — a unit's worklist, a department's, a case's
 * timeline — as lists keyed by that thing (`_id` = `unit:<id>`, `department:<id>`, `timeline:<case number>`), kept by
 * the projection beside what it writes. FerretDB 1.24 reads by `_id` through its index and decodes every stored
 * document for any other filter, so a worklist filter cost grew with every case ever registered; the list is one
 * point read, then one point read per member. A member left behind (a crash between two writes) is harmless:
 * readers check each document against the list's meaning and skip the ones that no longer belong.
 */
export interface CaseListDoc {
  _id: string;
  members: string[];
}

export const CASE_LIST_MODEL = 'CaseList';

export const caseListSchema = new Schema<CaseListDoc>(
  { _id: { type: String, required: true }, members: { type: [String], default: [] } },
  { collection: 'case_lists', versionKey: false },
);

export const caseListKey = {
  /** cases at a unit that are open or breached (its open and breached worklists) */
  unit: (unitId: string) => `unit:${unitId}`,
  /** cases in a grid that are open or breached, whichever unit holds them (its grid workers' worklists) */
  grid: (gridId: string) => `grid:${gridId}`,
  /** cases a department still owes a report-in or an answer (its liaison's worklist) */
  department: (departmentId: string) => `department:${departmentId}`,
  /** a case's timeline entries (event ids) */
  timeline: (caseNumber: string) => `timeline:${caseNumber}`,
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

@Injectable()
export class CaseLists {
  constructor(@InjectModel(CASE_LIST_MODEL) private readonly lists: Model<CaseListDoc>) {}

  async add(key: string, member: string): Promise<void> {
    await this.lists.updateOne({ _id: key }, { $addToSet: { members: member } }, { upsert: true }).exec();
  }

  async remove(key: string, member: string): Promise<void> {
    await this.lists.updateOne({ _id: key }, { $pull: { members: member } }).exec();
  }

  async members(key: string): Promise<string[]> {
    return (await this.lists.findById(key).lean<CaseListDoc>().exec())?.members ?? [];
  }

  /** Moves a case from the worklists of its document before to those of its document after. Idempotent. */
  async follow(before: CaseReadDoc | null, after: CaseReadDoc): Promise<void> {
    const was = worklistKeysOf(before);
    const now = worklistKeysOf(after);
    await Promise.all([
      ...now.filter((key) => !was.includes(key)).map((key) => this.add(key, after._id)),
      ...was.filter((key) => !now.includes(key)).map((key) => this.remove(key, after._id)),
    ]);
  }
}
