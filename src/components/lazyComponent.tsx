import * as React from 'react';
import { Spinner, SpinnerSize } from '@fluentui/react';

/**
 * A component whose code is a chunk of its own, loaded on its first render (a form opened by a
 * click): the page's first render does not pay for it. Until the chunk is in, a small spinner
 * stands in its place; a chunk that fails to load reaches the web part's error boundary.
 */
export function lazyComponent<P>(load: () => Promise<React.ComponentType<P>>): (props: P) => JSX.Element {
  const Lazy = React.lazy(() => load().then((component) => ({ default: component })));
  return function LazyComponent(props: P): JSX.Element {
    return (
      <React.Suspense fallback={<Spinner size={SpinnerSize.small} />}>
        {/* eslint-disable-next-line @typescript-eslint/no-explicit-any */}
        <Lazy {...(props as any)} />
      </React.Suspense>
    );
  };
}
