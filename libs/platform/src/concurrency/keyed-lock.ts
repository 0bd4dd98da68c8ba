/**
 * Runs work for one key at a time within this process. FerretDB v1 does not make a conditional update atomic
 * against a concurrent one (it reads, then writes), so a revision guard alone lets two writers of the same
 * document in one process both "win"; serialising them here per document key closes that gap (across
 * instances, on MongoDB, the revision guard is atomic and suffices). Used by mediation's dispute store and
 * casework's statistics day buckets.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.catch(() => undefined).then(work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
