import { Errors } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { is, arg, stringArg, type Segment } from '../http/path';
import { noContent, type Entity } from '../http/format';
import { contentTypeEntity, fieldEntity } from '../http/entities';
import { PermissionKind } from '../model/permissions';
import { CONTENT_TYPE_DOCUMENT } from '../store/sharepoint';
import type { List } from '../store/types';
import { collection, one, onWeb, parseJsonBody, post, type ApiContext, type Res, type Route } from './context';

type ContentType = { id: string; name: string; props: Record<string, unknown> };

declare module './context' {
  interface ResKinds {
    contenttype: { list?: List; ct: ContentType };
    /** `fieldLinks` / `fields` of a content type. */
    ctfields: { list?: List; ct: ContentType; links: boolean };
  }
}

/** Content types of the web and of a list: the built-in ones, adding (SharePoint picks the ID), update, parent, fields. */
export const contentTypesRoute: Route = {
  step(ctx: ApiContext, res: Res, seg: Segment): Res | LocalResponse | undefined {
    if (onWeb(res) && is(seg, 'contentTypes', 'availableContentTypes')) {
      return seg.hasParens ? contentTypeById(ctx, undefined, stringArg(seg)) : { k: 'contenttypes' };
    }
    if (res.k === 'list' && is(seg, 'contentTypes')) {
      return seg.hasParens ? contentTypeById(ctx, res.list, stringArg(seg)) : { k: 'contenttypes', list: res.list };
    }
    if (res.k === 'contenttypes') {
      if (is(seg, 'getById')) return contentTypeById(ctx, res.list, stringArg(seg));
      if (is(seg, 'addAvailableContentType') && res.list) return addAvailable(ctx, res.list, seg);
    }
    if (res.k === 'contenttype') {
      if (is(seg, 'fieldLinks')) return { k: 'ctfields', list: res.list, ct: res.ct, links: true };
      if (is(seg, 'fields')) return { k: 'ctfields', list: res.list, ct: res.ct, links: false };
      if (is(seg, 'parent')) {
        const parent = parentOf(ctx, res.list, res.ct);
        if (!parent) throw Errors.argument(`The content type '${res.ct.id}' has no parent here.`, 404);
        return { k: 'contenttype', list: parent.list, ct: parent.ct };
      }
      // The local SharePoint runs no workflows: the honest answer is an empty collection.
      if (is(seg, 'workflowAssociations') && ctx.method === 'GET') return collection(ctx, [], 'SP.Workflow.WorkflowAssociation');
    }
    return undefined;
  },

  finish(ctx: ApiContext, res: Res): LocalResponse | undefined {
    const { store, actor, urls } = ctx;
    if (res.k === 'contenttypes') {
      const scope = scopeOf(ctx, res.list);
      if (ctx.method === 'GET') return collection(ctx, store.contentTypes(scope).map((c) => contentTypeEntity(urls, res.list, c)), 'SP.ContentType');
      if (ctx.method === 'POST') {
        store.demand(actor, res.list ? PermissionKind.ManageLists : PermissionKind.ManageWeb, res.list);
        const body = parseJsonBody(ctx.req);
        const name = String(body.Name ?? '').trim();
        if (!name) throw Errors.badRequest('A content type needs a Name.');
        // The requested Id (body.Id.StringValue) is ignored, as SharePoint Online ignores it.
        const id = store.tx(() => store.addContentType(scope, name, { Description: body.Description, Group: body.Group }));
        const ct = store.contentTypes(scope).find((c) => c.id === id) as ContentType;
        return one(ctx, contentTypeEntity(urls, res.list, ct), 'SP.ContentType', 201);
      }
    }
    if (res.k === 'contenttype') {
      if (ctx.method === 'GET') return one(ctx, contentTypeEntity(urls, res.list, res.ct), 'SP.ContentType');
      if (ctx.method === 'MERGE' || ctx.method === 'PATCH') {
        store.demand(actor, res.list ? PermissionKind.ManageLists : PermissionKind.ManageWeb, res.list);
        const body = parseJsonBody(ctx.req);
        for (const k of Object.keys(body)) {
          if (!['__metadata', 'Name', 'Description', 'Group'].includes(k)) throw Errors.badRequest(`The property '${k}' cannot be changed here on type 'SP.ContentType' [verify].`);
        }
        store.updateContentType(scopeOf(ctx, res.list), res.ct.id, {
          Name: typeof body.Name === 'string' && body.Name.trim() ? body.Name : undefined,
          Description: typeof body.Description === 'string' ? body.Description : undefined,
          Group: typeof body.Group === 'string' ? body.Group : undefined
        });
        return noContent();
      }
    }
    if (res.k === 'ctfields' && ctx.method === 'GET') {
      const fields = fieldsOf(ctx, res.list, res.ct);
      if (!res.links) return collection(ctx, fields.map((f) => fieldEntity(urls, res.list, f)), 'SP.Field');
      return collection(ctx, fields.map((f): Entity => ({
        type: 'SP.FieldLink', uri: `${contentTypeEntity(urls, res.list, res.ct).uri}/FieldLinks(guid'${f.id}')`,
        props: { Hidden: false, Id: f.id, Name: f.internalName, ReadOnly: false, Required: !!f.props.Required, ShowInDisplayForm: true }
      })), 'SP.FieldLink');
    }
    return undefined;
  }
};

