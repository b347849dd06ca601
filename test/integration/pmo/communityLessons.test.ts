/**
 * Contract: SpLessonService against the local SharePoint with MORE than 5,000 lessons (the list
 * view threshold is on): filters on indexed columns, text search with a cursor, lessons
 * since the last quarterly meeting, lessons beside a template category, validation and
 * inert HTML.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import { startSite, type Site } from './setup';
import { provision } from '../../../src/provisioning/apply';
import { LESSON_CATEGORIES, getList, type ListSchema } from '../../../src/schema';
import { listUrl } from '../../../src/services/ProjectService';
import { SpLessonService, LESSON_SCAN_LIMIT } from '../../../src/services/LessonService';
import { ValidationError } from '../../../src/services/errors';
import { toPayload } from '../../../src/services/mapping';
import { spList } from '../../../src/services/listItems';

jest.setTimeout(240_000);

const TOTAL = 5200;
let site: Site;
let leaderSp: SPFI;

beforeAll(async () => {
  site = await startSite();
  await provision(site.sp);
  const phases = ['Initiation', 'Planning', 'Execution', 'Closing'];
  for (let i = 0; i < TOTAL; i += 1000) {
    const [batched, execute] = site.sp.batched({ maxRequests: 100 } as never);
    const list = spList(batched, site.url, 'lessonsLearned');
    const adds: Array<Promise<unknown>> = [];
    for (let n = i; n < Math.min(TOTAL, i + 1000); n++) {
      adds.push(list.items.add(toPayload('lessonsLearned', {
        title: n === 4321 ? 'Needle: the vendor workshop saved the go-live' : `Lesson ${n}`,
        category: LESSON_CATEGORIES[n % LESSON_CATEGORIES.length], phase: phases[n % phases.length],
        whatHappened: n === 17 ? 'The haystack also has a needle, far back.' : `Something happened in project ${n}.`,
        recommendation: 'Do it better.', tags: n % 2 ? 'odd;bulk' : 'even;bulk'
      })));
    }
    await execute();
    await Promise.all(adds);
  }
  leaderSp = await site.as('leader');
});
afterAll(async () => { await site.server.close(); });

const lessons = (sp: SPFI = leaderSp): SpLessonService => new SpLessonService(sp, site.url);

test('the list is past the threshold: an unindexed query is refused, the service is not', async () => {
  const url = `${site.url}/_api/web/GetList('${encodeURIComponent(listUrl(site.url, getList('lessonsLearned') as ListSchema))}')/items?$filter=${encodeURIComponent("substringof('Needle',Title)")}&$top=10`;
  const raw = await fetch(url, { headers: { accept: 'application/json' } });
  expect(raw.status).toBe(500);
  expect(await raw.text()).toMatch(/SPQueryThrottledException/);
  const first = await lessons().browse({}, { limit: 20 });
  expect(first.lessons).toHaveLength(20);
  expect(first.lessons[0].title).toBe(`Lesson ${TOTAL - 1}`);
  expect(first.before).toBe(first.lessons[19].id);
  const second = await lessons().browse({}, { limit: 20, before: first.before });
  expect(second.lessons[0].id).toBe(first.lessons[19].id - 1);
});

test('filters on indexed category and phase, newest first, paged by a cursor', async () => {
  const risk = await lessons().browse({ category: 'Risk', phase: 'Execution' }, { limit: 50 });
  expect(risk.lessons).toHaveLength(50);
  expect(risk.lessons.every((l) => l.category === 'Risk' && l.phase === 'Execution')).toBe(true);
  expect(risk.lessons.map((l) => l.id)).toEqual([...risk.lessons.map((l) => l.id)].sort((a, b) => b - a));
  expect(risk.lessons[0].tags).toEqual([expect.stringMatching(/odd|even/), 'bulk']);
  let all = risk.lessons.length;
  let before = risk.before;
  while (before !== undefined) {
    const next = await lessons().browse({ category: 'Risk', phase: 'Execution' }, { limit: 50, before });
    all += next.lessons.length;
    before = next.before;
  }
  const expected = Array.from({ length: TOTAL }, (_, n) => n).filter((n) => LESSON_CATEGORIES[n % LESSON_CATEGORIES.length] === 'Risk' && n % 4 === 2).length;
  expect(all).toBe(expected);
});

test('text search scans by ID pages and hands back a cursor instead of hitting the threshold', async () => {
  const near = await lessons().browse({ text: 'needle vendor' });
  expect(near.lessons.map((l) => l.title)).toEqual(['Needle: the vendor workshop saved the go-live']);
  // "needle" also matches lesson 17, which lies more than LESSON_SCAN_LIMIT rows back: a cursor, then the rest.
  const first = await lessons().browse({ text: 'NEEDLE' });
  expect(first.lessons.map((l) => l.title)).toEqual(['Needle: the vendor workshop saved the go-live']);
  expect(TOTAL - 4321 + 4321 - 17).toBeGreaterThan(LESSON_SCAN_LIMIT);
  expect(first.before).toBeDefined();
  const rest = await lessons().browse({ text: 'NEEDLE' }, { before: first.before });
  expect(rest.lessons.map((l) => l.title)).toEqual(['Lesson 17']);
  expect(rest.before).toBeUndefined();
});

test('lessons beside a method template category; lessons logged since the last quarterly meeting', async () => {
  const steering = await lessons().forTemplateCategory('SteeringGroup', 5);
  expect(steering).toHaveLength(5);
  expect(steering.every((l) => l.category === 'Governance' || l.category === 'Communication')).toBe(true);
  const since = new Date(Date.now() + 1000).toISOString();
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const a = await lessons().save({ title: 'Fresh one', whatHappened: 'New.', tags: [] });
  const b = await lessons().save({ title: 'Fresh two', whatHappened: 'New too.', tags: ['x'] });
  expect((await lessons().since(since)).map((l) => l.id)).toEqual([b.id, a.id]);
});

test('logging: required fields, tags, inert HTML, and only the author (or PMO) may change a lesson', async () => {
  const refused = await lessons().save({ title: '', whatHappened: ' ', tags: [] }).catch((e: unknown) => e) as ValidationError;
  expect(refused).toBeInstanceOf(ValidationError);
  expect(refused.fields).toEqual({ title: 'required', whatHappened: 'required' });
  const long = await lessons().save({ title: 'Tags', whatHappened: 'x', tags: ['a'.repeat(300)] }).catch((e: unknown) => e) as ValidationError;
  expect(long.fields).toEqual({ tags: 'tooLong' });
  const html = '<img src=x onerror="alert(1)"> & \' %23 #';
  const saved = await lessons().save({ title: html, whatHappened: html, recommendation: html, category: 'Method', phase: 'Closing', tags: ['risk; supplier', ' Risk ', 'go-live'] });
  expect(saved).toMatchObject({ title: html, whatHappened: html, recommendation: html, tags: ['risk', 'supplier', 'go-live'], author: { email: 'sanne.devries@contoso.com' } });
  const found = await lessons().browse({ category: 'Method', text: 'onerror' });
  expect(found.lessons.map((l) => l.id)).toEqual([saved.id]);
  const visitor = await site.as('visitor');
  await expect(lessons(visitor).save({ ...saved, title: 'Changed by someone else' })).rejects.toMatchObject({ status: 403 });
  const edited = await lessons().save({ ...saved, recommendation: 'Plain again' });
  expect(edited.recommendation).toBe('Plain again');
});
