import { pinClock } from '../fixtures/demoClock';

// Every test file runs on the demo's day (DEMO_NOW), whatever the calendar says (issue 18):
// a test that needs another day sets it with pinClock(other).
pinClock();
