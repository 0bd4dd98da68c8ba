import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@civicflow/platform';
import { CaseUpdate, mayReceive } from './case-update';
import { sseMessage } from './sse-parser';

export interface LiveConnection {
  user: AuthUser;
  write(chunk: string): void;
}

/** The open live streams of this instance; case updates go to those that may receive them. */
@Injectable()
export class LiveStreamHub {
  private readonly connections = new Set<LiveConnection>();

  add(connection: LiveConnection): () => void {
    this.connections.add(connection);
    return () => this.connections.delete(connection);
  }

  get size(): number {
    return this.connections.size;
  }

  publish(update: CaseUpdate): number {
    return this.publishTo((user) => mayReceive(user, update), update.message);
  }

  /** A message to the connections whose user it is for; how many it reached. */
  publishTo(isFor: (user: AuthUser) => boolean, message: unknown): number {
    let sent = 0;
    for (const connection of this.connections) {
      if (!isFor(connection.user)) continue;
      connection.write(sseMessage(message));
      sent += 1;
    }
    return sent;
  }
}
