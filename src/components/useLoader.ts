import * as React from 'react';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; value: T };

/**
 * Runs `load` when `deps` change or `reload()` is called, and ignores answers that arrive after
 * the component moved on (unmounted, or asked again). With `keepWhileReloading`, a reload keeps
 * the last value on screen (a list after a save) instead of flashing the spinner.
 */
export function useLoader<T>(load: () => Promise<T>, deps: React.DependencyList, keepWhileReloading: boolean = false): { state: LoadState<T>; reload: () => void } {
  const [state, setState] = React.useState<LoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    setState((old) => (keepWhileReloading && old.status === 'ready' ? old : { status: 'loading' }));
    load().then((value) => {
      if (live) setState({ status: 'ready', value });
    }, (error: unknown) => {
      if (live) setState({ status: 'error', error });
    });
    return () => { live = false; };
    // `load` is a new closure on every render; what it reads is in `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const reload = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
