import type { LibraryTemplate, TemplateCategory, TemplateLanguage, TemplateStandard, WorkPhase } from '../model/methods';

/**
 * The pure side of the method templates library: upload checks, filtering, language variants,
 * download counts and the revision board. No SharePoint here, so all of it is unit-tested.
 */

/**
 * What the library accepts: Office documents, their templates, PDF and a few plain formats.
 * SharePoint Online refuses very few types itself and the local SharePoint none, so the service
 * refuses everything else (.exe, .aspx, .js, .html…) before a byte is sent.
 */
export const ALLOWED_TEMPLATE_EXTENSIONS: readonly string[] = [
  'docx', 'dotx', 'docm', 'doc', 'xlsx', 'xltx', 'xlsm', 'xls', 'pptx', 'potx', 'pptm', 'ppt',
  'vsdx', 'mpp', 'pdf', 'odt', 'ods', 'odp', 'txt', 'csv', 'md', 'one'
];

/** A template may be at most this big (a method template is not a video); configurable per service. */
export const DEFAULT_MAX_TEMPLATE_BYTES: number = 100 * 1024 * 1024;

/** Chunks of 10 MB (@pnp's default): each request well under SharePoint's single-request limit. */
export const UPLOAD_CHUNK_BYTES: number = 10 * 1024 * 1024;

export type FileNameProblem = 'empty' | 'invalidCharacters' | 'tooLong' | 'blockedType' | 'tooLarge' | 'emptyFile';

