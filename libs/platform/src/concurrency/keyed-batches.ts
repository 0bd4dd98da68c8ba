/**
 * Writes of one key gathered into one: items added while the key's previous write is still running wait together
 * and go in the next write, one at a time per key (as `KeyedLock`). A document every event of a day rewrites (the
 * statistics' day bucket) then costs one read and one write per batch, not per event — under a backlog, the batch is
 * everything that arrived during the last write. Each `add` resolves when the write holding its items succeeds and
 * rejects with its error (the caller retries; the write must be idempotent, as a redelivery can repeat its items).
 */
export class KeyedBatches<T> {
  private readonly waiting = new Map<string, { items: T[]; written: Promise<void> }>();
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(private readonly write: (key: string, items: readonly T[]) => Promise<void>) {}

  add(key: string, ...items: T[]): Promise<void> {
    const batch = this.waiting.get(key);
    if (batch) {
      batch.items.push(...items);
      return batch.written;
    }
    const next = { items, written: Promise.resolve() };
    const previous = this.running.get(key) ?? Promise.resolve();
    // the batch stops taking items when its write starts: what comes later waits for the next one
    next.written = previous.catch(() => undefined).then(() => {
      this.waiting.delete(key);
      return this.write(key, next.items);
    });
    this.waiting.set(key, next);
    const tail = next.written.catch(() => undefined);
    this.running.set(key, tail);
    void tail.then(() => {
      if (this.running.get(key) === tail) this.running.delete(key);
    });
    return next.written;
  }
}
