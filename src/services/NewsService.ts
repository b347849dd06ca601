import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { NEWS_PROMOTED_STATE, SITE_PAGES } from '../schema';
import type { NewsPost } from '../model/frontDoor';
import { sitePath } from './ProjectService';

export interface INewsService {
  /** The latest published news posts, newest first. */
  latest(count: number): Promise<NewsPost[]>;
}

export class SpNewsService implements INewsService {
  public constructor(private readonly sp: SPFI, private readonly siteUrl: string) {}

  public async latest(count: number): Promise<NewsPost[]> {
    const f = SITE_PAGES.fields;
    const rows = await this.sp.web.getList(`${sitePath(this.siteUrl)}/${SITE_PAGES.url}`).items
      .select('Id', f.title, f.description, f.bannerImageUrl, f.firstPublishedDate, f.fileRef)
      .filter(`${f.promotedState} eq ${NEWS_PROMOTED_STATE}`)
      .orderBy(f.firstPublishedDate, false).top(count)<Array<Record<string, unknown>>>();
    return rows.map((r) => {
      const banner = r[f.bannerImageUrl] as { Url?: string } | string | null | undefined;
      return {
        id: r.Id as number,
        title: String(r[f.title] ?? ''),
        description: typeof r[f.description] === 'string' && r[f.description] ? String(r[f.description]) : undefined,
        url: String(r[f.fileRef] ?? ''),
        firstPublished: typeof r[f.firstPublishedDate] === 'string' ? String(r[f.firstPublishedDate]) : undefined,
        bannerImageUrl: typeof banner === 'string' ? banner || undefined : banner?.Url || undefined
      };
    });
  }
}