/** SharePoint Online's forbidden characters and names in file names. */
const INVALID_NAME = /["*:<>?/\\|]/;

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/**
 * Why a file cannot be uploaded, or undefined when it can. `#` and `%` are allowed (SharePoint
 * Online supports them through the ResourcePath APIs, which @pnp uses).
 */
export function uploadProblem(fileName: string, size: number, maxBytes: number = DEFAULT_MAX_TEMPLATE_BYTES): FileNameProblem | undefined {
  const name = fileName ?? '';
  if (!name.trim()) return 'empty';
  if (name.trim() !== name || name.endsWith('.') || INVALID_NAME.test(name) || [...name].some((c) => c.charCodeAt(0) < 0x20) || /^~\$|_vti_/i.test(name)) {
    return 'invalidCharacters';
  }
  if (name.length > 128) return 'tooLong';
  if (ALLOWED_TEMPLATE_EXTENSIONS.indexOf(extensionOf(name)) < 0) return 'blockedType';
  if (size <= 0) return 'emptyFile';
  if (size > maxBytes) return 'tooLarge';
  return undefined;
}

export interface TemplateFilter {
  phase?: WorkPhase | '';
  category?: TemplateCategory | '';
  standard?: TemplateStandard | '';
  language?: TemplateLanguage | '';
  /** Words that must all occur in the title, file name or description (case- and accent-insensitive). */
  text?: string;
}

/** Lower case without diacritics, so "atgard" finds "åtgärd". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function matchesFilter(t: LibraryTemplate, f: TemplateFilter): boolean {
  if (f.phase && t.phase !== f.phase) return false;
  if (f.category && t.category !== f.category) return false;
  if (f.standard && t.standard !== f.standard) return false;
  if (f.language && t.language !== f.language) return false;
  const words = fold(f.text ?? '').split(/\s+/).filter(Boolean);
  if (words.length) {
    const haystack = fold(`${t.title ?? ''} ${t.fileName} ${t.description ?? ''}`);
    if (!words.every((w) => haystack.indexOf(w) >= 0)) return false;
  }
  return true;
}

/** The hub's language of a UI locale (`sv-SE`, `sv`, `sv-FI` → `sv-SE`), or undefined. */
export function templateLanguageOf(locale: string | undefined): TemplateLanguage | undefined {
  const lang = (locale ?? '').slice(0, 2).toLowerCase();
  const map: Record<string, TemplateLanguage> = { en: 'en-US', sv: 'sv-SE', da: 'da-DK', nl: 'nl-NL' };
  return map[lang];
}

/** One template in all its languages: `primary` is the variant to show the user. */
export interface TemplateGroup {
  key: string;
  primary: LibraryTemplate;
  /** Every variant, the user's language first, then English, then the rest by language. */
  variants: LibraryTemplate[];
}

const LANGUAGE_ORDER: readonly string[] = ['en-US', 'sv-SE', 'da-DK', 'nl-NL'];

/** The user's language first, English next (the PMO's common language), then the others. */
export function orderByLanguage(variants: LibraryTemplate[], userLanguage: TemplateLanguage | undefined): LibraryTemplate[] {
  const rank = (t: LibraryTemplate): number => {
    if (userLanguage && t.language === userLanguage) return -2;
    if (t.language === 'en-US') return -1;
    const i = LANGUAGE_ORDER.indexOf(t.language ?? '');
    return i < 0 ? LANGUAGE_ORDER.length : i;
  };
  return variants.slice().sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}

/**
 * Groups language variants by their template key (a template without a key stands alone) and
 * puts the user's language first. Groups keep the order of their first member in `templates`.
 */
export function groupVariants(templates: LibraryTemplate[], userLanguage: TemplateLanguage | undefined): TemplateGroup[] {
  const byKey = new Map<string, LibraryTemplate[]>();
  const order: string[] = [];
  for (const t of templates) {
    const key = t.templateKey?.trim() ? `k:${t.templateKey.trim().toLowerCase()}` : `id:${t.id}`;
    if (!byKey.has(key)) { byKey.set(key, []); order.push(key); }
    (byKey.get(key) as LibraryTemplate[]).push(t);
  }
  return order.map((key) => {
    const variants = orderByLanguage(byKey.get(key) as LibraryTemplate[], userLanguage);
    return { key, primary: variants[0], variants };
  });
}

/**
 * Filters, then groups: with a language filter only that language's variants remain; without
 * one, a template matches when any of its variants does.
 */
export function browse(templates: LibraryTemplate[], filter: TemplateFilter, userLanguage: TemplateLanguage | undefined): TemplateGroup[] {
  const groups = groupVariants(templates, userLanguage);
  const out: TemplateGroup[] = [];
  for (const g of groups) {
    const matching = g.variants.filter((v) => matchesFilter(v, filter));
    if (!matching.length) continue;
    out.push(filter.language ? { key: g.key, primary: matching[0], variants: matching } : g);
  }
  return out;
}

/** Downloads per template id, from log rows (template id and time). */
export function countDownloads(rows: ReadonlyArray<{ templateId: number | undefined; downloadedAt: string | undefined }>,
  from?: string, to?: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const r of rows) {
    if (typeof r.templateId !== 'number' || !r.downloadedAt) continue;
    if (from && r.downloadedAt < from) continue;
    if (to && r.downloadedAt >= to) continue;
    counts.set(r.templateId, (counts.get(r.templateId) ?? 0) + 1);
  }
  return counts;
}

/** Downloads of a whole template (all its language variants). */
export function groupCount(group: TemplateGroup, counts: Map<number, number>): number {
  return group.variants.reduce((sum, v) => sum + (counts.get(v.id) ?? 0), 0);
}

/** The most downloaded templates, most first (ties by title), at most `n`; never ones with no downloads. */
export function mostUsed(groups: TemplateGroup[], counts: Map<number, number>, n: number): Array<{ group: TemplateGroup; count: number }> {
  return groups.map((group) => ({ group, count: groupCount(group, counts) }))
    .filter((x) => x.count > 0)
    .sort((a, b) => b.count - a.count || (a.group.primary.title ?? '').localeCompare(b.group.primary.title ?? ''))
    .slice(0, n);
}

export type DownloadPeriod = '30d' | '90d' | '365d' | 'all';

/** The start of a period ending now, as an ISO date-time; undefined for all time. */
export function periodStart(period: DownloadPeriod, now: Date = new Date()): string | undefined {
  const days = period === '30d' ? 30 : period === '90d' ? 90 : period === '365d' ? 365 : 0;
  return days ? new Date(now.getTime() - days * 86_400_000).toISOString() : undefined;
}

export type RevisionState = 'overdue' | 'due';

