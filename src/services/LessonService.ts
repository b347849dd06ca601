import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { internalName } from '../schema';
import type { LessonCategory, LessonLearned } from '../model/community';
import type { TemplateCategory, WorkPhase } from '../model/methods';
import type { NewItem } from '../model/common';
import { ValidationError } from './errors';
import { fromItem, toPayload } from './mapping';
import { lookupIdFilter, saveItem, selection, spList, type RawItem } from './listItems';
import { odataString } from './odata';
import { validateFields, type FieldErrors } from './validation';

export interface LessonFilter {
  category?: LessonCategory;
  phase?: WorkPhase;
  projectId?: number;
  /** Words that must all occur in the lesson's title, text, recommendation or tags. */
  text?: string;
}

export interface LessonPage {
  lessons: LessonLearned[];
  /** Pass as `before` for the next (older) page; absent at the end of the list. */
  before?: number;
}

export interface ILessonService {
  /** Newest first, `limit` at a time: threshold-safe at any list size. */
  browse(filter: LessonFilter, options?: { before?: number; limit?: number }): Promise<LessonPage>;
  /** Lessons logged on or after the moment (ISO), newest first: the quarterly meeting's list. */
  since(from: string): Promise<LessonLearned[]>;
  /** The newest lessons of the categories that match a method template's category. */
  forTemplateCategory(category: TemplateCategory, top?: number): Promise<LessonLearned[]>;
  save(lesson: LessonLearned | NewItem<LessonLearned>): Promise<LessonLearned>;
}

/** Which lessons are offered beside which method templates. */
export const LESSON_CATEGORIES_BY_TEMPLATE: Readonly<Record<TemplateCategory, readonly LessonCategory[]>> = {
  PID: ['Scope', 'Planning', 'Governance'],
  SteeringGroup: ['Governance', 'Communication'],
  Test: ['Quality'],
  BenefitsRealisation: ['Method', 'Governance'],
  Budget: ['Budget'],
  Planning: ['Planning', 'Schedule', 'Resources'],
  Stakeholders: ['Stakeholders', 'Communication'],
  Risk: ['Risk'],
  Closure: ['Method', 'Quality']
};

/** Rows read per request while filtering text in the browser. */
export const LESSON_SCAN_PAGE = 500;
/** Rows read at most per `browse` call before it hands back a cursor. */
export const LESSON_SCAN_LIMIT = 5000;

/** Tags as typed ("risk; supplier , risk") → unique, trimmed, without separators. */
export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    for (const part of t.split(/[;,]/)) {
      const clean = part.trim();
      if (clean && !out.some((x) => x.toLowerCase() === clean.toLowerCase())) out.push(clean);
    }
  }
  return out;
}

