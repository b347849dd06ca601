import { spfi, SPBrowser } from '@pnp/sp';
import { startLocalSharePoint } from '../local-sharepoint/src/server';
import { provision } from '../../src/provisioning/apply';
import { getList } from '../../src/schema';
import { toPayload } from '../../src/services/mapping';
import { buildTimeline, timelineRows, visibleRange } from '../../src/webparts/portfolio/timeline/components/timelineModel';
import { rankProjects } from '../../src/services/scoring';
import type { PrioritisationCriterion, Project } from '../../src/model/portfolio';
import { launchChromium } from '../hub/chromium';
import { buildHub } from '../hub/build';
import { hubStaticHandler } from '../hub/server';
import { closeWhenSettled } from './settle';

type Results = Record<string, unknown>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10;
}

function timed(f: () => void, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    f();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

/**
 * The roadmap at 10,000 projects: its data shaping and the ranking in Node, then the Portfolio
 * page in headless Chromium (as a visitor) until the roadmap's first bar is drawn, how many rows
 * it drew, and the time to draw the last rows after scrolling to the end.
 */
export async function roadmapAt10kProjects(): Promise<Results> {
  const units = ['IT', 'Finance', 'HR', 'Digital Services', 'Infrastructure'];
  const programmes = ['Digital First', 'Green Transition', 'Core Systems Renewal', 'People & Culture', ''];
  const rags = ['Green', 'Amber', 'Red'] as const;
  const day = 86_400_000;
  const base = Date.UTC(2025, 0, 1);
  const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
  const projects: Project[] = [];
  for (let i = 0; i < 10_000; i++) {
    const start = base + ((i * 37) % 700) * day;
    projects.push({
      id: i + 1, code: `B-${String(i).padStart(5, '0')}`, title: `Project ${i}`, phase: 'Execution', strategicObjectives: [],
      unit: units[i % units.length], programme: programmes[i % programmes.length] || undefined,
      startDate: iso(start), endDate: iso(start + (120 + ((i * 53) % 600)) * day), latestOverall: rags[i % 3],
      criteriaScores: { 1: 1 + (i % 5), 2: 1 + ((i * 3) % 5), 3: 1 + ((i * 7) % 5), 4: 1 + ((i * 11) % 5) }
    });
  }
  const criteria: PrioritisationCriterion[] = [
    { id: 1, title: 'Strategic alignment', weight: 35, scale: 5, active: true }, { id: 2, title: 'Business value', weight: 30, scale: 5, active: true },
    { id: 3, title: 'Risk', weight: 15, scale: 5, active: true }, { id: 4, title: 'Effort', weight: 20, scale: 5, active: true }
  ];
  const shapingMs = timed(() => { const t = buildTimeline(projects, 'programme'); visibleRange(0, 480, timelineRows(t.groups, new Set()).length); });
  const rankingMs = timed(() => { rankProjects(projects, criteria); });

  const hub = await buildHub();
  const server = await startLocalSharePoint({ data: ':memory:', port: 0, staticHandler: hubStaticHandler(hub.outDir) });
  const url = `${server.url}/sites/pmo`;
  try {
    await provision(spfi(url).using(SPBrowser({ baseUrl: url })));
    const { store } = server;
    const web = store.getWebByPath('/sites/pmo');
    const list = web ? store.getList(web, { url: `/sites/pmo/${getList('projects').url}` }) : undefined;
    const priorities = web ? store.getList(web, { url: `/sites/pmo/${getList('projectPriorities').url}` }) : undefined;
    if (!web || !list || !priorities) throw new Error('not provisioned');
    const actor = { web, user: store.principals(web, 'user')[0] };
    store.tx(() => {
      for (const p of projects) {
        const item = store.insertItem(actor, list, store.coerceItemPayload(actor, list, toPayload('projects', {
          code: p.code, title: p.title, phase: p.phase, unit: p.unit, programme: p.programme, startDate: p.startDate, endDate: p.endDate,
          latestOverall: p.latestOverall
        }), true));
        // The PMO's scores live in Project Priorities (schema 9), one item per project.
        store.insertItem(actor, priorities, store.coerceItemPayload(actor, priorities, toPayload('projectPriorities', {
          title: p.code, project: item.id, criteriaScores: p.criteriaScores
        }), true));
      }
    });
    const browser = await launchChromium();
    try {
      const times: number[] = [];
      const scrollTimes: number[] = [];
      const dataTimes: number[] = [];
      let drawnRows = 0;
      let apiRequests = 0;
      for (let run = 0; run < 3; run++) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
        await context.addCookies([{ name: 'pmohub-user', value: 'visitor', domain: new URL(url).hostname, path: '/' }]);
        const page = await context.newPage();
        let api = 0;
        let lastAnswer = 0;
        page.on('request', (r) => { if (r.url().includes('/_api/')) api++; });
        page.on('requestfinished', (r) => { if (r.url().includes('/_api/')) lastAnswer = Date.now(); });
        const t0 = Date.now();
        await page.goto(`${url}/SitePages/Portfolio.aspx`);
        await page.waitForSelector('[role="button"][aria-label^="B-"]', { state: 'attached', timeout: 120_000 });
        times.push(Date.now() - t0);
        dataTimes.push(lastAnswer - t0);
        apiRequests = api;
        drawnRows = await page.locator('[role="button"][aria-label^="B-"]').count();
        const t1 = Date.now();
        // Strings, not functions: the Node tools compile without the DOM library.
        await page.evaluate(`(() => { const s = document.querySelector('svg[aria-label^="Roadmap"]').parentElement; s.scrollTop = s.scrollHeight; })()`);
        // Drawn once the scroll is handled: a row near the end of the 10,000.
        await page.waitForFunction(`Array.from(document.querySelectorAll('svg[aria-label^="Roadmap"] [role="button"]')).some((r) => Number(r.getAttribute('data-row')) > 9000)`, undefined, { timeout: 60_000 });
        scrollTimes.push(Date.now() - t1);
        await closeWhenSettled(context, page);
      }
      return {
        projects: projects.length, shapingMs, rankingMs,
        firstBarMs: median(times), firstBarRunsMs: times, lastApiAnswerMs: median(dataTimes), pageApiRequests: apiRequests,
        roadmapRowsDrawn: drawnRows, scrollToEndMs: median(scrollTimes)
      };
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}
