import { Errors } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { is, arg, type Segment } from '../http/path';
import { renderValue, type Entity } from '../http/format';
import { listEntity } from '../http/entities';
import type { Item, List } from '../store/types';
import {
  canEditPages, checkedOutBy, checkoutPage, createPage, discardPage, ensureSitePages, findSitePages, pageItems, promoteToNews,
  publishPage, requirePage, savePage, getPageRow, type PageRow, type PublishedCopy
} from '../store/pages';
import { one, collection, post, parseJsonBody, type ApiContext, type Res, type Route } from './context';
import type { Extension } from './extension';

/**
 * `_api/sitepages/pages`: modern pages as `@pnp/sp/clientside-pages` reads and writes them
 * (create, checkoutpage, savepage / SavePageAsDraft, publish, promoteToNews, discardPage).
 */

const NEVER = '0001-01-01T00:00:00Z';

export const pagesRoute: Route = {
  step(ctx, res, seg) {
    if (res.k === 'root' && is(seg, 'sitePages')) return root(ctx);
    if (res.k === 'lists' && is(seg, 'ensureClientRenderedSitePagesLibrary')) return ensureLibraryResponse(ctx);
    return undefined;
  }
};

/** `sitepages` at the root of `_api`. */
export function root(_ctx: ApiContext): Res {
  const ext: Extension = {
    describe: 'sitepages',
    step: (ctx, seg) => {
      if (is(seg, 'pages')) return seg.hasParens ? pageRes(ctx, Number(arg(seg))) : pagesRes();
      throw Errors.notImplemented(`'${seg.name}' on sitepages`);
    },
    finish: () => { throw Errors.notImplemented('the sitepages service document'); }
  };
  return { k: 'ext', ext };
}

/** `lists/EnsureClientRenderedSitePagesLibrary`, which PnPjs calls before reading a page's item. */
export function ensureLibraryResponse(ctx: ApiContext): LocalResponse {
  post(ctx);
  const list = ensureSitePages(ctx.store, ctx.actor);
  return one(ctx, listEntity(ctx.urls, ctx.store, ctx.actor, list), 'SP.List');
}

function pagesRes(): Res {
  const ext: Extension = {
    describe: 'sitepages/pages',
    step: (ctx, seg) => {
      if (is(seg, 'getById')) return pageRes(ctx, Number(arg(seg)));
      throw Errors.notImplemented(`'${seg.name}' on sitepages/pages`);
    },
    finish: (ctx) => {
      if (ctx.method === 'GET') {
        const list = findSitePages(ctx.store, ctx.actor);
        if (!list) return collection(ctx, [], 'SP.Publishing.SitePage');
        ctx.store.demandListRead(ctx.actor, list);
        const visible = pageItems(ctx.store, list).filter((i) => ctx.store.canReadItem(ctx.actor, list, i));
        return collection(ctx, visible.map((i) => pageEntity(ctx, list, i, getPageRow(ctx.store, list, i.id))), 'SP.Publishing.SitePage');
      }
      if (ctx.method === 'POST') {
        const { list, item } = createPage(ctx.store, ctx.actor, parseJsonBody(ctx.req));
        return one(ctx, pageEntity(ctx, list, item, getPageRow(ctx.store, list, item.id)), 'SP.Publishing.SitePage', 201);
      }
      throw Errors.badRequest(`The HTTP method '${ctx.method}' is not supported on sitepages/pages.`);
    }
  };
  return { k: 'ext', ext };
}

function pageRes(ctx: ApiContext, id: number): Res {
  const { list, item, row } = requirePage(ctx.store, ctx.actor, id);
  const ext: Extension = {
    describe: `sitepages/pages(${id})`,
    step: (c, seg) => pageAction(c, list, item, row, seg),
    finish: (c) => {
      if (c.method === 'GET') return one(c, pageEntity(c, list, item, row), 'SP.Publishing.SitePage');
      throw Errors.badRequest(`The HTTP method '${c.method}' is not supported on a site page; use savepage.`);
    }
  };
  return { k: 'ext', ext };
}

