import { afterFirstScreen, holdFirstScreen, MAX_HOLD_MS } from '../../../src/common/firstScreen';

/** Settles within `ms`, or says it did not. */
const within = <T>(p: Promise<T>, ms: number): Promise<T | 'pending'> => Promise.race([p, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);

describe('the first screen holds what is below it', () => {
  it('with nothing held, deferred work runs after a frame', async () => {
    expect(await within(afterFirstScreen('now'), 400)).toBe('now');
  });

  it('waits for every hold, then runs', async () => {
    const releaseTiles = holdFirstScreen();
    const releaseBars = holdFirstScreen();
    const below = afterFirstScreen('below');
    releaseTiles();
    expect(await within(below, 400)).toBe('pending');
    releaseBars();
    releaseBars();
    expect(await within(below, 400)).toBe('below');
  });

  it('a hold never released stops holding after MAX_HOLD_MS', async () => {
    const release = holdFirstScreen();
    const t0 = Date.now();
    expect(await afterFirstScreen('late')).toBe('late');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(MAX_HOLD_MS - 50);
    release();
  });
});
