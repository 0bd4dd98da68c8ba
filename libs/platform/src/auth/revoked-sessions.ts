import { Logger } from '@nestjs/common';

/** What identity's `GET /api/v1/auth/revocations` answers: sessions ended early, each until its last token expires. */
export interface RevocationFeed {
  sessions: { sid: string; until: string }[];
}

export interface RevokedSessionsOptions {
  url: string;
  pollMs: number;
  fetch?: typeof fetch;
}

/**
 * The sessions that were ended before their tokens expired (logout, a deactivated or re-scoped user), polled
 * from the identity service: a token of such a session is refused within one poll, without asking identity on
 * every request. When identity cannot be reached the last list stays in force (and tokens still expire).
 */
export class RevokedSessions {
  private readonly logger = new Logger(RevokedSessions.name);
  private revoked = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private failing = false;
  private loaded?: Promise<void>;

  constructor(private readonly options: RevokedSessionsOptions) {}

  /** Loads the list now, then every `pollMs`. */
  start(): Promise<void> {
    this.loaded ??= this.poll();
    this.timer ??= setInterval(() => void this.poll(), this.options.pollMs);
    this.timer.unref();
    return this.loaded;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  isRevoked(sessionId: string): boolean {
    const until = this.revoked.get(sessionId);
    return until !== undefined && until > Date.now();
  }

  /** One poll; exposed so a test (or a caller that has just revoked) need not wait for the timer. */
  async poll(): Promise<void> {
    try {
      const res = await (this.options.fetch ?? fetch)(this.options.url, { signal: AbortSignal.timeout(5_000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const feed = (await res.json()) as RevocationFeed;
      const next = new Map<string, number>();
      for (const entry of feed.sessions ?? []) {
        const until = Date.parse(entry.until);
        if (typeof entry.sid === 'string' && Number.isFinite(until)) next.set(entry.sid, until);
      }
      this.revoked = next;
      if (this.failing) this.logger.log('已恢复读取注销会话 revocation list reachable again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) {
        this.logger.warn(`无法读取注销会话,沿用上次列表 cannot read the revocation list, keeping the last one: ${error instanceof Error ? error.message : String(error)}`);
      }
      this.failing = true;
    }
  }
}
