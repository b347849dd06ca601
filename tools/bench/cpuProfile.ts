import fs from 'fs';
import type { Page } from 'playwright-core';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/**
 * Chromium's sampling CPU profiler through CDP, for finding where a page's first render goes
 * (not for timing it: the profiler slows the page). The profile is written as a `.cpuprofile`
 * (opens in Chrome DevTools' Performance panel) with a summary of the top functions by self time.
 */
export async function startCpuProfile(page: Page, file = process.env.PORTFOLIO_BENCH_PROFILE ?? 'bench-portfolio.cpuprofile'): Promise<() => Promise<unknown>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop') as unknown as { profile: CpuProfile };
    fs.writeFileSync(file, JSON.stringify(profile));
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const byFn = new Map<string, number>();
    for (const n of profile.nodes) {
      const f = n.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      byFn.set(key, (byFn.get(key) ?? 0) + (self.get(n.id) ?? 0) / 1000);
    }
    const top = [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${Math.round(v)} ms ${k}`);
    return { file, totalMs: Math.round((profile.endTime - profile.startTime) / 1000), topSelfTime: top };
  };
}
