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
