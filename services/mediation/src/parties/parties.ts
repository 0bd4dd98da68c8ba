import { randomUUID } from 'node:crypto';
import type { PiiProtector } from '@civicflow/platform';
import type { MediatorDoc } from '../committees/committee';
import { type PartyDoc, partyRef } from '../disputes/dispute';
import { refused } from '../shared/http-errors';
import { mediatorConflict } from './mediator-conflict';
import type { PartyInput } from './party.dto';

export function toPartyDoc(input: PartyInput, protector: PiiProtector, partyId = `p-${randomUUID().slice(0, 8)}`): PartyDoc {
  return {
    partyId, role: input.role, name: input.name,
    phone: input.phone ? protector.protect('phone', input.phone) : null,
    idNumber: input.idNumber ? protector.protect('idNumber', input.idNumber) : null,
    address: input.address ?? null, userId: input.userId ?? null,
    contactRegistered: input.phone ? false : null,
  };
}

export function applyPartyEdit(current: PartyDoc, edit: Partial<PartyInput>, protector: PiiProtector): PartyDoc {
  return {
    ...current,
    ...(edit.role ? { role: edit.role } : {}),
    ...(edit.name ? { name: edit.name } : {}),
    // a new phone must reach the notification directory again
    ...(edit.phone ? { phone: protector.protect('phone', edit.phone), contactRegistered: false } : {}),
    ...(edit.idNumber ? { idNumber: protector.protect('idNumber', edit.idNumber) } : {}),
    ...(edit.address ? { address: edit.address } : {}),
    ...(edit.userId ? { userId: edit.userId } : {}),
  };
}

/** 409 when the dispute's mediator is among the parties (回避). */
export function assertMediatorNotParty(mediator: MediatorDoc | null, parties: readonly PartyDoc[]): void {
  if (!mediator) return;
  const conflict = mediatorConflict(mediator, parties);
  if (conflict) throw refused({ code: conflict.code, zh: conflict.zh, en: conflict.en });
}

/**
 * The refs (`party:<disputeId>:<partyId>`) under which the notification directory knows the given parties: those
 * of the dispute with a phone on record (registered, or waiting for the retry). Others cannot be texted, so the
 * events do not name them. Ids that are not parties (users, people named by text) are left out.
 */
export function reachablePartyRefs(disputeId: string, parties: readonly PartyDoc[], partyIds?: readonly string[]): string[] {
  const wanted = partyIds ? new Set(partyIds) : undefined;
  return parties.filter((p) => p.phone && (!wanted || wanted.has(p.partyId))).map((p) => partyRef(disputeId, p.partyId));
}
