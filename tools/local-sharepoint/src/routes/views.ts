import { Errors } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { is, stringArg, type Segment } from '../http/path';
import { noContent, renderValue } from '../http/format';
import { viewEntity, viewFieldsEntity } from '../http/entities';
import { PermissionKind } from '../model/permissions';
import { THRESHOLD } from '../store/sharepoint';
import type { View } from '../store/types';
import { collection, demandMethod, emptyOk, one, parseJsonBody, post, type ApiContext, type Res, type Route } from './context';
import { requireView } from './lookups';

/** A list's views and their view fields. */
export const viewsRoute: Route = {
  step(ctx: ApiContext, res: Res, seg: Segment): Res | LocalResponse | undefined {
    const { store, actor, urls } = ctx;
    if (res.k === 'list') {
      const list = res.list;
      if (is(seg, 'views')) return seg.hasParens ? { k: 'view', list, view: requireView(list, store.views(list), { id: stringArg(seg) }) } : { k: 'views', list };
      if (is(seg, 'getView')) return { k: 'view', list, view: requireView(list, store.views(list), { id: stringArg(seg) }) };
      if (is(seg, 'defaultView')) return { k: 'view', list, view: requireView(list, store.views(list), { default: true }) };
    }
    if (res.k === 'views') {
      if (is(seg, 'getByTitle')) return { k: 'view', list: res.list, view: requireView(res.list, store.views(res.list), { title: stringArg(seg) }) };
      if (is(seg, 'getById')) return { k: 'view', list: res.list, view: requireView(res.list, store.views(res.list), { id: stringArg(seg) }) };
    }
    if (res.k === 'view') {
      if (is(seg, 'viewFields')) return { k: 'viewfields', list: res.list, view: res.view };
      if (is(seg, 'setViewXml')) {
        post(ctx);
        store.demand(actor, PermissionKind.ManageLists, res.list);
        const body = parseJsonBody(ctx.req);
        const xml = String(body.viewXml ?? '');
        const q = /<Query>([\s\S]*)<\/Query>/i.exec(xml);
        const fieldsXml = /<ViewFields>([\s\S]*)<\/ViewFields>/i.exec(xml);
        const rowLimit = /<RowLimit[^>]*>(\d+)<\/RowLimit>/i.exec(xml);
        store.setViewProps(res.view, {
          ViewQuery: q ? q[1] : res.view.props.ViewQuery,
          ViewFields: fieldsXml ? [...fieldsXml[1].matchAll(/Name="([^"]+)"/g)].map((m) => m[1]) : res.view.props.ViewFields,
          RowLimit: rowLimit ? Math.min(Number(rowLimit[1]), THRESHOLD) : res.view.props.RowLimit
        });
        return emptyOk();
      }
    }
    if (res.k === 'viewfields') {
      if (is(seg, 'schemaXml')) {
        if (ctx.method !== 'GET') demandMethod(ctx, 'GET');
        return renderValue('SchemaXml', viewFieldsEntity(urls, res.list, res.view).props.SchemaXml, ctx.mode, urls.webUrl);
      }
      if (!is(seg, 'addViewField', 'removeViewField', 'removeAllViewFields', 'moveViewFieldTo')) return undefined;
      post(ctx);
      store.demand(actor, PermissionKind.ManageLists, res.list);
      const fieldsNow = res.view.props.ViewFields;
      const known = (name: string): string => {
        const f = store.getField(res.list.id, { nameOrTitle: name });
        if (!f && !['LinkTitle', 'LinkTitleNoMenu', 'DocIcon', 'LinkFilename', 'LinkFilenameNoMenu', 'Edit'].includes(name)) throw Errors.columnNotFound(name);
        return f ? f.internalName : name;
      };
      if (is(seg, 'addViewField')) {
        const name = known(stringArg(seg));
        if (!fieldsNow.includes(name)) store.setViewProps(res.view, { ViewFields: [...fieldsNow, name] });
        return emptyOk();
      }
      if (is(seg, 'removeViewField')) {
        const name = known(stringArg(seg));
        store.setViewProps(res.view, { ViewFields: fieldsNow.filter((f) => f !== name) });
        return emptyOk();
      }
      if (is(seg, 'removeAllViewFields')) { store.setViewProps(res.view, { ViewFields: [] }); return emptyOk(); }
      const body = parseJsonBody(ctx.req);
      const name = known(String(body.field));
      const index = Number(body.index);
      const rest = fieldsNow.filter((f) => f !== name);
      if (!Number.isInteger(index) || index < 0 || index > rest.length) throw Errors.badRequest(`Index ${String(body.index)} is out of range.`);
      rest.splice(index, 0, name);
      store.setViewProps(res.view, { ViewFields: rest });
      return emptyOk();
    }
    return undefined;
  },

  finish(ctx: ApiContext, res: Res): LocalResponse | undefined {
    const { store, actor, urls } = ctx;
    if (res.k === 'views') {
      if (ctx.method === 'GET') return collection(ctx, store.views(res.list).map((v) => viewEntity(urls, res.list, v)), 'SP.View');
      if (ctx.method === 'POST') {
        store.demand(actor, PermissionKind.ManageLists, res.list);
        const view = store.insertView(res.list, parseJsonBody(ctx.req));
        return one(ctx, viewEntity(urls, res.list, view), 'SP.View', 201);
      }
    }
    if (res.k === 'view') {
      if (ctx.method === 'GET') return one(ctx, viewEntity(urls, res.list, res.view), 'SP.View');
      if (ctx.method === 'MERGE' || ctx.method === 'PATCH') {
        store.demand(actor, PermissionKind.ManageLists, res.list);
        store.setViewProps(res.view, viewPatch(parseJsonBody(ctx.req)));
        return noContent();
      }
      if (ctx.method === 'DELETE') { store.demand(actor, PermissionKind.ManageLists, res.list); store.deleteView(res.list, res.view); return emptyOk(); }
    }
    if (res.k === 'viewfields' && ctx.method === 'GET') return one(ctx, viewFieldsEntity(urls, res.list, res.view), 'SP.ViewFieldCollection');
    return undefined;
  }
};

function viewPatch(body: Record<string, unknown>): Partial<View['props']> & { Title?: string } {
  const patch: Partial<View['props']> & { Title?: string } = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '__metadata') continue;
    if (k === 'Title' && typeof v === 'string' && v.trim()) patch.Title = v;
    else if (k === 'RowLimit') {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > THRESHOLD) throw Errors.badRequest(`RowLimit must be an integer from 1 to ${THRESHOLD}.`);
      patch.RowLimit = n;
    } else if (['ViewQuery', 'DefaultView', 'Hidden', 'Paged', 'JSLink', 'CustomFormatter', 'Scope', 'TabularView'].includes(k)) {
      (patch as Record<string, unknown>)[k] = v;
    } else throw Errors.badRequest(`The property '${k}' does not exist on type 'SP.View'.`);
  }
  return patch;
}
