/**
 * Resolves with `value` once the browser has had a chance to paint what is already rendered: a
 * view below the first screen waits for this before it renders, so the first screen (the counts,
 * the status chart) is painted before the rest of the page is computed. At 10,000 projects every
 * portfolio web part rendering in the same task kept the first screen blank for seconds.
 * Where frames do not run (a background tab, a test without them) a short timeout stands in.
 */
export function afterPaint<T>(value: T): Promise<T> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => { if (!done) { done = true; resolve(value); } };
    // A frame's callbacks run before its paint: the task after it runs after the paint.
    // Through globalThis: the services also run in Node (provisioning, the bench), typed without the DOM.
    const frame = (globalThis as { requestAnimationFrame?: (callback: () => void) => number }).requestAnimationFrame;
    if (typeof frame !== 'function') {
      setTimeout(finish, 0);
      return;
    }
    // Called on the window: detached from it, requestAnimationFrame throws "Illegal invocation".
    frame.call(globalThis, () => setTimeout(finish, 0));
    setTimeout(finish, 250);
  });
}
