import { Logger } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { EventData, gridDatasetChangedV1 } from '@civicflow/contracts';
import type { ServiceTokens } from '../auth/service-token';
import { BroadcastListener } from '../kafka/broadcast-listener';

export interface GridFollowerOptions<T> {
  /** What is followed, for the logs, e.g. 'org tree'. */
  what: string;
  /** GET `${gridUrl}${path}` answers the resource. */
  gridUrl: string;
  path: string;
  /** The calling service's own token (its service identity, by client credentials). */
  tokens: ServiceTokens;
  kafka: Kafka;
  /** Names the process's broadcast group (see BroadcastListener). */
  groupPrefix: string;
  /** The resource from the answer's JSON; throws when it is not one. */
  parse(body: unknown): T;
  /** The dataset id of a loaded resource, when it has one: an announcement of the same dataset loads nothing. */
  datasetIdOf?(value: T): string | undefined;
}

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;
const FETCH_TIMEOUT_MS = 30_000;

/**
 * Keeps a copy of something the grid service owns (its org tree, its routing dataset) in this process: loaded at
 * start, retried with backoff until the grid answers, and loaded again whenever the grid announces a new import
 * (grid.dataset-changed, heard by every process). The grid stays the one writer; this is a read-only copy.
 */
export class GridFollower<T> {
  private readonly logger: Logger;
  private readonly listener: BroadcastListener;
  private value?: T;
  private datasetId?: string;
  private loading?: Promise<boolean>;
  private retry?: NodeJS.Timeout;
  private retryMs = RETRY_MIN_MS;
  private stopped = false;
  private markLoaded!: () => void;
  private readonly loaded = new Promise<void>((resolve) => (this.markLoaded = resolve));

  constructor(private readonly options: GridFollowerOptions<T>) {
    this.logger = new Logger(`GridFollower(${options.what})`);
    this.listener = new BroadcastListener(options.kafka, {
      groupPrefix: options.groupPrefix,
      contracts: [gridDatasetChangedV1],
      onEvent: async (event) => {
        const { datasetId } = event.data as EventData<typeof gridDatasetChangedV1>;
        if (datasetId !== this.datasetId) await this.load();
      },
    });
  }

  /** Listens first (an import announced during the first load is not missed), then loads, waiting at most `waitMs`. */
  async start(waitMs: number): Promise<void> {
    await this.listener.start();
    await Promise.race([this.load(), sleep(waitMs)]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.listener.stop();
  }

  /** The copy as last loaded; undefined until the first load. */
  current(): T | undefined {
    return this.value;
  }

  /** The copy, waiting up to `waitMs` for the first load; undefined when it has not come by then. */
  async ready(waitMs: number): Promise<T | undefined> {
    if (this.value === undefined) await Promise.race([this.loaded, sleep(waitMs)]);
    return this.value;
  }

  /** One load at a time; a failure schedules another with backoff, until one succeeds or the follower stops. */
  private load(): Promise<boolean> {
    this.loading ??= this.fetch().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async fetch(): Promise<boolean> {
    clearTimeout(this.retry);
    try {
      const res = await fetch(`${this.options.gridUrl.replace(/\/+$/, '')}${this.options.path}`, {
        headers: { authorization: `Bearer ${await this.options.tokens.token()}` },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      // a token the grid no longer takes (identity's key rotated, session revoked): the next try fetches another
      if (res.status === 401) this.options.tokens.invalidate();
      if (!res.ok) throw new Error(`grid service answered ${res.status}`);
      const value = this.options.parse(await res.json());
      const datasetId = this.options.datasetIdOf?.(value);
      if (datasetId === undefined || datasetId !== this.datasetId) {
        this.value = value;
        this.datasetId = datasetId;
        this.logger.log(`网格数据已加载 the grid's ${this.options.what} is loaded${datasetId ? ` (dataset ${datasetId})` : ''}`);
      }
      this.retryMs = RETRY_MIN_MS;
      this.markLoaded();
      return true;
    } catch (error) {
      if (this.stopped) return false;
      this.logger.warn(`网格数据加载失败 the grid's ${this.options.what} is not loaded, retrying in ${this.retryMs} ms: ${error instanceof Error ? error.message : String(error)}`);
      this.retry = setTimeout(() => void this.load(), this.retryMs);
      this.retry.unref();
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
      return false;
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