function pageAction(ctx: ApiContext, list: List, item: Item, row: PageRow, seg: Segment): LocalResponse {
  const { store, actor } = ctx;
  const reload = (): Entity => pageEntity(ctx, list, store.getItem(list, item.id) as Item, getPageRow(store, list, item.id));
  if (is(seg, 'checkoutPage')) {
    post(ctx);
    checkoutPage(store, actor, list, item);
    return one(ctx, reload(), 'SP.Publishing.SitePage');
  }
  if (is(seg, 'savePage', 'savePageAsDraft')) {
    post(ctx);
    const body = parseJsonBody(ctx.req);
    // SavePageAsDraft takes `{sitePage: {...}}`; savepage the properties themselves.
    const props = typeof body.sitePage === 'object' && body.sitePage !== null ? body.sitePage as Record<string, unknown> : body;
    savePage(store, actor, list, item, row, props, { checkIn: is(seg, 'savePageAsDraft') });
    return renderValue(seg.name, true, ctx.mode, ctx.urls.webUrl, 'Edm.Boolean');
  }
  if (is(seg, 'publish')) {
    post(ctx);
    publishPage(store, actor, list, item, row);
    return renderValue('Publish', true, ctx.mode, ctx.urls.webUrl, 'Edm.Boolean');
  }
  if (is(seg, 'promoteToNews')) {
    post(ctx);
    return renderValue('PromoteToNews', promoteToNews(store, actor, list, item, row), ctx.mode, ctx.urls.webUrl, 'Edm.Boolean');
  }
  if (is(seg, 'discardPage')) {
    post(ctx);
    discardPage(store, actor, list, item, row);
    return one(ctx, reload(), 'SP.Publishing.SitePage');
  }
  if (is(seg, 'demoteFromNews', 'schedulePublish', 'savePageAsTemplate', 'copy', 'checkIn')) throw Errors.notImplemented(`sitepages/pages(id)/${seg.name}`);
  throw Errors.notImplemented(`'${seg.name}' on a site page`);
}

/**
 * The `SP.Publishing.SitePage` shape PnPjs parses. Those who may edit Site Pages see the
 * current draft; everyone else the last published copy.
 */
function pageEntity(ctx: ApiContext, list: List, item: Item, row: PageRow | undefined): Entity {
  const { store, actor, urls } = ctx;
  const editor = canEditPages(store, actor, list, item);
  const published: PublishedCopy | undefined = row?.published;
  const draft = editor || !published;
  const values = draft ? item.data : published.values;
  const leaf = draft ? item.leaf : published.leaf;
  const uiVersion = draft ? item.uiVersion : published.uiVersion;
  const banner = values.BannerImageUrl as { Url: string } | null | undefined;
  const byline = draft ? row?.authorByline ?? [] : published.authorByline;
  const lastPublisher = row?.publishedBy !== undefined ? store.getPrincipal(actor.web, row.publishedBy) : undefined;
  const url = `${list.url.slice(actor.web.path.length + 1)}/${leaf}`;
  const promoted = Number(values.PromotedState ?? 0);
  return {
    type: 'SP.Publishing.SitePage', uri: `${urls.api}/SitePages/Pages(${item.id})`, editLink: `SitePages/Pages(${item.id})`,
    props: {
      AbsoluteUrl: `${urls.webUrl}/${url}`, AuthorByline: byline, BannerImageUrl: banner?.Url ?? null,
      BannerThumbnailUrl: row?.bannerThumbnailUrl ?? banner?.Url ?? null, CallToAction: '', Categories: null,
      ContentTypeId: '0x0101009D1CB255DA76424F860D91F20E6C4118', Description: values.Description ?? null,
      DoesUserHaveEditPermission: editor, FileName: leaf,
      FirstPublished: typeof values.FirstPublishedDate === 'string' ? values.FirstPublishedDate : NEVER,
      Id: item.id, IsPageCheckedOutToCurrentUser: checkedOutBy(item) === actor.user.id, IsWebWelcomePage: false,
      Modified: draft ? item.modified : published.modified, PageLayoutType: values.PageLayoutType ?? 'Article',
      Path: { DecodedUrl: url }, PromotedState: promoted, Title: values.Title ?? null, TopicHeader: values._TopicHeader ?? null,
      UniqueId: item.guid, Url: url, Version: `${Math.floor(uiVersion / 512)}.${uiVersion % 512}`,
      VersionInfo: {
        LastVersionCreated: row?.publishedAt ?? NEVER,
        LastVersionCreatedBy: lastPublisher ? lastPublisher.login : ''
      },
      AlternativeUrlMap: '', CanvasContent1: values.CanvasContent1 ?? null, LayoutWebpartsContent: values.LayoutWebpartsContent ?? null
    }
  };
}
