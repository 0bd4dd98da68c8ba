import { DisputeDoc } from '../disputes/dispute';
import { DisputeStore } from '../disputes/dispute.store';
import { applyMediationView } from '../read-model/mediation-projection';
import { MediationView } from '../workflow/mediation-contract';

/** Writes what an Update's answer says about the dispute (stage, level, mediator, limit) beside `extra`. */
export function recordView(store: DisputeStore, disputeId: string, view: MediationView, extra: (doc: DisputeDoc) => Partial<DisputeDoc> = () => ({})): Promise<DisputeDoc | null> {
  const at = new Date();
  return store.mutate(disputeId, (doc) => {
    const entered = extra(doc);
    return { ...entered, ...(applyMediationView({ ...doc, ...entered }, view, at) ?? {}) };
  });
}
