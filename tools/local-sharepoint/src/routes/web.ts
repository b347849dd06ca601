import { Errors } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { arg, is, type Segment } from '../http/path';
import { noContent, type Entity } from '../http/format';
import { webEntity, type Urls } from '../http/entities';
import { PermissionKind } from '../model/permissions';
import { collection, one, onWeb, parseJsonBody, type ApiContext, type Res, type Route } from './context';
import { requireList } from './lookups';
import { TIME_ZONES, UTC_ZONE_ID, timeZoneById, type SpTimeZone } from '../model/timeZones';

declare module './context' {
  interface ResKinds {
    /** The site collection; every local site is its own, so its root web is the web. */
    site: object;
  }
}

/** `_api/web`, `_api/site`, the web's sub-webs, default library and recycle bin. */
export const webRoute: Route = {
  step(ctx: ApiContext, res: Res, seg: Segment): Res | LocalResponse | undefined {
    if (res.k === 'root') {
      if (is(seg, 'web')) return { k: 'web' };
      if (is(seg, 'site')) return { k: 'site' };
    }
    if (res.k === 'site' && is(seg, 'rootWeb')) return { k: 'web' };
    if (onWeb(res)) {
      if (is(seg, 'recycleBin')) return { k: 'recyclebin' };
      if (is(seg, 'defaultDocumentLibrary')) {
        const list = ctx.store.getList(ctx.actor.web, { url: `${ctx.actor.web.path}/Shared Documents` });
        if (!list) throw Errors.listNotFound('Documents', ctx.urls.webUrl);
        return { k: 'list', list: requireList(ctx, { id: list.id }) };
      }
      if (is(seg, 'webs')) return { k: 'entity', entity: { type: 'SP.WebCollection', uri: `${ctx.urls.api}/Web/Webs`, props: {} }, set: 'SP.Webs' };
      if (is(seg, 'regionalSettings')) return { k: 'entity', entity: regionalSettingsEntity(ctx.urls), set: 'SP.RegionalSettings' };
    }
    if (res.k === 'entity' && res.entity.type === 'SP.RegionalSettings' && is(seg, 'timeZone')) {
      return { k: 'entity', entity: timeZoneEntity(ctx.urls, requireZone(UTC_ZONE_ID), `${ctx.urls.api}/Web/RegionalSettings/TimeZone`), set: 'SP.TimeZone' };
    }
    if (res.k === 'entity' && res.entity.type === 'SP.RegionalSettings' && is(seg, 'timeZones')) {
      return { k: 'entity', entity: { type: 'SP.TimeZoneCollection', uri: `${ctx.urls.api}/Web/RegionalSettings/TimeZones`, props: {} }, set: 'SP.TimeZones' };
    }
    // PnPjs POSTs GetById (SP.TimeZoneCollection.getById); a GET of the same is answered too.
    if (res.k === 'entity' && res.entity.type === 'SP.TimeZoneCollection' && is(seg, 'GetById')) {
      if (ctx.method !== 'GET' && ctx.method !== 'POST') return undefined;
      return one(ctx, timeZoneEntity(ctx.urls, requireZone(Number(arg(seg)))), 'SP.TimeZone');
    }
    return undefined;
  },

  finish(ctx: ApiContext, res: Res): LocalResponse | undefined {
    const { store, actor, urls } = ctx;
    if (res.k === 'entity' && res.entity.type === 'SP.TimeZoneCollection' && ctx.method === 'GET') {
      return collection(ctx, TIME_ZONES.map((z) => timeZoneEntity(urls, z)), 'SP.TimeZone');
    }
    if (res.k === 'root') throw Errors.notImplemented('the _api root (service document)');
    if (res.k === 'site' && ctx.method === 'GET') return one(ctx, siteEntity(urls, webEntity(urls, store, actor)), 'SP.Site');
    if (res.k === 'web') {
      if (ctx.method === 'GET') return one(ctx, webEntity(urls, store, actor), 'SP.Web');
      if (ctx.method === 'MERGE' || ctx.method === 'PATCH') {
        store.demand(actor, PermissionKind.ManageWeb);
        store.updateWeb(actor.web, parseJsonBody(ctx.req));
        return noContent();
      }
    }
    if (res.k === 'recyclebin' && ctx.method === 'GET') {
      return collection(ctx, store.recycleBin(actor.web).map((r) => ({
        type: 'SP.RecycleBinItem', uri: `${urls.api}/Web/RecycleBin('${r.id}')`,
        props: { Id: r.id, Title: r.title, ItemType: r.kind === 'list' ? 4 : 1, DeletedDate: r.deleted, DeletedById: r.deletedBy }
      })), 'SP.RecycleBinItem');
    }
    return undefined;
  }
};

function siteEntity(u: Urls, rootWeb: Entity): Entity {
  return {
    type: 'SP.Site', uri: `${u.api}/Site`,
    props: { Id: u.web.id, ServerRelativeUrl: u.web.path, Url: u.webUrl, ReadOnly: false, AllowCreateDeclarativeWorkflow: false },
    nav: { RootWeb: () => rootWeb }
  };
}

/** An unknown id is refused as SharePoint refuses an argument out of range [verify the status and text]. */
function requireZone(id: number): SpTimeZone {
  const zone = Number.isInteger(id) ? timeZoneById(id) : undefined;
  if (!zone) throw Errors.argument('Value does not fall within the expected range.');
  return zone;
}

/**
 * The local site's regional settings: its time zone is UTC, the zone every DateTime here is stored
 * and compared in (model/fieldTypes); the other zones are listed (RegionalSettings/TimeZones) but a
 * local site cannot be moved into one.
 */
function timeZoneEntity(u: Urls, zone: SpTimeZone, uri = `${u.api}/Web/RegionalSettings/TimeZones/GetById(${zone.Id})`): Entity {
  return {
    type: 'SP.TimeZone', uri,
    props: { Description: zone.Description, Id: zone.Id, Information: { ...zone.Information } }
  };
}

function regionalSettingsEntity(u: Urls): Entity {
  return {
    type: 'SP.RegionalSettings', uri: `${u.api}/Web/RegionalSettings`,
    props: { LocaleId: 1033, Time24: false, FirstDayOfWeek: 0, TimeZoneId: UTC_ZONE_ID },
    nav: { TimeZone: () => timeZoneEntity(u, requireZone(UTC_ZONE_ID), `${u.api}/Web/RegionalSettings/TimeZone`) }
  };
}
