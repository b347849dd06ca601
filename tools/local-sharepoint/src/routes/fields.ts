import { Errors } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { is, stringArg, type Segment } from '../http/path';
import { noContent } from '../http/format';
import { fieldEntity } from '../http/entities';
import { PermissionKind } from '../model/permissions';
import { typeFromClass, typeFromKind, unwrapCollection } from '../model/fieldTypes';
import { parseFieldXml } from '../model/fieldXml';
import type { Field, FieldProps, List } from '../store/types';
import { collection, emptyOk, one, onWeb, parseJsonBody, post, type ApiContext, type Res, type Route } from './context';
import { requireField } from './lookups';

/** Site columns (`web/fields`) and list columns (`list/fields`): add in every dialect, get, update, delete. */
export const fieldsRoute: Route = {
  step(ctx: ApiContext, res: Res, seg: Segment): Res | LocalResponse | undefined {
    if (onWeb(res)) {
      if (is(seg, 'fields')) return seg.hasParens ? { k: 'field', field: requireField(ctx, undefined, { id: stringArg(seg) }) } : { k: 'fields' };
      if (is(seg, 'availableFields')) return { k: 'fields' };
    }
    if (res.k === 'list' && is(seg, 'fields')) {
      return seg.hasParens ? { k: 'field', list: res.list, field: requireField(ctx, res.list, { id: stringArg(seg) }) } : { k: 'fields', list: res.list };
    }
    if (res.k === 'fields') {
      if (is(seg, 'getByInternalNameOrTitle')) return { k: 'field', list: res.list, field: requireField(ctx, res.list, { nameOrTitle: stringArg(seg) }) };
      if (is(seg, 'getByTitle')) return { k: 'field', list: res.list, field: requireField(ctx, res.list, { title: stringArg(seg) }) };
      if (is(seg, 'getById')) return { k: 'field', list: res.list, field: requireField(ctx, res.list, { id: stringArg(seg) }) };
      if (is(seg, 'addField')) { post(ctx); return addFieldByInfo(ctx, res.list); }
      if (is(seg, 'createFieldAsXml')) { post(ctx); return createFieldAsXml(ctx, res.list); }
    }
    return undefined;
  },

  finish(ctx: ApiContext, res: Res): LocalResponse | undefined {
    const { store, actor, urls } = ctx;
    if (res.k === 'fields') {
      if (ctx.method === 'GET') {
        const scope = res.list ? res.list.id : `web:${actor.web.id}`;
        if (res.list) store.demand(actor, PermissionKind.ViewListItems, res.list);
        return collection(ctx, store.fields(scope).map((f) => fieldEntity(urls, res.list, f)), 'SP.Field');
      }
      if (ctx.method === 'POST') return addFieldVerbose(ctx, res.list);
    }
    if (res.k === 'field') {
      if (ctx.method === 'GET') return one(ctx, fieldEntity(urls, res.list, res.field), 'SP.Field');
      if (ctx.method === 'MERGE' || ctx.method === 'PATCH') {
        store.updateField(actor, res.list, res.field, parseJsonBody(ctx.req));
        return noContent();
      }
      if (ctx.method === 'DELETE') { store.deleteField(actor, res.list, res.field); return emptyOk(); }
    }
    return undefined;
  }
};

/** `fields.add*`: verbose body with `__metadata.type` naming the field class. */
function addFieldVerbose(ctx: ApiContext, list: List | undefined): LocalResponse {
  const body = parseJsonBody(ctx.req);
  const meta = body.__metadata as { type?: string } | undefined;
  const kind = typeof body.FieldTypeKind === 'number' ? body.FieldTypeKind : undefined;
  let type = typeFromClass(meta?.type);
  if (kind !== undefined) type = typeFromKind(kind, !!body.AllowMultipleValues);
  if (!type) throw Errors.badRequest('A new field needs FieldTypeKind or __metadata.type.');
  if (type === 'User' && body.AllowMultipleValues) type = 'UserMulti';
  const field = addFromProps(ctx, list, type, body);
  return one(ctx, fieldEntity(ctx.urls, list, field), 'SP.Field', 201);
}

