import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { NEWS_LANGUAGE_FIELD, NEWS_PROMOTED_STATE, SITE_PAGES } from '../schema';
import type { ContentLanguage, NewsPost } from '../model/frontDoor';
import { sitePath } from './ProjectService';
import { contentLanguage, contentLanguageOfLcid } from './FrontDoorService';
import { odataString, settle, type Settled } from './odata';
import { SpSiteTimeZoneService, type ISiteTimeZoneService, type SiteTimeZone } from './siteTimeZone';

export interface INewsService extends ISiteTimeZoneService {
  /**
   * The latest published news posts, newest first, in the reader's language (`locale`); when none
   * is in it, in the site's language; when none is in that either, all posts whatever their language.
   */
  latest(count: number, locale?: string): Promise<NewsPost[]>;
}

type Row = Record<string, unknown>;

function toPost(r: Row): NewsPost {
  const f = SITE_PAGES.fields;
  const banner = r[f.bannerImageUrl] as { Url?: string } | string | null | undefined;
  const language = r[NEWS_LANGUAGE_FIELD.internalName];
  return {
    id: r.Id as number,
    title: String(r[f.title] ?? ''),
    description: typeof r[f.description] === 'string' && r[f.description] ? String(r[f.description]) : undefined,
    url: String(r[f.fileRef] ?? ''),
    firstPublished: typeof r[f.firstPublishedDate] === 'string' ? String(r[f.firstPublishedDate]) : undefined,
    bannerImageUrl: typeof banner === 'string' ? banner || undefined : banner?.Url || undefined,
    ...(typeof language === 'string' && language ? { language: language as ContentLanguage } : {})
  };
}

export class SpNewsService implements INewsService {
  private readonly zone: SpSiteTimeZoneService;

  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {
    this.zone = new SpSiteTimeZoneService(sp);
  }

  public timeZone(): Promise<SiteTimeZone> {
    return this.zone.timeZone();
  }

  public async latest(count: number, locale?: string): Promise<NewsPost[]> {
    const f = SITE_PAGES.fields;
    const lang = NEWS_LANGUAGE_FIELD.internalName;
    const [batched, execute] = this.sp.batched();
    const pages = batched.web.getList(`${sitePath(this.siteUrl)}/${SITE_PAGES.url}`);
    // Every column filtered or sorted on is indexed (NEWS_LANGUAGE_FIELD, SITE_PAGES_INDEXED): past
    // 5,000 pages SharePoint refuses anything else. The language comes first, the narrower index.
    const query = (language: string): Promise<Row[]> => pages.items
      .select('Id', f.title, f.description, f.bannerImageUrl, f.firstPublishedDate, f.fileRef, lang)
      .filter(`${lang} eq ${odataString(language)} and ${f.promotedState} eq ${NEWS_PROMOTED_STATE}`)
      .orderBy(f.firstPublishedDate, false).top(count)<Row[]>();
    const web = settle(batched.web.select('Language')<{ Language: number }>());
    const reader = locale ? contentLanguage(locale) : undefined;
    // Every language PMO Hub writes in, read at once: the choice among them needs the site's language, which comes in the same batch.
    const byLanguage = new Map<ContentLanguage, Promise<Settled<Row[]>>>();
    for (const l of NEWS_LANGUAGE_FIELD.choices as readonly ContentLanguage[]) byLanguage.set(l, settle(query(l)));
    const all = settle(pages.items
      .select('Id', f.title, f.description, f.bannerImageUrl, f.firstPublishedDate, f.fileRef)
      .filter(`${f.promotedState} eq ${NEWS_PROMOTED_STATE}`)
      .orderBy(f.firstPublishedDate, false).top(count)<Row[]>());
    await execute();
    const site = await web;
    const siteLanguage = site.ok ? contentLanguageOfLcid(site.value.Language) : undefined;
    for (const l of [reader, siteLanguage]) {
      if (!l) continue;
      const r = await byLanguage.get(l);
      // A site provisioned before the column existed answers the filter with an error: all posts, then.
      if (r?.ok && r.value.length) return r.value.map(toPost);
    }
    const everything = await all;
    if (!everything.ok) throw everything.error;
    return everything.value.map(toPost);
  }
}
