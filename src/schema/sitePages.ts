import type { ChoiceFieldSchema } from './types';
import { FRONT_DOOR_LANGUAGES } from './frontDoor';

/**
 * SharePoint's own Site Pages library, which PMO Hub reads but never provisions: its news posts
 * (pages promoted to news) are the PMO's news. Internal names as SharePoint Online names them
 * (Microsoft Learn, "Site Pages" library columns; PnPjs clientside-pages).
 */
export const SITE_PAGES = {
  title: 'Site Pages',
  url: 'SitePages',
  fields: {
    title: 'Title',
    description: 'Description',
    bannerImageUrl: 'BannerImageUrl',
    promotedState: 'PromotedState',
    firstPublishedDate: 'FirstPublishedDate',
    fileRef: 'FileRef',
    author: 'Author'
  }
} as const;

/** PromotedState: 0 a page, 1 to become news on its first publish, 2 published news. */
export const NEWS_PROMOTED_STATE = 2;

/**
 * SharePoint's own Site Pages columns that the news read filters by (PromotedState) and sorts by
 * (FirstPublishedDate): provisioning indexes them (schema 12), because past 5,000 pages SharePoint
 * Online refuses a filter or a sort on a column without an index (the list view threshold). The
 * filter on PromotedState then narrows to the news posts, so the read holds while a site has at
 * most 5,000 of them. Indexing an existing SharePoint column changes nothing else about it.
 */
export const SITE_PAGES_INDEXED = {
  since: 12,
  fields: [SITE_PAGES.fields.promotedState, SITE_PAGES.fields.firstPublishedDate] as readonly string[]
};

/**
 * The language a news post is written in: PMO Hub's own column on Site Pages, added by
 * provisioning when missing (a normal list column, nothing else of the library is changed), and
 * set by whoever writes the post. Not SharePoint's `_SPTranslationLanguage`: that column belongs
 * to the multilingual pages feature, which sets it only on translation copies linked to a source
 * page (a standalone page must leave it empty), and it exists only where that feature is on.
 * Indexed, so the news web part's filter on it stays within the list view threshold.
 */
export const NEWS_LANGUAGE_FIELD: ChoiceFieldSchema = {
  key: 'newsLanguage', internalName: 'PMONewsLanguage', displayName: 'News language', type: 'Choice',
  id: '6b2f9d41-3c7e-4a85-9e10-d4a7c2b8f35e', since: 6, indexed: true,
  choices: FRONT_DOOR_LANGUAGES
};
