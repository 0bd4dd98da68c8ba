import { SseParser } from './sse-parser';

export interface InboxRelayOptions {
  /** notification's api/v1/inbox/stream, asked at each (re)connection (a replica's) */
  url: () => string;
  token: string;
  onItem: (item: unknown) => void;
  /** 'up' when the upstream stream is open, 'down' when it broke (retried), 'refused' when it rejected the token (not retried) */
  onStatus: (status: 'up' | 'down' | 'refused') => void;
  signal: AbortSignal;
  retryMs?: number;
}

/**
 * Relays a user's inbox stream from the notification service: `inbox-item` events are handed on, pings
 * dropped; a broken stream is reopened after a pause until the signal aborts.
 */
export async function relayInbox({ url, token, onItem, onStatus, signal, retryMs = 5000 }: InboxRelayOptions): Promise<void> {
  let lastStatus: string | undefined;
  const status = (s: 'up' | 'down' | 'refused') => {
    if (s !== lastStatus) onStatus(s);
    lastStatus = s;
  };
  while (!signal.aborted) {
    try {
      const res = await fetch(url(), { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal });
      if (res.status === 401 || res.status === 403) {
        status('refused');
        return;
      }
      if (!res.ok || !res.body) throw new Error(`status ${res.status}`);
      status('up');
      const parser = new SseParser();
      const decoder = new TextDecoder();
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        for (const event of parser.feed(decoder.decode(chunk, { stream: true }))) {
          if (event.event !== 'inbox-item') continue;
          try {
            onItem(JSON.parse(event.data));
          } catch {
            // not JSON: nothing a browser could use
          }
        }
      }
      throw new Error('stream ended');
    } catch {
      if (signal.aborted) return;
      status('down');
      await pause(retryMs, signal);
    }
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
