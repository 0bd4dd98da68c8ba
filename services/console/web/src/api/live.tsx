// One server-sent-event stream per signed-in tab (/api/stream): inbox items and case updates. EventSource cannot
// send headers and tokens never go into URLs, so the page first asks the gateway for the stream cookie
// (POST /api/stream/session with its bearer token). Pages subscribe; when the stream is down they keep their
// own polling, so nothing depends on it.
import { createContext, type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ScreenPopMessage } from '@civicflow/contracts';
import { api, getToken } from './client';

export interface CaseUpdated {
  type: 'case-updated';
  caseNumber: string;
  eventType?: string;
  unitId?: string | null;
  stage?: string;
}

export interface InboxItem {
  id: string;
  title: string;
  body?: string;
  link?: string;
  caseNumber?: string;
  eventType?: string;
  urgent?: boolean;
  read: boolean;
  createdAt: string;
}

/** 来电弹屏: a call at this operator's seat (from the call centre's telephony system). */
export type ScreenPop = ScreenPopMessage;

type Listener = (message: { kind: 'case'; data: CaseUpdated } | { kind: 'inbox'; data: InboxItem } | { kind: 'screen-pop'; data: ScreenPop }) => void;

interface Live {
  connected: boolean;
  subscribe(listener: Listener): () => void;
}

const LiveContext = createContext<Live | null>(null);

export function LiveProvider({ userId, children }: { userId: string | null; children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!userId || !getToken() || typeof EventSource === 'undefined') return;
    let source: EventSource | undefined;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const emit: Listener = (m) => listeners.current.forEach((l) => l(m));
    const handle = (event: MessageEvent<string>, hint?: string) => {
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      if (!data || typeof data !== 'object') return;
      const d = data as Record<string, unknown>;
      // accept both a named event (event: case-updated) and a typed message ({ type: 'case-updated', … })
      // the BFF sends { type: 'inbox-item', item } and { type: 'case-updated', caseNumber, … }
      const wrapped = d.item ?? (d.data && typeof d.data === 'object' && !d.caseNumber ? d.data : undefined);
      const payload = (wrapped && typeof wrapped === 'object' ? wrapped : d) as Record<string, unknown>;
      const type = hint ?? (typeof d.type === 'string' ? d.type : typeof payload.type === 'string' ? payload.type : undefined);
      if (type === 'case-updated' && typeof payload.caseNumber === 'string') emit({ kind: 'case', data: payload as unknown as CaseUpdated });
      else if (type === 'screen-pop' && typeof payload.callRef === 'string') emit({ kind: 'screen-pop', data: payload as unknown as ScreenPop });
      else if ((type === 'inbox-item' || type === 'inbox' || type === 'notification') && typeof payload.id === 'string') {
        emit({ kind: 'inbox', data: payload as unknown as InboxItem });
      }
    };
    // the cookie (and so the stream) lasts as long as the access token: when the gateway refuses it, get a new one
    const open = async () => {
      try {
        await api('stream/session', { method: 'POST' });
      } catch {
        if (!stopped) retry = setTimeout(() => void open(), 15_000);
        return;
      }
      if (stopped) return;
      const es = new EventSource('/api/stream');
      source = es;
      es.onopen = () => setConnected(true);
      es.onerror = () => {
        setConnected(es.readyState === EventSource.OPEN);
        if (es.readyState === EventSource.CLOSED && !stopped) retry = setTimeout(() => void open(), 5_000);
      };
      es.onmessage = (e: MessageEvent<string>) => handle(e);
      es.addEventListener('case-updated', (e) => handle(e as MessageEvent<string>, 'case-updated'));
      es.addEventListener('inbox-item', (e) => handle(e as MessageEvent<string>, 'inbox-item'));
    };
    void open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
      setConnected(false);
    };
  }, [userId]);
  const value = useMemo<Live>(
    () => ({
      connected,
      subscribe(listener) {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    }),
    [connected],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): Live {
  const ctx = useContext(LiveContext);
  if (!ctx) throw new Error('useLive outside LiveProvider');
  return ctx;
}

/** Calls `onChange` on every case update (optionally only for one case), debounced so a burst makes one refresh. */
export function useCaseUpdates(onChange: (update: CaseUpdated) => void, caseNumber?: string): void {
  const { subscribe } = useLive();
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = subscribe((m) => {
      if (m.kind !== 'case' || (caseNumber && m.data.caseNumber !== caseNumber)) return;
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(m.data), 300);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [subscribe, caseNumber]);
}

/** Calls `onPop` for every call at this operator's seat (ringing, answered, hung up). */
export function useScreenPops(onPop: (pop: ScreenPop) => void): void {
  const { subscribe } = useLive();
  const latest = useRef(onPop);
  latest.current = onPop;
  useEffect(() => subscribe((m) => m.kind === 'screen-pop' && latest.current(m.data)), [subscribe]);
}

/** Re-runs `tick` every `ms` while the page is visible (fallback when the stream is down, and SLA freshness). */
export function usePolling(tick: () => void, ms: number): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => {
    const id = setInterval(() => {
      if (document.visibilityState === 'visible') latest.current();
    }, ms);
    return () => clearInterval(id);
  }, [ms]);
}