export function validateLesson(lesson: Partial<NewItem<LessonLearned>>): FieldErrors {
  const values: Record<string, unknown> = { ...lesson, tags: normaliseTags(lesson.tags ?? []).join(';') };
  return validateFields('lessonsLearned', values, ['title', 'project', 'phase', 'category', 'whatHappened', 'recommendation', 'tags']);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function matchesText(lesson: LessonLearned, text: string | undefined): boolean {
  const words = fold(text ?? '').split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = fold([lesson.title, lesson.whatHappened, lesson.recommendation, lesson.project?.title, lesson.tags.join(' ')].filter(Boolean).join(' '));
  return words.every((w) => hay.indexOf(w) >= 0);
}

/** `$filter` on the indexed columns only (category, phase, project), so SharePoint never scans past the threshold. */
export function lessonFilter(filter: LessonFilter): string {
  const parts: string[] = [];
  if (filter.category) parts.push(`${internalName('lessonsLearned', 'category')} eq ${odataString(filter.category)}`);
  if (filter.phase) parts.push(`${internalName('lessonsLearned', 'phase')} eq ${odataString(filter.phase)}`);
  if (filter.projectId !== undefined) parts.push(lookupIdFilter('lessonsLearned', 'project', filter.projectId));
  return parts.join(' and ');
}

export class SpLessonService implements ILessonService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  private map(raw: RawItem): LessonLearned {
    const l = fromItem<Omit<LessonLearned, 'tags'> & { tags: unknown }>('lessonsLearned', raw);
    const created = raw[internalName('lessonsLearned', 'created')];
    return { ...l, tags: typeof l.tags === 'string' ? normaliseTags([l.tags]) : [], created: typeof created === 'string' ? created : undefined };
  }

  /**
   * One page, newest first. Older pages continue with SharePoint's paging token
   * (`$skiptoken=Paged=TRUE&p_ID=…`), not an `ID lt …` filter: a range of more than 5,000
   * IDs is itself over the threshold.
   */
  private page(filter: string, top: number, before?: number): Promise<RawItem[]> {
    const { select, expand } = selection('lessonsLearned', ['author', 'created']);
    let q = spList(this.sp, this.siteUrl, 'lessonsLearned').items.select(...select).expand(...expand)
      .orderBy(internalName('lessonsLearned', 'id'), false).top(top);
    if (filter) q = q.filter(filter);
    if (before !== undefined) q = q.skip(Math.floor(before));
    return q<RawItem[]>();
  }

  public async browse(filter: LessonFilter, options: { before?: number; limit?: number } = {}): Promise<LessonPage> {
    const limit = Math.max(1, Math.min(options.limit ?? 50, LESSON_SCAN_PAGE));
    const text = (filter.text ?? '').trim();
    const lessons: LessonLearned[] = [];
    let before = options.before;
    let scanned = 0;
    // Without text the indexed filter does all the work: one request per page.
    const pageSize = text ? LESSON_SCAN_PAGE : limit;
    for (;;) {
      const rows = await this.page(lessonFilter(filter), pageSize, before);
      scanned += rows.length;
      for (const raw of rows) {
        const lesson = this.map(raw);
        before = lesson.id;
        if (!matchesText(lesson, text)) continue;
        lessons.push(lesson);
        if (lessons.length === limit) return { lessons, before: lesson.id > 1 ? lesson.id : undefined };
      }
      if (rows.length < pageSize) return { lessons };
      if (scanned >= LESSON_SCAN_LIMIT) return { lessons, before };
    }
  }

  public async since(from: string): Promise<LessonLearned[]> {
    const t = Date.parse(from);
    const out: LessonLearned[] = [];
    let before: number | undefined;
    // IDs grow with time: read newest first by ID and stop at the first older lesson,
    // instead of filtering on Created, which is not indexed.
    for (;;) {
      const rows = await this.page('', LESSON_SCAN_PAGE, before);
      for (const raw of rows) {
        const created = raw[internalName('lessonsLearned', 'created')];
        if (typeof created === 'string' && Date.parse(created) < t) return out;
        const lesson = this.map(raw);
        out.push(lesson);
        before = lesson.id;
      }
      if (rows.length < LESSON_SCAN_PAGE) return out;
    }
  }

  public async forTemplateCategory(category: TemplateCategory, top: number = 5): Promise<LessonLearned[]> {
    const categories = LESSON_CATEGORIES_BY_TEMPLATE[category] ?? [];
    if (!categories.length) return [];
    const field = internalName('lessonsLearned', 'category');
    const rows = await this.page(categories.map((c) => `${field} eq ${odataString(c)}`).join(' or '), Math.max(1, Math.min(top, 100)));
    return rows.map((r) => this.map(r));
  }

  public async save(lesson: LessonLearned | NewItem<LessonLearned>): Promise<LessonLearned> {
    const errors = validateLesson(lesson);
    if (Object.keys(errors).length) throw new ValidationError(errors);
    const id = 'id' in lesson && typeof lesson.id === 'number' ? lesson.id : undefined;
    const values: Record<string, unknown> = {
      title: lesson.title.trim(), project: lesson.project ?? null, phase: lesson.phase ?? null, category: lesson.category ?? null,
      whatHappened: lesson.whatHappened, recommendation: lesson.recommendation ?? '', tags: normaliseTags(lesson.tags).join(';')
    };
    return saveItem<'lessonsLearned', LessonLearned>({
      sp: this.sp, siteUrl: this.siteUrl, listKey: 'lessonsLearned', mine: lesson,
      id, etag: id !== undefined ? (lesson as LessonLearned).etag : undefined,
      payload: toPayload('lessonsLearned', values),
      // New lessons have the highest ID; the save reads it back by ID order alone.
      findNew: (items) => items,
      extraSelect: ['author', 'created'],
      map: (r) => this.map(r)
    });
  }
}
