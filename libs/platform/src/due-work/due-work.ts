import { DueBucket, DueList } from './due-list';

/** What a queue does with one id: nothing more to do (undefined), or look again at the returned time. */
export type DueHandler = (id: string) => Promise<Date | undefined | void>;

export interface DueWorkLogger {
  warn(message: string): void;
}

export interface DueWorkOptions {
  /** in logs */
  name: string;
  list: DueList;
  handle: DueHandler;
  /** how often the remembered list is read: the safety net for work a dead process left (default 30 s) */
  sweepMs?: number;
  /** ids handled side by side in this process (default 4) */
  concurrency?: number;
  /** when the handler throws: look again after this long (default sweepMs) */
  retryMs?: number;
  /** later work within this horizon gets a timer in this process too (default 2 × sweepMs); the rest waits for a sweep */
  horizonMs?: number;
  /** on the first start of a queue: the work stored before the list existed (one scan, once per database) */
  backfill?: () => Promise<Array<{ id: string; dueAt: Date }>>;
  now?: () => Date;
  logger?: DueWorkLogger;
}

/**
 * Work handed over in-process right after the write that made it, with a slow safety sweep of the remembered list.
 * The writer first remembers the id (a point write to the due list), then writes its document, then runs the work
 * here at once; a handler that must come back later returns when, and that time is remembered too. If the process
 * dies anywhere in between, the sweep — in this replica or another — finds the id in its bucket and hands it to
 * the handler again. Handlers are idempotent and claim their document with one atomic single-document update,
 * so two replicas sweeping the same bucket never both do the work.
 */
export class DueWork {
  private readonly sweepMs: number;
  private readonly concurrency: number;
  private readonly retryMs: number;
  private readonly horizonMs: number;
  private readonly now: () => Date;
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private readonly waiting: Array<() => void> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private active = 0;
  private sweepTimer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;
  private stopped = false;

  constructor(private readonly options: DueWorkOptions) {
    this.sweepMs = options.sweepMs ?? 30_000;
    this.concurrency = options.concurrency ?? 4;
    this.retryMs = options.retryMs ?? this.sweepMs;
    this.horizonMs = options.horizonMs ?? 2 * this.sweepMs;
    this.now = options.now ?? (() => new Date());
  }

  /** Remembers ids for later without running them here: call before the write that creates their work. */
  remember(ids: readonly string[], dueAt: Date = this.now()): Promise<void> {
    return this.options.list.add(ids, dueAt, this.now());
  }

  /** Runs ids in this process now (not awaited by callers that must not wait); resolves when each was handled. */
  run(ids: readonly string[]): Promise<boolean[]> {
    return Promise.all(ids.map((id) => this.handleOnce(id)));
  }

  /** Remembers ids for `dueAt` and, if that falls within the horizon, runs them here at that time too. */
  async schedule(ids: readonly string[], dueAt: Date): Promise<void> {
    await this.remember(ids, dueAt);
    const delay = dueAt.getTime() - this.now().getTime();
    if (this.stopped || delay > this.horizonMs) return;
    if (delay <= 0) {
      void this.run(ids);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.run(ids);
    }, delay);
    timer.unref();
    this.timers.add(timer);
  }

  /** Catches up with what earlier runs left, then sweeps every sweepMs. */
  async start(): Promise<void> {
    await this.initialise().catch((error: unknown) => this.warn(`could not remember the work stored before the due list (retried at the next start): ${describe(error)}`));
    void this.sweepOnce();
    this.sweepTimer = setInterval(() => void this.sweepOnce(), this.sweepMs);
    this.sweepTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweepTimer);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.sweeping;
    await Promise.all(this.inFlight.values());
  }

  /**
   * One sweep: every ready bucket's ids go through the handler; a bucket is forgotten only when each of its ids was
   * handled or remembered for later, so a failure (the store away, the process killed) leaves it for the next sweep.
   * Returns how many ids were looked at. Sweeps never overlap.
   */
  sweepOnce(now: Date = this.now()): Promise<number> {
    this.sweeping ??= this.sweep(now).finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweep(now: Date): Promise<number> {
    let looked = 0;
    try {
      for (const bucket of await this.options.list.readyBuckets(now)) {
        if (this.stopped) break;
        looked += bucket.ids.length;
        if ((await this.run(bucket.ids)).every(Boolean)) await this.settle(bucket);
      }
    } catch (error) {
      this.warn(`sweep failed, the next one retries: ${describe(error)}`);
    }
    return looked;
  }

  private settle(bucket: DueBucket): Promise<void> {
    return this.options.list.settle(bucket);
  }

  private async initialise(): Promise<void> {
    const { list, backfill } = this.options;
    if (!backfill || (await list.initialised())) return;
    const found = await backfill();
    const byTime = new Map<number, string[]>();
    for (const { id, dueAt } of found) byTime.set(dueAt.getTime(), [...(byTime.get(dueAt.getTime()) ?? []), id]);
    for (const [at, ids] of byTime) await list.add(ids, new Date(at), this.now());
    await list.markInitialised(this.now());
  }

  /** Handles one id (joining a run already in flight); true when it is done or remembered for later. */
  private handleOnce(id: string): Promise<boolean> {
    const running = this.inFlight.get(id);
    if (running) return running;
    const result = this.limited(() => this.handle(id)).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, result);
    return result;
  }

  private async handle(id: string): Promise<boolean> {
    let next: Date | undefined;
    try {
      next = (await this.options.handle(id)) ?? undefined;
    } catch (error) {
      this.warn(`${id} failed, retrying in ${Math.round(this.retryMs / 1000)} s: ${describe(error)}`);
      next = new Date(this.now().getTime() + this.retryMs);
    }
    if (!next) return true;
    // "again right now" would spin: a handler that must come back waits at least a second (or retryMs, if shorter)
    next = new Date(Math.max(next.getTime(), this.now().getTime() + Math.min(1_000, this.retryMs)));
    try {
      await this.schedule([id], next);
      return true;
    } catch (error) {
      this.warn(`${id} could not be remembered for later, the sweep keeps it: ${describe(error)}`);
      return false;
    }
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    while (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await work();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }

  private warn(message: string): void {
    this.options.logger?.warn(`${this.options.name}: ${message}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