/** `fields.addField` / `addLookup`: `{parameters: SP.FieldCreationInformation}`. */
function addFieldByInfo(ctx: ApiContext, list: List | undefined): LocalResponse {
  const body = parseJsonBody(ctx.req);
  const p = (body.parameters ?? {}) as Record<string, unknown>;
  const kind = Number(p.FieldTypeKind);
  if (!Number.isInteger(kind)) throw Errors.badRequest('parameters.FieldTypeKind is required.');
  const type = typeFromKind(kind, false);
  const field = addFromProps(ctx, list, type, {
    Title: p.Title, Required: p.Required, LookupList: p.LookupListId, LookupField: p.LookupFieldName, LookupWebId: p.LookupWebId,
    Choices: p.Choices
  });
  return one(ctx, fieldEntity(ctx.urls, list, field), 'SP.Field', 201);
}

function addFromProps(ctx: ApiContext, list: List | undefined, type: string, body: Record<string, unknown>): Field {
  const props: FieldProps = {};
  const copy = ['Required', 'Indexed', 'EnforceUniqueValues', 'Hidden', 'Description', 'Group', 'FillInChoice', 'MaxLength', 'MinimumValue',
    'MaximumValue', 'DefaultValue', 'DisplayFormat', 'SelectionMode', 'LookupField', 'EditFormat', 'NumberOfLines', 'RichText',
    'AppendOnly', 'AllowHyperlink', 'RestrictedMode', 'DateTimeCalendarType', 'FriendlyDisplayFormat', 'CurrencyLocaleId', 'SchemaXml'];
  for (const k of copy) if (body[k] !== undefined) (props as Record<string, unknown>)[k] = body[k];
  if (body.Choices !== undefined) props.Choices = (unwrapCollection(body.Choices) ?? []).map(String);
  if (body.LookupList !== undefined) props.LookupList = String(body.LookupList);
  if (body.AllowMultipleValues && type === 'Lookup') type = 'LookupMulti';
  if (body.AllowMultipleValues && type === 'User') type = 'UserMulti';
  if (type === 'Calculated' || type === 'Location' || type === 'Thumbnail') throw Errors.notImplemented(`fields of type ${type}`);
  return ctx.store.addField(ctx.actor, list, {
    title: String(body.Title ?? ''), type, internalName: typeof body.InternalName === 'string' ? body.InternalName : undefined,
    props, addToDefaultView: false
  });
}

function createFieldAsXml(ctx: ApiContext, list: List | undefined): LocalResponse {
  const body = parseJsonBody(ctx.req);
  const params = (body.parameters ?? {}) as { SchemaXml?: string; Options?: number };
  if (typeof params.SchemaXml !== 'string') throw Errors.badRequest('createFieldAsXml needs parameters.SchemaXml.');
  const def = parseFieldXml(params.SchemaXml);
  if (def.props.LookupList && list) {
    const ref = def.props.LookupList;
    const target = /^[{]?[0-9a-f-]{36}[}]?$/i.test(ref) ? ctx.store.getList(ctx.actor.web, { id: ref.replace(/[{}]/g, '') })
      : ctx.store.getList(ctx.actor.web, { url: `${ctx.actor.web.path}/${ref.replace(/^\//, '')}` }) ?? ctx.store.getList(ctx.actor.web, { title: ref });
    if (!target) throw Errors.badRequest(`The lookup list '${ref}' of field '${def.internalName}' does not exist.`);
    def.props.LookupList = target.id;
  }
  const options = Number(params.Options ?? 0);
  const field = ctx.store.addField(ctx.actor, list, {
    title: def.title, type: def.type, internalName: def.internalName, id: def.id, props: { ...def.props, SchemaXml: params.SchemaXml },
    addToDefaultView: (options & 16) === 16
  });
  return one(ctx, fieldEntity(ctx.urls, list, field), 'SP.Field', 201);
}
