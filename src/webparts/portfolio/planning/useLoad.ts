import * as React from 'react';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; value: T };

/**
 * Runs `load` on mount and whenever `deps` change; `retry` runs it again. A late answer to an
 * earlier call is dropped, so a quick filter change never shows stale data.
 */
export function useLoad<T>(load: () => Promise<T>, deps: React.DependencyList): { data: Loaded<T>; retry: () => void; set: (value: T) => void } {
  const [data, setData] = React.useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    let current = true;
    setData({ state: 'loading' });
    load().then((value) => { if (current) setData({ state: 'ready', value }); }, (error: unknown) => { if (current) setData({ state: 'error', error }); });
    return () => { current = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  return { data, retry: () => setAttempt((a) => a + 1), set: (value: T) => setData({ state: 'ready', value }) };
}
