/**
 * The replicas of one service behind the gateway (its `*_URL` may list several, comma-separated): calls go round
 * robin over those not known to be down; a replica that refused a connection is set aside for `restMs` and tried
 * again after that, last in line until then — so a stopped or crashed replica costs no user a failed call while
 * another one answers.
 */
export class UpstreamPool {
  private next = 0;
  private readonly downUntil = new Map<string, number>();

  constructor(
    readonly targets: readonly string[],
    private readonly restMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {
    if (targets.length === 0) throw new Error('an upstream pool needs at least one target');
  }

  /** The replicas to try for one call, in order: the next in turn first, the ones set aside last. */
  order(): string[] {
    const start = this.next;
    this.next = (this.next + 1) % this.targets.length;
    const turn = this.targets.map((_, i) => this.targets[(start + i) % this.targets.length]);
    const at = this.now();
    const up = turn.filter((target) => (this.downUntil.get(target) ?? 0) <= at);
    return [...up, ...turn.filter((target) => !up.includes(target))];
  }

  /** The replica refused a connection: set it aside for a while. */
  markDown(target: string): void {
    this.downUntil.set(target, this.now() + this.restMs);
  }

  /** The replica answered: back in turn at once. */
  markUp(target: string): void {
    this.downUntil.delete(target);
  }
}

/** A failure that happened before the upstream saw anything of the call: another replica may safely take it. */
export function neverReachedUpstream(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } } | null)?.code ?? (error as { cause?: { code?: string } } | null)?.cause?.code;
  return code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}
