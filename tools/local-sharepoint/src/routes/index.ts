import { Errors, SpError } from '../http/errors';
import type { LocalResponse } from '../http/types';
import { is, type Segment } from '../http/path';
import { describe, one, type ApiContext, type Res, type Route } from './context';
import { contextInfoRoute } from './contextinfo';
import { webRoute } from './web';
import { listsRoute } from './lists';
import { fieldsRoute } from './fields';
import { viewsRoute } from './views';
import { itemsRoute } from './items';
import { contentTypesRoute } from './contenttypes';
import { principalsRoute } from './principals';
import { securityRoute } from './security';
import { filesRoute } from './files';
import { unsupportedRoute } from './unsupported';
import { extensionRoute } from './extension';
import { pagesRoute } from './pages';
import { navigationRoute } from './navigation';
import { changesRoute } from './changes';
import { camlRoute } from './caml';
import { attachmentsRoute } from './attachments';
import { handleUserProfiles } from './userProfiles';

export type { ApiContext, ApiOptions } from './context';

/**
 * Every REST area, asked in this order. To add one: write `routes/<area>.ts` exporting a `Route`
 * and list it here, before `unsupportedRoute` (which turns known-but-missing endpoints into 501s).
 */
const ROUTES: Route[] = [
  contextInfoRoute,
  webRoute,
  listsRoute,
  fieldsRoute,
  viewsRoute,
  itemsRoute,
  contentTypesRoute,
  principalsRoute,
  securityRoute,
  filesRoute,
  extensionRoute,
  pagesRoute,
  navigationRoute,
  changesRoute,
  camlRoute,
  attachmentsRoute,
  unsupportedRoute
];

/** Answers `<web>/_api/<segments>`: walks the path one segment at a time, then lets the resource answer. */
export function handleApi(ctx: ApiContext, segments: Segment[]): LocalResponse {
  // The user profile service is its own namespace beside the web's resources.
  if (is(segments[0], 'SP.UserProfiles.PeopleManager')) return handleUserProfiles(ctx, segments);
  let res: Res = { k: 'root' };
  for (let i = 0; i < segments.length; i++) {
    const last = i === segments.length - 1;
    const out = step(ctx, res, segments[i], last);
    if ('status' in out) {
      if (!last) throw Errors.notImplemented(`'${segments.slice(i + 1).map((s) => s.name).join('/')}' after ${segments[i].name}`);
      return out;
    }
    res = out;
  }
  return finish(ctx, res);
}

function step(ctx: ApiContext, res: Res, seg: Segment, last: boolean): Res | LocalResponse {
  for (const route of ROUTES) {
    const out = route.step?.(ctx, res, seg, last);
    if (out !== undefined) return out;
  }
  throw Errors.notImplemented(`'${seg.name}' on ${describe(res)}`);
}

function finish(ctx: ApiContext, res: Res): LocalResponse {
  for (const route of ROUTES) {
    const out = route.finish?.(ctx, res);
    if (out !== undefined) return out;
  }
  if (res.k === 'entity' && ctx.method === 'GET') return one(ctx, res.entity, res.set);
  throw new SpError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
    `The HTTP method '${ctx.method}' is not supported on ${describe(res)}.`);
}
