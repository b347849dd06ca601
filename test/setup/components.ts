import { configure } from '@testing-library/react';

// Waits in component tests poll for what the user would see; on a loaded 2-core CI machine
// Fluent's first renders can take longer than testing-library's 1 s default. Nothing here
// measures time: a slow pass is a pass, a missing element still fails.
configure({ asyncUtilTimeout: 5000 });
