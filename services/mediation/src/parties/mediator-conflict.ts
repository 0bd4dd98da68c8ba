import type { MediatorDoc } from '../committees/committee';
import type { PartyDoc } from '../disputes/dispute';

export type ConflictMatch = 'userId' | 'idNumberHash' | 'phoneHash';

/**
 * 调解员回避: a mediator may not mediate a dispute they are a party to. Matched by user id, or by the keyed hash of
 * the ID number or phone (the clear values are never compared, nor stored).
 */
export function mediatorConflict(mediator: Pick<MediatorDoc, '_id' | 'phone' | 'idNumber'>, parties: readonly Pick<PartyDoc, 'userId' | 'phone' | 'idNumber'>[]): ConflictMatch | undefined {
  for (const party of parties) {
    if (party.userId && party.userId === mediator._id) return 'userId';
    if (party.idNumber && mediator.idNumber && party.idNumber.hash === mediator.idNumber.hash) return 'idNumberHash';
    if (party.phone && mediator.phone && party.phone.hash === mediator.phone.hash) return 'phoneHash';
  }
  return undefined;
}