function scopeOf(ctx: ApiContext, list: List | undefined): string {
  return list ? list.id : `web:${ctx.actor.web.id}`;
}

function contentTypeById(ctx: ApiContext, list: List | undefined, id: string): Res {
  const ct = ctx.store.contentTypes(scopeOf(ctx, list)).find((c) => c.id.toLowerCase() === id.toLowerCase());
  if (!ct) throw Errors.argument(`The content type '${id}' does not exist.`, 404);
  return { k: 'contenttype', list, ct };
}

/** A list content type's parent is the site's; a site content type's is the longest ID that begins it. */
function parentOf(ctx: ApiContext, list: List | undefined, ct: ContentType): { list?: List; ct: ContentType } | undefined {
  const candidates = [
    ...(list ? ctx.store.contentTypes(list.id).map((c) => ({ list, ct: c })) : []),
    ...ctx.store.contentTypes(`web:${ctx.actor.web.id}`).map((c) => ({ list: undefined, ct: c }))
  ].filter((x) => x.ct.id.length < ct.id.length && ct.id.toUpperCase().startsWith(x.ct.id.toUpperCase()));
  return candidates.sort((a, b) => b.ct.id.length - a.ct.id.length)[0];
}

/** The columns a content type brings: Title for items; Name (FileLeafRef) and Title for documents and folders. */
function fieldsOf(ctx: ApiContext, list: List | undefined, ct: ContentType): ReturnType<ApiContext['store']['fields']> {
  const all = ctx.store.fields(scopeOf(ctx, list));
  const names = ct.id.toUpperCase().startsWith(CONTENT_TYPE_DOCUMENT.toUpperCase()) || ct.id.toUpperCase().startsWith('0X0120') ? ['FileLeafRef', 'Title'] : ['Title'];
  return names.map((n) => all.find((f) => f.internalName === n)).filter((f): f is NonNullable<typeof f> => f !== undefined);
}

/** `list.contentTypes.addAvailableContentType(id)`: a list copy of a site content type. */
function addAvailable(ctx: ApiContext, list: List, seg: Segment): LocalResponse {
  post(ctx);
  ctx.store.demand(ctx.actor, PermissionKind.ManageLists, list);
  let id = arg(seg, 'contentTypeId');
  if (id === undefined) id = parseJsonBody(ctx.req).contentTypeId as string | undefined;
  const site = ctx.store.contentTypes(`web:${ctx.actor.web.id}`).find((c) => c.id.toLowerCase() === String(id ?? '').toLowerCase());
  if (!site) throw Errors.argument(`The content type '${String(id)}' does not exist on the site.`, 404);
  const copy = ctx.store.tx(() => ctx.store.addListContentType(list, site));
  return one(ctx, contentTypeEntity(ctx.urls, list, copy), 'SP.ContentType');
}

