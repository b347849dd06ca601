import { configure } from '@testing-library/react';
import { setImmediate as nodeSetImmediate } from 'timers';

// Waits in component tests poll for what the user would see; on a loaded 2-core CI machine
// Fluent's first renders can take longer than testing-library's 1 s default. Nothing here
// measures time: a slow pass is a pass, a missing element still fails.
configure({ asyncUtilTimeout: 5000 });

// react-dom's test utils finish an async act() by flushing on Node's setImmediate. If one such
// flush is still queued when a test file ends, it runs after jsdom is torn down and throws
// "The `document` global was defined when React was initialized…", which ends the whole jest
// run (seen under load). Draining the queue before the environment goes prevents that.
afterAll(async () => {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => nodeSetImmediate(resolve));
  await new Promise<void>((resolve) => setTimeout(resolve, 50));
});
