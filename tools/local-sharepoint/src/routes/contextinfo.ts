import type { LocalResponse } from '../http/types';
import { is, type Segment } from '../http/path';
import { contentTypeFor } from '../http/format';
import { DIGEST_TIMEOUT_SECONDS } from '../digest';
import { post, type ApiContext, type Res, type Route } from './context';

/** `_api/contextinfo`: the form digest a client sends back on writes. */
export const contextInfoRoute: Route = {
  step(ctx: ApiContext, res: Res, seg: Segment): LocalResponse | undefined {
    if (res.k === 'root' && is(seg, 'contextinfo')) return contextInfo(ctx);
    return undefined;
  }
};

function contextInfo(ctx: ApiContext): LocalResponse {
  post(ctx);
  const info = {
    FormDigestTimeoutSeconds: DIGEST_TIMEOUT_SECONDS,
    FormDigestValue: ctx.options.digests.issue(ctx.actor.user.login, ctx.actor.web.path),
    LibraryVersion: '16.0.25421.12002', SiteFullUrl: ctx.urls.webUrl, SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
    WebFullUrl: ctx.urls.webUrl
  };
  const body = ctx.mode === 'verbose' ? { d: { GetContextWebInformation: { __metadata: { type: 'SP.ContextWebInformation' }, ...info } } }
    : ctx.mode === 'minimal' ? { 'odata.metadata': `${ctx.urls.webUrl}/_api/$metadata#SP.ContextWebInformation`, ...info } : info;
  return { status: 200, headers: { 'content-type': contentTypeFor(ctx.mode) }, body: JSON.stringify(body) };
}
