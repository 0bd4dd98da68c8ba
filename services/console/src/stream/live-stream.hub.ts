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
    let sent = 0;
    for (const connection of this.connections) {
      if (!mayReceive(connection.user, update)) continue;
      connection.write(sseMessage(update.message));
      sent += 1;
    }
    return sent;
  }
}
