import { Provider } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CONFIG, DUE_WORK_MODEL, DueList, DueWorkDoc, MongoDueList } from '@civicflow/platform';
import { MediationConfig } from '../config';

/**
 * Work a write can leave behind — a mediator still to assign (the disputes projection), a party's contact still to
 * register (the party register) — kept in due lists (`due_work`, by `_id`) that assign-mediator/assignment-retry.ts
 * and register-contact/party-contact-registrar.ts sweep. The store remembers the dispute there before the write that
 * makes the work pending, so no one ever searches the disputes or the parties for pending flags.
 */
export interface FollowUps {
  assignments: DueList;
  contacts: DueList;
  /** when a sweep first looks at fresh work (whoever wrote it normally finishes it before) */
  assignmentCheckMs: number;
  contactCheckMs: number;
}

export const FOLLOW_UPS = Symbol('MEDIATION_FOLLOW_UPS');

export const followUpsProvider: Provider = {
  provide: FOLLOW_UPS,
  inject: [getModelToken(DUE_WORK_MODEL), CONFIG],
  useFactory: (due: Model<DueWorkDoc>, config: MediationConfig): FollowUps => ({
    assignments: new MongoDueList(due, { queue: 'mediator-assignments', sweepMs: config.MEDIATION_ASSIGN_RETRY_MS }),
    contacts: new MongoDueList(due, { queue: 'party-contacts', sweepMs: config.MEDIATION_CONTACT_REGISTER_RETRY_MS }),
    assignmentCheckMs: config.MEDIATION_ASSIGN_RETRY_MS,
    contactCheckMs: config.MEDIATION_CONTACT_REGISTER_RETRY_MS,
  }),
};

/** Remembers `id` in `list` for `afterMs` from now (before the write that makes its work pending). */
export function rememberFollowUp(list: DueList, id: string, afterMs: number): Promise<void> {
  const now = new Date();
  return list.add([id], new Date(now.getTime() + afterMs), now);
}
