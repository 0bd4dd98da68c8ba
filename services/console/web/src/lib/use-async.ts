import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: Error | undefined;
  /** A load the user waits for (first load, a change of view, a click on refresh) — never a background refresh. */
  loading: boolean;
  /** Refetches as the user asked for it: `loading` shows while it runs; the old data stays on screen. */
  reload(): void;
  /**
   * Refetches in the background (a live update, a poll): the screen keeps the data without a loading state, so a
   * table never dims (and fails its contrast) under someone reading it just because the system moved.
   */
  refresh(): void;
}

/** Loads on mount and when deps change; `reload`/`refresh` refetch keeping the old data on screen (no flicker). */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const fetchNow = useCallback((shown: boolean) => {
    const mine = ++generation.current;
    // a background refresh that overtakes a shown load ends that load's loading state when it lands
    if (shown) setLoading(true);
    run()
      .then((value) => {
        if (mine !== generation.current) return;
        setData(value);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (mine !== generation.current) return;
        setError(e instanceof Error ? e : new Error(String(e)));
      })
      .finally(() => mine === generation.current && setLoading(false));
  }, [run]);
  const reload = useCallback(() => fetchNow(true), [fetchNow]);
  const refresh = useCallback(() => fetchNow(false), [fetchNow]);
  useEffect(() => {
    reload();
  }, [reload]);
  return { data, error, loading, reload, refresh };
}
