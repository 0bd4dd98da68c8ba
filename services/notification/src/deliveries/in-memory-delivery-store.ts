import { Delivery, DeliveryStore } from './delivery';

/** The delivery store in memory, with the Mongo store's semantics: for unit tests of planning and sending. */
export class InMemoryDeliveryStore implements DeliveryStore {
  readonly byId = new Map<string, Delivery>();

  async insertNew(deliveries: Delivery[]): Promise<Delivery[]> {
    const fresh = deliveries.filter((d) => !this.byId.has(d.id));
    for (const d of fresh) this.byId.set(d.id, structuredClone(d));
    return fresh;
  }

  async get(id: string) {
    const found = this.byId.get(id);
    return found && structuredClone(found);
  }

  async claim(id: string, now: Date, leaseUntil: Date) {
    const d = this.byId.get(id);
    if (!d || !['pending', 'held-for-quiet-hours'].includes(d.status) || !d.nextAttemptAt || d.nextAttemptAt > now) return undefined;
    Object.assign(d, { status: 'pending', nextAttemptAt: leaseUntil, updatedAt: now });
    return structuredClone(d);
  }

  async markSent(id: string, at: Date, attempts: number, providerMessageId?: string) {
    this.update(id, { status: 'sent', attempts, sentAt: at, updatedAt: at, outcomePending: true, providerMessageId, nextAttemptAt: undefined });
  }

  async markRetry(id: string, at: Date, attempts: number, error: string, nextAttemptAt: Date) {
    this.update(id, { status: 'pending', attempts, lastError: error, nextAttemptAt, updatedAt: at });
  }

  async markHeld(id: string, at: Date, until: Date) {
    this.update(id, { status: 'held-for-quiet-hours', nextAttemptAt: until, updatedAt: at });
  }

  async markFailed(id: string, at: Date, attempts: number, error: string) {
    this.update(id, { status: 'failed', attempts, lastError: error, failedAt: at, updatedAt: at, outcomePending: true, nextAttemptAt: undefined });
  }

  async dueNow(id: string, now: Date) {
    const d = this.byId.get(id);
    if (!d || d.status !== 'pending' || !d.nextAttemptAt || d.nextAttemptAt <= now) return false;
    this.update(id, { nextAttemptAt: now, updatedAt: now });
    return true;
  }

  async requeue(id: string, at: Date) {
    const d = this.byId.get(id);
    if (!d || d.status !== 'failed') return undefined;
    this.update(id, { status: 'pending', attempts: 0, nextAttemptAt: at, updatedAt: at, failedAt: undefined });
    return this.get(id);
  }

  async listByCase(caseNumber: string, limit: number) {
    return [...this.byId.values()].filter((d) => d.caseNumber === caseNumber).slice(0, limit).map((d) => structuredClone(d));
  }

  async unfinished(now: Date) {
    return [...this.byId.values()]
      .filter((d) => ['pending', 'held-for-quiet-hours'].includes(d.status) || d.outcomePending)
      .map((d) => ({ id: d.id, dueAt: ['pending', 'held-for-quiet-hours'].includes(d.status) ? (d.nextAttemptAt ?? now) : now }));
  }

  async outcomePublished(id: string) {
    this.update(id, { outcomePending: undefined });
  }

  private update(id: string, changes: Partial<Delivery>): void {
    const d = this.byId.get(id);
    if (d) Object.assign(d, changes);
  }
}
