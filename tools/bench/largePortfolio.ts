import { MODERATION_STATUS, getList, internalName, type FieldKey } from '../../src/schema';
import type { LocalSharePoint } from '../local-sharepoint/src/server';
import type { FieldValue } from '../local-sharepoint/src/store/types';

export const LARGE_UNITS = ['IT', 'Finance', 'HR', 'Digital Services', 'Infrastructure', 'Customer Service', 'Operations', 'Sales', 'Legal', 'R&D'];
const PHASES = ['Idea', 'Initiation', 'Planning', 'Execution', 'Execution', 'Execution', 'Closing', 'Closed'];
const RAGS = ['Green', 'Green', 'Green', 'Amber', 'Amber', 'Red'];
const DAY = 86_400_000;

/**
 * The `large` seed's shape (10,000 projects, 10 published and approved reports each: 100,000) written
 * straight into the store of a provisioned site: the REST path would take minutes and is not
 * what these tests measure. Deterministic; report dates run up to `today`.
 */
export function insertLargePortfolio(server: LocalSharePoint, today: Date, projects: number = 10_000, reportsEach: number = 10): void {
  const { store } = server;
  const web = store.getWebByPath('/sites/pmo');
  const projectList = web ? store.getList(web, { url: `/sites/pmo/${getList('projects').url}` }) : undefined;
  const reportList = web ? store.getList(web, { url: `/sites/pmo/${getList('statusReports').url}` }) : undefined;
  if (!web || !projectList || !reportList) throw new Error('Provision the site first.');
  const user = store.principals(web, 'user')[0];
  const actor = { web, user };
  const p = (k: FieldKey<'projects'>): string => internalName('projects', k);
  const r = (k: FieldKey<'statusReports'>): string => internalName('statusReports', k);
  const iso = (t: number): string => `${new Date(t).toISOString().slice(0, 10)}T12:00:00Z`;
  const now = today.getTime();
  let seed = 10_000;
  const rand = (): number => { seed = (seed * 16807) % 2147483647; return (seed - 1) / 2147483646; };
  const ids: number[] = [];
  store.tx(() => {
    for (let i = 1; i <= projects; i++) {
      const start = now - Math.round(rand() * 700) * DAY;
      const values: Record<string, FieldValue> = {
        [p('code')]: `LRG-${String(i).padStart(5, '0')}`, [p('title')]: `Portfolio project ${i}`, [p('unit')]: LARGE_UNITS[i % LARGE_UNITS.length],
        [p('phase')]: PHASES[Math.floor(rand() * PHASES.length)], [p('leader')]: user.id,
        [p('startDate')]: iso(start), [p('endDate')]: iso(start + (120 + Math.round(rand() * 600)) * DAY),
        [p('budget')]: Math.round(rand() * 5000) * 1000, [p('actualCost')]: Math.round(rand() * 4000) * 1000,
        [p('forecastCost')]: Math.round(rand() * 5500) * 1000,
        [p('latestOverall')]: RAGS[Math.floor(rand() * RAGS.length)], [p('latestSchedule')]: RAGS[Math.floor(rand() * RAGS.length)],
        [p('latestCost')]: RAGS[Math.floor(rand() * RAGS.length)], [p('latestReportDate')]: iso(now - Math.round(rand() * 60) * DAY)
      };
      ids.push(store.insertItem(actor, projectList, values).id);
    }
    for (const id of ids) {
      for (let k = 0; k < reportsEach; k++) {
        const t = now - (reportsEach - k) * 14 * DAY;
        const o = RAGS[Math.floor(rand() * RAGS.length)];
        store.insertItem(actor, reportList, {
          [r('title')]: `LRG ${id}`, [r('project')]: id, [r('reportDate')]: iso(t), [r('overall')]: o, [r('schedule')]: o, [r('cost')]: 'Green',
          [r('scope')]: 'Green', [r('risk')]: o, [r('summary')]: 'On track.', [r('published')]: true,
          // Published means approved, as the seed and the publish path write it (content approval, schema 8).
          [MODERATION_STATUS.internalName]: MODERATION_STATUS.approved
        });
      }
    }
  });
}
