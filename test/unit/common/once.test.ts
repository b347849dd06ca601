import { onceUntilFailure } from '../../../src/common/once';

describe('onceUntilFailure', () => {
  it('loads once and hands every caller the same promise', async () => {
    let calls = 0;
    const get = onceUntilFailure(async () => { calls += 1; return { n: calls }; });
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(await get()).toBe(a);
    expect(calls).toBe(1);
  });

  it('forgets a failed load, so the next call tries again', async () => {
    let calls = 0;
    const get = onceUntilFailure(async () => {
      calls += 1;
      if (calls === 1) throw new Error('chunk not fetched');
      return 'loaded';
    });
    await expect(get()).rejects.toThrow('chunk not fetched');
    expect(await get()).toBe('loaded');
    expect(await get()).toBe('loaded');
    expect(calls).toBe(2);
  });
});
