import { checkMediatorConflict, MediatorConflict } from '@civicflow/domain';
import type { MediatorDoc } from '../committees/committee';
import type { PartyDoc } from '../disputes/dispute';

/**
 * 调解员回避: a mediator may not mediate a dispute they are a party to — the domain's rule over the user id and the
 * keyed hashes of ID number and phone (the clear values are never compared, nor stored).
 */
export function mediatorConflict(mediator: Pick<MediatorDoc, '_id' | 'phone' | 'idNumber'>, parties: readonly Pick<PartyDoc, 'userId' | 'phone' | 'idNumber'>[]): MediatorConflict | undefined {
  return checkMediatorConflict(
    { userId: mediator._id, phoneHash: mediator.phone?.hash ?? null, idNumberHash: mediator.idNumber?.hash ?? null },
    parties.map((p) => ({ userId: p.userId, phoneHash: p.phone?.hash ?? null, idNumberHash: p.idNumber?.hash ?? null })),
  );
}
