import { Errors, SpError } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { is, stringArg, type Segment } from '../http/path';
import type { Entity } from '../http/format';
import type { Item, List } from '../store/types';
import {
  addAttachment, attachmentContent, attachmentsOf, deleteAttachment, findAttachment, replaceAttachment, type Attachment
} from '../store/attachments';
import { one, collection, emptyOk, post, type ApiContext, type Res, type Route } from './context';
import type { Extension } from './extension';

/**
 * `items(id)/AttachmentFiles`: list, add (`add(FileName=…)`, `addUsingPath`), read
 * (`('name')`, `$value`), replace (`$value` PUT) and delete (`DELETE`, `recycleObject`).
 */

/** SharePoint refuses these characters in attachment names as in file names. */
const INVALID_NAME = /["*:<>?/\\|#%]/;

function validateName(name: string): void {
  if (!name || name.trim() !== name || name.endsWith('.') || INVALID_NAME.test(name) || [...name].some((c) => c.charCodeAt(0) < 0x20) || name.length > 128) {
    throw new SpError(400, '-2130575245, Microsoft.SharePoint.SPException', `The file name '${name}' is not valid for an attachment.`);
  }
}

function notFound(name: string): SpError {
  return new SpError(404, '-2147024894, System.IO.FileNotFoundException', `The attachment '${name}' does not exist.`);
}

function entityOf(ctx: ApiContext, list: List, item: Item, a: Attachment): Entity {
  const url = `${list.url}/Attachments/${item.id}/${a.name}`;
  return {
    type: 'SP.Attachment',
    uri: `${ctx.urls.list(list)}/Items(${item.id})/AttachmentFiles('${encodeURIComponent(a.name.replace(/'/g, "''"))}')`,
    props: { FileName: a.name, FileNameAsPath: { DecodedUrl: a.name }, ServerRelativePath: { DecodedUrl: url }, ServerRelativeUrl: url }
  };
}

export const attachmentsRoute: Route = {
  step: (ctx, res, seg) => (res.k === 'item' && is(seg, 'attachmentFiles') ? step(ctx, res.list, res.item, seg) : undefined)
};

export function step(ctx: ApiContext, list: List, item: Item, seg: Segment): Res {
  if (seg.hasParens) return single(ctx, list, item, stringArg(seg));
  const ext: Extension = {
    describe: 'AttachmentFiles',
    step: (c, s) => {
      if (is(s, 'add', 'addUsingPath')) {
        post(c);
        const name = is(s, 'add') ? stringArg(s, 'FileName') : stringArg(s, 'DecodedUrl');
        validateName(name);
        if (c.req.body.length > c.options.maxUploadBytes) throw Errors.badRequest(`An attachment may have at most ${c.options.maxUploadBytes} bytes.`);
        const a = addAttachment(c.store, c.actor, list, item, name, c.req.body);
        return one(c, entityOf(c, list, item, a), 'SP.Attachment');
      }
      if (is(s, 'getByFileName', 'getByFileNameAsPath')) return single(c, list, item, stringArg(s, 'DecodedUrl'));
      throw Errors.notImplemented(`'${s.name}' on AttachmentFiles`);
    },
    finish: (c) => {
      if (c.method !== 'GET') throw Errors.badRequest(`The HTTP method '${c.method}' is not supported on AttachmentFiles; use add.`);
      return collection(c, attachmentsOf(c.store, list, item).map((a) => entityOf(c, list, item, a)), 'SP.Attachment');
    }
  };
  return { k: 'ext', ext };
}

function single(ctx: ApiContext, list: List, item: Item, name: string): Res {
  const a = findAttachment(ctx.store, list, item, name);
  if (!a) throw notFound(name);
  const ext: Extension = {
    describe: `AttachmentFiles('${name}')`,
    step: (c, s) => {
      if (s.name === '$value') return value(c, list, item, a);
      if (is(s, 'recycleObject')) {
        // @pnp sends it as POST with X-HTTP-Method: DELETE.
        if (c.method !== 'DELETE') post(c);
        deleteAttachment(c.store, c.actor, list, item, a.name);
        return emptyOk();
      }
      throw Errors.notImplemented(`'${s.name}' on an attachment`);
    },
    finish: (c) => {
      if (c.method === 'GET') return one(c, entityOf(c, list, item, a), 'SP.Attachment');
      if (c.method === 'DELETE') {
        deleteAttachment(c.store, c.actor, list, item, a.name);
        return emptyOk();
      }
      throw Errors.badRequest(`The HTTP method '${c.method}' is not supported on an attachment.`);
    }
  };
  return { k: 'ext', ext };
}

function value(ctx: ApiContext, list: List, item: Item, a: Attachment): LocalResponse {
  if (ctx.method === 'GET') {
    const content = attachmentContent(ctx.store, list, item, a.name) ?? Buffer.alloc(0);
    return { status: 200, headers: { 'content-type': 'application/octet-stream', 'content-length': String(content.length) }, body: content };
  }
  if (ctx.method === 'PUT') {
    if (ctx.req.body.length > ctx.options.maxUploadBytes) throw Errors.badRequest(`An attachment may have at most ${ctx.options.maxUploadBytes} bytes.`);
    replaceAttachment(ctx.store, ctx.actor, list, item, a.name, ctx.req.body);
    return { status: 204, headers: {}, body: '' };
  }
  throw Errors.badRequest(`The HTTP method '${ctx.method}' is not supported on an attachment's $value.`);
}