/**
 * The annual revision cycle: templates (not retired) whose next revision is past (overdue) or
 * within `withinDays` (due), most urgent first. Dates are ISO dates, compared as text.
 */
export function revisionBoard(templates: LibraryTemplate[], today: string, withinDays: number = 30): Array<{ template: LibraryTemplate; state: RevisionState }> {
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + withinDays * 86_400_000).toISOString().slice(0, 10);
  return templates
    .filter((t) => t.status !== 'Retired' && !!t.nextRevision && (t.nextRevision as string) <= horizon)
    .map((t) => ({ template: t, state: ((t.nextRevision as string) < today ? 'overdue' : 'due') as RevisionState }))
    .sort((a, b) => (a.template.nextRevision as string).localeCompare(b.template.nextRevision as string) || a.template.id - b.template.id);
}

/**
 * May a curator approve the template now? A draft or retired one, yes; an approved one only while
 * its annual revision is due or overdue: approving then closes the revision (revised today, next
 * revision in a year), typically after a new version was uploaded with its change note.
 */
export function canApprove(t: LibraryTemplate, today: string, withinDays: number = 30): boolean {
  if (t.status !== 'Approved') return true;
  return revisionBoard([t], today, withinDays).length > 0;
}

/** The next revision a year after a revision date (29 February → 28 February). */
export function nextRevisionAfter(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const next = new Date(Date.UTC(y + 1, m - 1, d));
  if (next.getUTCMonth() !== m - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

/** Fluent UI (MDL2 font) icon of a file type: the font ships with the hub, no icon CDN needed. */
export function fileIconName(fileName: string): string {
  switch (extensionOf(fileName)) {
    case 'docx': case 'dotx': case 'docm': case 'doc': case 'odt': return 'WordDocument';
    case 'xlsx': case 'xltx': case 'xlsm': case 'xls': case 'ods': case 'csv': return 'ExcelDocument';
    case 'pptx': case 'potx': case 'pptm': case 'ppt': case 'odp': return 'PowerPointDocument';
    case 'vsdx': return 'VisioDocument';
    case 'mpp': return 'ProjectDocument';
    case 'pdf': return 'PDF';
    case 'one': return 'OneNoteLogo';
    default: return 'Page';
  }
}

/** XML text nodes to plain text: entities decoded, never markup (shown as text only). */
function xmlText(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * The first page of a document as lines of text, from the parts of its Office Open XML package:
 * a Word document's paragraphs up to the first page break, the first slide's paragraphs, or the
 * first worksheet's shared strings. At most `maxLines`.
 */
export function firstPageText(ext: string, part: (name: string) => string | undefined, maxLines: number = 30): string[] {
  const lines: string[] = [];
  const paragraphs = (xml: string, p: RegExp, t: RegExp, stop?: RegExp): void => {
    for (const m of xml.match(p) ?? []) {
      if (stop && stop.test(m)) break;
      const text = (m.match(t) ?? []).map((x) => xmlText(x.replace(/<[^>]+>/g, ''))).join('').trim();
      if (text) lines.push(text);
      if (lines.length >= maxLines) break;
    }
  };
  if (ext === 'docx' || ext === 'dotx' || ext === 'docm') {
    const doc = part('word/document.xml');
    if (doc) paragraphs(doc, /<w:p[ >][\s\S]*?<\/w:p>/g, /<w:t[^>]*>[^<]*<\/w:t>/g, /<w:br [^>]*w:type="page"|<w:pageBreakBefore/);
  } else if (ext === 'pptx' || ext === 'potx' || ext === 'pptm') {
    const slide = part('ppt/slides/slide1.xml');
    if (slide) paragraphs(slide, /<a:p>[\s\S]*?<\/a:p>/g, /<a:t>[^<]*<\/a:t>/g);
  } else if (ext === 'xlsx' || ext === 'xltx' || ext === 'xlsm') {
    const strings = part('xl/sharedStrings.xml');
    if (strings) paragraphs(strings, /<si>[\s\S]*?<\/si>/g, /<t[^>]*>[^<]*<\/t>/g);
  }
  return lines;
}
