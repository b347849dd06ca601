/**
 * `load` called on first use and its promise kept for every later call, except when it fails: a
 * failed load (a network blip, a chunk not fetched, consent granted meanwhile) is tried again on
 * the next call instead of being remembered.
 */
export function onceUntilFailure<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    if (!kept) {
      const started = load();
      kept = started;
      started.catch(() => { if (kept === started) kept = undefined; });
    }
    return kept;
  };
}
